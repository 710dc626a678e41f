import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardAsOf, publicationTime } from '../../../utils/knowledge/articleDate';
import { buildCard } from '../../../utils/knowledge/buildCard';
import { compactItem, keyFacts, officesHeld, populationNear, referencedIds } from '../../../utils/knowledge/keyFacts';
import { parseEntities, type WdEntity } from '../../../utils/knowledge/wikidataEntities';
import { dayKey } from '../../../utils/knowledge/wikidataTime';
import type { KeyFact } from '../../../utils/knowledge/types';

/*
 * Facts as of an article's publication date, on Wikidata bodies with qualifiers: two RECORDED ones (Henning
 * Christophersen, 13 positions held with start/end qualifiers; Bielefeld, 17 population figures with point-in-time
 * qualifiers; see tests/fixtures/wiki/real/ and /work/shared/wikipedia-samples/PROVENANCE.md) and the CONSTRUCTED
 * items the fake Wikidata serves (tests/fixtures/wiki/PROVENANCE.md), in the same wire format.
 */

function entity(path: string, id: string): WdEntity {
  const body = JSON.parse(readFileSync(new URL(`../../fixtures/wiki/${path}`, import.meta.url), 'utf8'));
  const e = parseEntities(body, ['en']).get(id);
  if (!e) throw new Error(`${id} missing from ${path}`);
  return e;
}
const NOW = Date.parse('2026-11-29T08:00:00Z');
const at = (iso: string) => Date.parse(iso);
const byKind = (facts: KeyFact[]) => Object.fromEntries(facts.map((f) => [f.kind, f]));

// Labels are not part of an entity's own body; these are what the label request would bring.
const labels: Record<string, string> = {
  Q756617: 'Kingdom of Denmark',
  Q193391: 'diplomat',
  Q82955: 'politician',
  Q188094: 'economist',
  Q1780230: 'Vice-President of the European Commission',
  Q651703: 'European Commissioner',
  Q5449541: 'Minister of Finance of Denmark',
  Q6866144: 'Minister of Trade of Denmark',
  Q64852347: 'leader of Venstre',
  Q12311817: 'member of the Folketing',
  Q218295: 'President of Russia',
  Q1501150: 'Prime Minister of Russia',
  Q159: 'Russia',
  Q15180: 'Soviet Union',
  Q183: 'Germany',
  Q7923: 'Detmold Government Region',
};
const labelOf = (id: string) => labels[id] ?? null;

describe('a person whose office changed (recorded: Henning Christophersen, Q646148)', () => {
  const henning = entity('real/wikidata-wbgetentities-Q646148.json', 'Q646148');

  it('keeps every non-deprecated position, not only the truthy ones', () => {
    expect(henning.claims.P39).toHaveLength(13);
  });

  it('in 1983: the offices held then, the age then, and today’s last office one line below', () => {
    const facts = byKind(keyFacts('person', henning, labelOf, NOW, at('1983-05-01T12:00:00Z')));
    expect(facts.office).toEqual({
      kind: 'office',
      label: 'Offices',
      value: 'Minister of Finance of Denmark (1982–1984); leader of Venstre (1977–1984)',
      now: 'last office: Vice-President of the European Commission (1989–1995)',
    });
    expect(facts.born?.value).toBe('8 November 1939 (43 at the time)');
    // He died in 2016: no "now" age, the death stays a fact of its own.
    expect(facts.born?.now).toBeUndefined();
    expect(facts.died?.value).toBe('31 December 2016 (aged 77)');
  });

  it('in 1990: both Commission posts, later start first', () => {
    const held = officesHeld(henning, dayKey(at('1990-06-01T00:00:00Z'))).map((c) => c.value);
    expect(held).toEqual(['Q1780230', 'Q651703']);
    expect(byKind(keyFacts('person', henning, labelOf, NOW, at('1990-06-01T00:00:00Z'))).office?.value).toBe(
      'Vice-President of the European Commission (1989–1995); European Commissioner (1985–1995)',
    );
  });

  it('after his death: the last office, and no age at the time', () => {
    const facts = byKind(keyFacts('person', henning, labelOf, NOW, at('2018-03-01T00:00:00Z')));
    expect(facts.office).toEqual({ kind: 'office', label: 'Last office', value: 'Vice-President of the European Commission (1989–1995)' });
    expect(facts.born?.value).toBe('8 November 1939');
  });

  it('asks labels for every office it may need, not only today’s', () => {
    expect(referencedIds('person', henning)).toEqual(expect.arrayContaining(['Q5449541', 'Q6866144', 'Q64852347', 'Q651703', 'Q1780230']));
  });
});

describe('a place with several population figures (recorded: Bielefeld, Q2112)', () => {
  const bielefeld = entity('real/wikidata-wbgetentities-Q2112.json', 'Q2112');

  it('gives the figure nearest the article’s date, with its year, and today’s below', () => {
    const facts = byKind(keyFacts('place', bielefeld, labelOf, NOW, at('2005-06-01T00:00:00Z')));
    expect(facts.population).toEqual({ kind: 'population', label: 'Population', value: '321,758 (2000)', now: '334,002 (2021)' });
  });

  it('nearest means nearest: 15 days before beats 77 days after', () => {
    expect(populationNear(bielefeld, dayKey(at('2019-10-15T00:00:00Z')))?.amount).toBe(333786);
  });

  it('today’s figure is Wikidata’s preferred one, and is not repeated when the article is recent', () => {
    const facts = byKind(keyFacts('place', bielefeld, labelOf, NOW, at('2022-02-01T00:00:00Z')));
    expect(facts.population).toEqual({ kind: 'population', label: 'Population', value: '334,002 (2021)' });
    expect(byKind(keyFacts('place', bielefeld, labelOf, NOW)).population?.value).toBe('334,002 (2021)');
  });
});

describe('the fake Wikidata’s constructed items, as a card tells them', () => {
  const putin = entity('wikidata-entities.json', 'Q7747');
  const khasan = entity('wikidata-entities.json', 'Q2046218');
  const page = (title: string, qid: string) => ({ title, pageid: 1, qid, description: null, disambiguation: false, extractHtml: null, thumbnail: null, coordinates: null, url: null, index: null });
  const card = (type: 'person' | 'place', item: WdEntity, title: string) =>
    buildCard({ page: page(title, item.id), lang: 'en', fellBackToEnglish: false, type, item, labelOf, fictional: false, now: NOW, factsMissing: false });

  it('2010: Prime Minister (2008–2012), 57 at the time; now President since 2012', () => {
    const dated = cardAsOf(card('person', putin, 'Vladimir Putin'), '2010-03-15T09:00:00+03:00', NOW);
    expect(dated.factsAsOf).toBe('2010-03-15');
    const facts = byKind(dated.facts);
    expect(facts.office).toEqual({ kind: 'office', label: 'Office', value: 'Prime Minister of Russia (2008–2012)', now: 'President of Russia (since 2012)' });
    expect(facts.born).toEqual({ kind: 'born', label: 'Born', value: '7 October 1952 (57 at the time)', now: 'age 74' });
  });

  it('2023 (the seed): President since 2012, 70 at the time; the office needs no "now" line', () => {
    const facts = byKind(cardAsOf(card('person', putin, 'Vladimir Putin'), '2023-10-02', NOW).facts);
    expect(facts.office).toEqual({ kind: 'office', label: 'Office', value: 'President of Russia (since 2012)' });
    expect(facts.born?.value).toBe('7 October 1952 (70 at the time)');
  });

  it('2003: President (2000–2008)', () => {
    expect(byKind(cardAsOf(card('person', putin, 'Vladimir Putin'), '2003-01-10', NOW).facts).office?.value).toBe('President of Russia (2000–2008)');
  });

  it('Khasan in 2012: the 2010 census, today’s figure below', () => {
    const facts = byKind(cardAsOf(card('place', khasan, 'Khasan, Primorsky Krai'), '2012-06-01', NOW).facts);
    expect(facts.population).toEqual({ kind: 'population', label: 'Population', value: '742 (2010)', now: '683 (2021)' });
  });

  it('without a publication date (or an implausible one): today’s facts, as before', () => {
    const c = card('person', putin, 'Vladimir Putin');
    expect(cardAsOf(c, null, NOW)).toBe(c);
    expect(cardAsOf(c, '2999-01-01', NOW)).toBe(c);
    expect(cardAsOf(c, 'not a date', NOW)).toBe(c);
    expect(publicationTime('1700-01-01', NOW)).toBeNull();
    expect(byKind(c.facts).office).toEqual({ kind: 'office', label: 'Office', value: 'President of Russia (since 2012)' });
  });

  it('a card keeps only the statements and qualifiers facts read, compactly', () => {
    const compact = compactItem(putin);
    expect(Object.keys(compact.claims).sort()).toEqual(['P106', 'P27', 'P31', 'P39', 'P569']);
    expect(compact.claims.P39?.[0]).toEqual({ value: 'Q218295', qualifiers: { P580: [{ time: '2000-05-07T00:00:00.000Z', precision: 11 }], P582: [{ time: '2008-05-07T00:00:00.000Z', precision: 11 }] } });
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(putin).length);
  });
});
