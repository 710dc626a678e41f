import { describe, expect, it } from 'vitest';
import { mentionSnippet } from '../../../utils/entities/snippets';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const seed = SEED_TEXT;

/** The nth occurrence of `needle` in `text` as a mention. */
function mentionOf(text: string, needle: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) throw new Error(`occurrence ${nth} of ${needle} not in text`);
  }
  return { start, end: start + needle.length, text: needle };
}

const joined = (s: { before: string; match: string; after: string }) => s.before + s.match + s.after;

describe('mentionSnippet', () => {
  it('returns the whole sentence around a mention, split at the mention', () => {
    const text = 'Putin arrived early. He met Kim at the station. The band played.';
    const s = mentionSnippet(text, mentionOf(text, 'Kim'));
    expect(s).toEqual({ before: 'He met ', match: 'Kim', after: ' at the station.' });
  });

  it('keeps the match exactly as the text has it', () => {
    const m = mentionOf(seed, 'Putin’s', 0);
    expect(mentionSnippet(seed, m).match).toBe('Putin’s');
  });

  it('stops at paragraph and line breaks (headline, byline lines have no full stop)', () => {
    const s = mentionSnippet(seed, mentionOf(seed, 'Putin', 0));
    expect(joined(s)).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    const byline = mentionSnippet(seed, mentionOf(seed, 'NINA L. KHRUSHCHEVA'));
    expect(byline.before).toBe('• ');
    expect(byline.after).toBe('');
  });

  it('does not end a sentence at an initial or an abbreviation', () => {
    const text = 'It was late. Nina L. Khrushcheva met Mr. Smith in the U.S. capital today. Then she left.';
    const s = mentionSnippet(text, mentionOf(text, 'Khrushcheva'));
    expect(s.before).toBe('Nina L. ');
    expect(s.after).toBe(' met Mr. Smith in the U.S. capital today.');
  });

  it('ends a sentence after a closing quote and starts the next after it', () => {
    const text = 'The relationship was “not as friendly nor as close.” Putin disagreed. Then Kim left.';
    const s = mentionSnippet(text, mentionOf(text, 'Putin'));
    expect(joined(s)).toBe('Putin disagreed.');
  });

  it('handles question and exclamation marks and the ends of the text', () => {
    const text = 'Who met Kim? Putin did! Kim';
    expect(joined(mentionSnippet(text, mentionOf(text, 'Kim', 0)))).toBe('Who met Kim?');
    expect(joined(mentionSnippet(text, mentionOf(text, 'Putin')))).toBe('Putin did!');
    expect(mentionSnippet(text, mentionOf(text, 'Kim', 1))).toEqual({ before: '', match: 'Kim', after: '' });
  });

  it('does not break inside numbers or at a dot with no space after it', () => {
    const text = 'Russia wrote off 90.5% of the debt owed by North Korea.Next';
    const s = mentionSnippet(text, mentionOf(text, 'North Korea'));
    expect(s.before).toBe('Russia wrote off 90.5% of the debt owed by ');
    expect(s.after).toBe('.Next');
  });

  it('trims a long sentence around the mention at word boundaries with ellipses, within maxChars', () => {
    // The seed's Xi sentence is about 230 characters.
    const m = mentionOf(seed, 'Xi Jinping');
    const full = mentionSnippet(seed, m, 10_000);
    expect(joined(full).length).toBeGreaterThan(200);
    expect(full.before.startsWith('Indeed, the summit')).toBe(true);

    const s = mentionSnippet(seed, m, 100);
    expect(s.match).toBe('Xi Jinping');
    expect(joined(s).length).toBeLessThanOrEqual(100);
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    // Words are not cut: what remains is a suffix/prefix of the full text at a space.
    expect(full.before.endsWith(s.before.slice(1))).toBe(true);
    expect(full.before).toContain(` ${s.before.slice(1)}`);
    expect(full.after.startsWith(s.after.slice(0, -1))).toBe(true);
    expect(full.after[s.after.length - 1]).toBe(' ');
  });

  it('gives the room one side does not need to the other side', () => {
    const text = `Putin ${'and then the meeting went on and on '.repeat(10)}until dusk.`;
    const s = mentionSnippet(text, mentionOf(text, 'Putin'), 80);
    expect(s.before).toBe('');
    expect(s.after.endsWith('…')).toBe(true);
    expect(s.after.length).toBeGreaterThan(60);
    expect(joined(s).length).toBeLessThanOrEqual(80);
  });

  it('collapses whitespace runs', () => {
    const text = 'Putin   met\tKim  at    Khasan.';
    expect(mentionSnippet(text, mentionOf(text, 'Kim'))).toEqual({ before: 'Putin met ', match: 'Kim', after: ' at Khasan.' });
  });

  it('returns the mention alone when it is longer than maxChars', () => {
    const text = 'He cited United Nations Security Council resolutions today.';
    const s = mentionSnippet(text, mentionOf(text, 'United Nations Security Council'), 10);
    expect(s.match).toBe('United Nations Security Council');
    expect(s.before + s.after).toBe('');
  });

  it('covers every mention of Putin in the seed with a snippet that contains it', () => {
    let from = 0;
    let count = 0;
    for (let i = seed.indexOf('Putin', from); i !== -1; i = seed.indexOf('Putin', from)) {
      const s = mentionSnippet(seed, { start: i, end: i + 5 });
      expect(s.match).toBe('Putin');
      expect(joined(s).length).toBeLessThanOrEqual(160);
      expect(joined(s)).not.toContain('\n');
      from = i + 1;
      count++;
    }
    expect(count).toBe(17);
  });
});
