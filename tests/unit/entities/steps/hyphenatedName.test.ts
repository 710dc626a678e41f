import { describe, expect, it } from 'vitest';
import { capitalAfterPrefix, capitalBeforeSuffix, pushSingleWord } from '../../../../utils/entities/hyphenatedName';
import { tokenize } from '../../../../utils/entities/tokenize';
import { found, stateOf, tokenIndex } from './spotSupport';

const token = (word: string) => tokenize(word).tokens[0]!;

describe('hyphenated words with one capitalised part', () => {
  it('finds the capital after a lower-case prefix', () => {
    expect(capitalAfterPrefix(token('post-Soviet'))).toBe('Soviet');
    expect(capitalAfterPrefix(token('anti-Putin'))).toBe('Putin');
    expect(capitalAfterPrefix(token('long-range'))).toBeNull();
    expect(capitalAfterPrefix(token('pre-X'))).toBeNull(); // the capitalised part needs two letters
    expect(capitalAfterPrefix(token('e-Uk'))).toBeNull(); // and the word five characters
  });

  it('finds the capital before an adjective suffix only', () => {
    expect(capitalBeforeSuffix(token('Seattle-based'))).toBe('Seattle');
    expect(capitalBeforeSuffix(token('Kremlin-backed'))).toBe('Kremlin');
    expect(capitalBeforeSuffix(token('Jong-un'))).toBeNull();
    expect(capitalBeforeSuffix(token('Putin-Kim'))).toBeNull();
  });

  it('makes a one-word candidate, a demonym for a nationality word', () => {
    const st = stateOf('in the early post-Soviet period, a Seattle-based firm');
    const i = tokenIndex(st, 'post-Soviet');
    const t = st.tokens[i]!;
    pushSingleWord(st, t.end - 'Soviet'.length, t.end, 'Soviet', i, false);
    const j = tokenIndex(st, 'Seattle-based');
    pushSingleWord(st, st.tokens[j]!.start, st.tokens[j]!.start + 7, 'Seattle', j, false);
    expect(found(st)).toEqual(['Soviet/demonym', 'Seattle/name']);
    expect(st.text.slice(st.out[0]!.start, st.out[0]!.end)).toBe('Soviet');
    expect(st.out[1]!.words).toBe(1);
  });
});
