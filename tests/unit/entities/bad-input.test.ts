import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/entities/findEntities';
import type { Entity } from '../../../utils/entities/types';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const seed = SEED_TEXT;

function wellFormed(text: string, es: Entity[]): void {
  expect(Array.isArray(es)).toBe(true);
  for (const e of es) {
    expect(e.mentions.length).toBeGreaterThan(0);
    for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }
}

describe('bad input gives a result, never an exception', () => {
  it('empty text, and a missing text at run time', () => {
    expect(findEntities({ text: '' })).toEqual([]);
    expect(findEntities({ text: undefined as unknown as string })).toEqual([]);
    expect(findEntities({ text: '   \n\n  ', title: null, byline: null, lang: null })).toEqual([]);
  });

  // Generous timeouts: these are about not blowing up (quadratic work would take minutes), not about speed.
  it('1 MB of text', { timeout: 30_000 }, () => {
    const text = seed.repeat(Math.ceil(1_000_000 / seed.length));
    const es = findEntities({ text });
    wellFormed(text, es);
    // Same counts as the seed, times the number of copies.
    const copies = Math.ceil(1_000_000 / seed.length);
    expect(es.find((e) => e.id === 'person:vladimir-putin')?.mentions).toHaveLength(16 * copies);
  });

  it('text with no capital letters finds nothing', () => {
    expect(findEntities({ text: seed.toLowerCase() })).toEqual([]);
  });

  it('all-caps text still finds the known places, and no junk people', () => {
    const text = seed.toUpperCase();
    const es = findEntities({ text });
    wellFormed(text, es);
    expect(es.map((e) => e.name)).toEqual(expect.arrayContaining(['Russia', 'North Korea', 'China', 'Ukraine']));
    expect(es.filter((e) => e.type === 'person')).toEqual([]);
  });

  it.each([
    ['Cyrillic', 'Владимир Путин встретился с Ким Чен Ыном в Москве. Россия и КНДР подписали договор.'],
    ['CJK', '普京与金正恩在俄罗斯会面。中国国家主席习近平表示关注。東京でも報道された。'],
    ['Arabic', 'التقى الرئيس الروسي فلاديمير بوتين مع كيم جونغ أون في روسيا يوم الأربعاء.'],
    ['mixed scripts', 'Путин met Kim in Khasan — 普京 — بوتين. Vladimir Putin left.'],
    ['control characters and odd punctuation', '\u0000\u0007Vladimir\u200bPutin\u00a0met\tKim.\r\n\u2028’’’ -- ... ‐‐ •• :: ()[]'],
  ])('%s', (_label, text) => {
    const es = findEntities({ text });
    wellFormed(text, es);
  });

  it('1 MB of one bare name in a list, and of initials', { timeout: 30_000 }, () => {
    const list = 'Kim, '.repeat(200_000);
    wellFormed(list, findEntities({ text: list }));
    const initials = 'A. B. C. D. '.repeat(80_000);
    wellFormed(initials, findEntities({ text: initials }));
  });

  it('a very long single line with no punctuation and a very long word', { timeout: 30_000 }, () => {
    const text = 'Paris '.repeat(20_000) + 'x'.repeat(200_000);
    const es = findEntities({ text });
    wellFormed(text, es);
    expect(es[0]?.name).toBe('Paris');
  });
});
