import { describe as suite, expect, it } from 'vitest';
import { normalizeForMatching, normalizeString, toOriginalRange } from '../../../utils/highlights/normalize';

suite('normalizeForMatching', () => {
  it('folds curly quotes, dashes and the ellipsis', () => {
    expect(normalizeString('Putin’s “no-limits” partnership – a gambit—really…')).toBe(
      'Putin\'s "no-limits" partnership - a gambit-really...',
    );
  });

  it('collapses whitespace runs, NBSP and newlines to one space and drops zero-width characters', () => {
    expect(normalizeString('Kim\u00a0Jong-un\n\n  stepped\u200b out\u00adside\ufeff')).toBe('Kim Jong-un stepped outside');
  });

  it('keeps case (a change of case is a real edit)', () => {
    expect(normalizeString('Putin PUTIN')).toBe('Putin PUTIN');
  });

  it('maps every normalised range back to the original text', () => {
    const original = 'He said:  “It’s over”\u00a0— and\u200b left…\n\nNext.';
    const norm = normalizeForMatching(original);
    const target = 'It\'s over" - and left...';
    const at = norm.text.indexOf(target);
    expect(at).toBeGreaterThan(-1);
    const { start, end } = toOriginalRange(norm, at, at + target.length);
    expect(original.slice(start, end)).toBe('It’s over”\u00a0— and\u200b left…');
    // and from original offsets forward
    expect(norm.fromOriginal[original.indexOf('Next')]).toBe(norm.text.indexOf('Next'));
  });

  it('maps a collapsed whitespace run back to the whole run', () => {
    const original = 'one \n\n two';
    const norm = normalizeForMatching(original);
    expect(norm.text).toBe('one two');
    expect(toOriginalRange(norm, 3, 4)).toEqual({ start: 3, end: 7 });
    expect(toOriginalRange(norm, 7, 7)).toEqual({ start: original.length, end: original.length });
  });
});

suite('normalizeString', () => {
  it('gives the same text as normalizeForMatching on every folding rule', () => {
    const samples = [
      'Putin’s “no-limits” partnership – a gambit—really…',
      'a \u200b b\u00a0\u00a0c\u200bd\n\n\te\u00adf',
      '\u2018single\u2019 \u201adouble\u201b \u201clow\u201e\u201f \u2032\u2033 \u00abguillemets\u00bb `tick´ ʼ',
      '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d',
      ' leading and trailing \u3000',
      'ellipsis… …… end',
    ];
    for (const s of samples) expect(normalizeString(s)).toBe(normalizeForMatching(s).text);
  });
});
