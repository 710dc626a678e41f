import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOrLastOffice, keyFacts, referencedIds } from '../../../utils/knowledge/keyFacts';
import { checkType } from '../../../utils/knowledge/typeCheck';
import { parseEntities, type WdEntity } from '../../../utils/knowledge/wikidataEntities';
import { formatTime, yearsBetween } from '../../../utils/knowledge/wikidataTime';

// Real wbgetentities bodies (see tests/fixtures/wiki/README.md for provenance).
function realEntity(file: string, id: string): WdEntity {
  const body = JSON.parse(readFileSync(new URL(`../../fixtures/wiki/real/${file}`, import.meta.url), 'utf8'));
  const e = parseEntities(body, ['en']).get(id);
  if (!e) throw new Error(`${id} missing`);
  return e;
}
const NOW = Date.parse('2026-11-29T08:00:00Z');
const labels: Record<string, string> = {
  Q756617: 'Kingdom of Denmark',
  Q193391: 'diplomat',
  Q82955: 'politician',
  Q188094: 'economist',
  Q1780230: 'Vice-President of the European Commission',
  Q651703: 'European Commissioner',
  Q30: 'United States',
  Q36180: 'writer',
  Q183: 'Germany',
  Q7923: 'Detmold Government Region',
};
const labelOf = (id: string) => labels[id] ?? null;

describe('key facts from real Wikidata items', () => {
  it('a dead politician: born, died with age, the office held last, citizenship, occupations', () => {
    const henning = realEntity('wikidata-wbgetentities-Q646148.json', 'Q646148');
    const facts = Object.fromEntries(keyFacts('person', henning, labelOf, NOW).map((f) => [f.kind, f]));
    expect(facts.born?.value).toBe('8 November 1939');
    expect(facts.died?.value).toBe('31 December 2016 (aged 77)');
    // Two offices end on 1995-01-22; the later start (1989) wins.
    expect(currentOrLastOffice(henning)?.value).toBe('Q1780230');
    expect(facts.office).toEqual({ kind: 'office', label: 'Last office', value: 'Vice-President of the European Commission (1989–1995)' });
    expect(facts.citizenship?.value).toBe('Kingdom of Denmark');
    expect(facts.occupation?.value).toBe('diplomat, politician, economist');
  });

  it('a living person gets an age and no death', () => {
    const roth = realEntity('wikidata-wbgetentities-Q328212.json', 'Q328212');
    const facts = keyFacts('person', roth, labelOf, NOW);
    expect(facts.find((f) => f.kind === 'born')?.value).toBe('19 August 1988 (age 38)');
    expect(facts.some((f) => f.kind === 'died')).toBe(false);
    expect(facts.find((f) => f.kind === 'citizenship')?.value).toBe('United States');
  });

  it('a city: the preferred country, region, latest population with its year, coordinates', () => {
    const bielefeld = realEntity('wikidata-wbgetentities-Q2112.json', 'Q2112');
    const facts = Object.fromEntries(keyFacts('place', bielefeld, labelOf, NOW).map((f) => [f.kind, f.value]));
    expect(facts).toMatchObject({ country: 'Germany', region: 'Detmold Government Region', population: '334,002 (2021)', coordinates: '52.0167° N, 8.5333° E' });
    expect(referencedIds('place', bielefeld)).toEqual(expect.arrayContaining(['Q183', 'Q7923']));
  });

  it('facts whose labels are unknown are left out rather than shown as ids', () => {
    const henning = realEntity('wikidata-wbgetentities-Q646148.json', 'Q646148');
    const facts = keyFacts('person', henning, () => null, NOW);
    expect(facts.map((f) => f.kind)).toEqual(['born', 'died']);
  });

  it('a novalue statement and a missing item do not break parsing', () => {
    const foo = realEntity('wikidata-wbgetentities-Q483718-novalue-snak.json', 'Q483718');
    expect(keyFacts('organization', foo, labelOf, NOW)).toEqual([]);
    const missing = JSON.parse(readFileSync(new URL('../../fixtures/wiki/real/wikidata-wbgetentities-Q10908976-missing.json', import.meta.url), 'utf8'));
    expect(parseEntities(missing, ['en']).size).toBe(0);
  });

  it('a Wikibase error body (HTTP 200) is an error', () => {
    const err = JSON.parse(readFileSync(new URL('../../fixtures/wiki/real/wikidata-wbgetentities-error-no-such-entity.json', import.meta.url), 'utf8'));
    expect(() => parseEntities(err, ['en'])).toThrow(/no-such-entity/);
  });
});

describe('type check', () => {
  const item = (claims: Record<string, string[]>, extra: Record<string, unknown[]> = {}): WdEntity => ({
    id: 'Q1',
    label: 'x',
    description: null,
    claims: {
      ...Object.fromEntries(Object.entries(claims).map(([p, ids]) => [p, ids.map((value) => ({ value, qualifiers: {} }))])),
      ...Object.fromEntries(Object.entries(extra).map(([p, values]) => [p, values.map((value) => ({ value, qualifiers: {} }))])),
    },
  });
  it('a person must be human; characters are fictional; anything else is a mismatch', () => {
    expect(checkType('person', realEntity('wikidata-wbgetentities-Q328212.json', 'Q328212'), labelOf)).toBe('ok');
    expect(checkType('person', item({ P31: ['Q15711870'] }), labelOf)).toBe('fictional');
    expect(checkType('person', item({ P31: ['Q999999'] }), (id) => (id === 'Q999999' ? 'fictional dog' : null))).toBe('fictional');
    expect(checkType('person', item({ P31: ['Q11424'] }), labelOf)).toBe('mismatch');
    expect(checkType('person', undefined, labelOf)).toBe('unknown');
  });
  it('a place needs coordinates or a country, and is never a human or a disambiguation page', () => {
    expect(checkType('place', realEntity('wikidata-wbgetentities-Q2112.json', 'Q2112'), labelOf)).toBe('ok');
    expect(checkType('place', item({ P31: ['Q23397'], P17: ['Q159'] }), labelOf)).toBe('ok');
    expect(checkType('place', item({ P31: ['Q178561'] }), labelOf)).toBe('mismatch');
    expect(checkType('place', item({ P31: ['Q5'], P17: ['Q159'] }), labelOf)).toBe('mismatch');
    expect(checkType('organization', item({ P31: ['Q4167410'] }), labelOf)).toBe('mismatch');
  });
});

describe('Wikidata times', () => {
  it('formats by precision', () => {
    expect(formatTime({ time: '1952-10-07T00:00:00.000Z', precision: 11 })).toBe('7 October 1952');
    expect(formatTime({ time: '1952-10-00T00:00:00.000Z', precision: 10 })).toBe('October 1952');
    expect(formatTime({ time: '1919-01-01T00:00:00.000Z', precision: 9 })).toBe('1919');
    expect(formatTime({ time: '1950-01-01T00:00:00.000Z', precision: 8 })).toBe('1950s');
    expect(formatTime({ time: '1901-01-01T00:00:00.000Z', precision: 7 })).toBe('20th century');
  });
  it('counts whole years, before and after the birthday', () => {
    const born = { time: '1952-10-07T00:00:00.000Z', precision: 11 };
    expect(yearsBetween(born, Date.parse('2026-10-06T12:00:00Z'))).toBe(73);
    expect(yearsBetween(born, Date.parse('2026-10-07T12:00:00Z'))).toBe(74);
  });
});
