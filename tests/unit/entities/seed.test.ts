import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/entities/findEntities';
import type { Entity } from '../../../utils/entities/types';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const text = SEED_TEXT;
const entities = findEntities({ text, title: 'Axis of outcasts: Putin and Kim’s cartoon summit', byline: 'Nina L. Khrushcheva' });

/** Every start offset of `word` as a whole word, except inside the given ranges. */
function occurrences(word: string, except: Array<[number, number]> = []): number[] {
  const re = new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'gu');
  return [...text.matchAll(re)].map((m) => m.index).filter((i) => !except.some(([a, b]) => i >= a && i < b));
}

const bookTitle = ((): [number, number] => {
  const start = text.indexOf('In Putin’s Footsteps');
  return [start, text.indexOf('Time Zones') + 'Time Zones'.length];
})();

function entity(id: string): Entity {
  const found = entities.filter((e) => e.id === id);
  expect(found, `${id} among ${entities.map((e) => e.id).join(', ')}`).toHaveLength(1);
  return found[0]!;
}

describe('seed column "Axis of outcasts"', () => {
  it('every mention text is the slice of the text at its offsets', () => {
    for (const e of entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('finds Vladimir Putin once, with every mention except the one inside the book title', () => {
    const putin = entity('person:vladimir-putin');
    expect(putin.type).toBe('person');
    expect(putin.name).toBe('Vladimir Putin');
    // 17 "Putin" in the text; the 17th is in "In Putin’s Footsteps" (a book): 16 mentions, by hand and by code.
    const expected = occurrences('Putin', [bookTitle]);
    expect(expected).toHaveLength(16);
    const starts = putin.mentions.map((m) => m.start);
    // "President Vladimir Putin" is one mention that starts at "Vladimir".
    const normalised = starts.map((s) => (text.startsWith('Vladimir ', s) ? s + 'Vladimir '.length : s));
    expect(normalised).toEqual(expected);
    // headline "Putin and Kim’s", caption "Vladimir Putin", possessive "Putin’s" (mention excludes ’s), "Putin-Kim".
    expect(putin.mentions[0]).toEqual({ start: 18, end: 23, text: 'Putin' });
    expect(putin.mentions.some((m) => m.text === 'Vladimir Putin')).toBe(true);
    const hyphen = text.indexOf('Putin-Kim');
    expect(putin.mentions).toContainEqual({ start: hyphen, end: hyphen + 5, text: 'Putin' });
  });

  it('finds Kim Jong-un once with all 18 mentions, including "Kim’s", "the Kim regime" and "Putin-Kim"', () => {
    const kim = entity('person:kim-jong-un');
    expect(kim.mentions).toHaveLength(18);
    expect(kim.mentions.map((m) => m.start)).toEqual(occurrences('Kim'));
    const hyphen = text.indexOf('Putin-Kim');
    expect(kim.mentions).toContainEqual({ start: hyphen + 6, end: hyphen + 9, text: 'Kim' });
    expect(kim.mentions.filter((m) => m.text === 'Kim Jong-un')).toHaveLength(2);
  });

  it('finds Xi Jinping with "Chinese President Xi Jinping" and the later "Xi"', () => {
    const xi = entity('person:xi-jinping');
    expect(xi.mentions.map((m) => m.text)).toEqual(['Xi Jinping', 'Xi']);
    expect(xi.mentions[1]!.start).toBe(text.indexOf('enemy of Xi') + 'enemy of '.length);
  });

  it('joins the all-caps byline and the bio into one author', () => {
    const nina = entity('person:nina-l-khrushcheva');
    expect(nina.name).toBe('Nina L. Khrushcheva');
    expect(nina.mentions.map((m) => m.text)).toEqual(['NINA L. KHRUSHCHEVA', 'Nina L. Khrushcheva']);
  });

  it('orders the three leaders first, most mentioned first, the author after them', () => {
    const people = entities.filter((e) => e.type === 'person' && !e.fictional).map((e) => e.id);
    expect(people).toEqual(['person:kim-jong-un', 'person:vladimir-putin', 'person:xi-jinping', 'person:nina-l-khrushcheva']);
    expect(entities.find((e) => e.id === 'person:nina-l-khrushcheva')?.author).toBe(true);
    expect(entities.filter((e) => e.author)).toHaveLength(1);
    expect(entities[0]!.id).toBe('person:kim-jong-un');
    for (let i = 1; i < entities.length; i++) {
      expect(entities[i - 1]!.mentions.length).toBeGreaterThanOrEqual(entities[i]!.mentions.length);
    }
  });

  it.each([
    ['place:russia', 'Russia', occurrences('Russia', [bookTitle]).length, 15],
    ['place:north-korea', 'North Korea', occurrences('North Korea').length, 10],
    ['place:china', 'China', occurrences('China').length, 3],
    ['place:south-korea', 'South Korea', occurrences('South Korea').length, 4],
    ['place:ukraine', 'Ukraine', occurrences('Ukraine').length, 4],
    ['place:khasan', 'Khasan', occurrences('Khasan').length, 3],
    ['place:pyongyang', 'Pyongyang', occurrences('Pyongyang').length, 1],
    ['place:united-states', 'United States', occurrences('US').length, 2],
    ['place:moscow', 'Moscow', 1, 1],
    ['place:vostochny-cosmodrome', 'Vostochny Cosmodrome', 1, 1],
    ['place:soviet-union', 'Soviet Union', 1, 1],
  ])('finds %s (%s) with all %i mentions', (id, name, counted, byHand) => {
    expect(counted).toBe(byHand);
    const e = entity(id);
    expect(e.type).toBe('place');
    expect(e.name).toBe(name);
    expect(e.mentions).toHaveLength(byHand);
  });

  it('reads the dateline "MOSCOW:" as Moscow, a place', () => {
    const moscow = entity('place:moscow');
    expect(moscow.mentions[0]).toEqual({ start: text.indexOf('MOSCOW'), end: text.indexOf('MOSCOW') + 6, text: 'MOSCOW' });
  });

  it('marks the cartoon simile as fictional, never as real people', () => {
    for (const id of ['person:mickey-mouse', 'person:donald-duck']) {
      const e = entities.find((x) => x.id === id);
      if (e) expect(e.fictional).toBe(true);
    }
    expect(entities.filter((e) => /mickey|donald/i.test(e.name) && !e.fictional)).toEqual([]);
  });

  it('does not count names inside work titles as people', () => {
    expect(entities.find((e) => /stalin/i.test(e.name) && e.type === 'person')).toBeUndefined();
    const inWorks = entities
      .filter((e) => e.type !== 'other')
      .flatMap((e) => e.mentions)
      .filter((m) => m.start >= bookTitle[0] && m.start < bookTitle[1]);
    expect(inWorks).toEqual([]);
  });

  it('lists no junk', () => {
    const names = entities.map((e) => e.name.toLowerCase());
    for (const junk of ['president', 'tags', 'similar news', 'the death', 'update', 'gmt', 'moscow', 'professor', 'international affairs', 'west', 'north']) {
      const hit = entities.find((e) => e.name.toLowerCase() === junk && !(junk === 'moscow' && e.type === 'place'));
      expect(hit, junk).toBeUndefined();
    }
    expect(names.filter((n) => n.startsWith('the death') && n !== 'the death of stalin')).toEqual([]);
    expect(entities.find((e) => e.name === 'MOSCOW' || (e.type === 'person' && /moscow/i.test(e.name)))).toBeUndefined();
  });

  it('gives ids derived from type and name', () => {
    for (const e of entities) expect(e.id).toMatch(/^(person|place|organization|other):[a-z0-9-]+$/);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
  });

  it('finds the organisations a reader expects', () => {
    const orgs = entities.filter((e) => e.type === 'organization').map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(['United Nations Security Council', 'United Nations', 'Warsaw Pact', 'The New School', 'Kremlin']));
  });

  it('counts "Russian" as a mention of Russia only when asked for demonyms', () => {
    const withDemonyms = findEntities({ text }, { demonyms: true });
    const russia = withDemonyms.find((e) => e.id === 'place:russia')!;
    expect(russia.mentions.length).toBeGreaterThan(15);
    expect(russia.mentions.some((m) => m.text === 'Russian')).toBe(true);
    expect(withDemonyms.find((e) => e.id === 'place:north-korea')!.mentions.some((m) => m.text === 'North Korean')).toBe(true);
  });
});
