import { describe, expect, it } from 'vitest';
import { isConfirmed, proseWords } from '../../../../utils/entities/confirmed';
import { nameKey } from '../../../../utils/entities/gazetteer';
import { cand, candidatesOf } from './resolveSupport';

// A furniture line of three names, then prose that repeats only one of them.
const TEXT = 'Grumbach • Zorblax • Russia\n\nThe firm said Zorblax would grow. Talks in Khasan went on.';

describe('furniture confirmation', () => {
  it('collects the words of names used in running prose', () => {
    const prose = proseWords(candidatesOf(TEXT));
    expect(prose.has('zorblax')).toBe(true);
    expect(prose.has('khasan')).toBe(true);
    expect(prose.has('grumbach')).toBe(false);
  });

  it('lets a headline line repeat prose names and places, or names in the title', () => {
    const cands = candidatesOf(TEXT);
    const prose = proseWords(cands);
    const grumbach = cand(cands, 'Grumbach');
    expect(grumbach.furniture).toBe(true);
    expect(isConfirmed(grumbach, prose, '')).toBe(false);
    expect(isConfirmed(grumbach, prose, nameKey('Grumbach wins again'))).toBe(true);
    const zorblax = cand(cands, 'Zorblax');
    expect(zorblax.furniture).toBe(true);
    expect(isConfirmed(zorblax, prose, '')).toBe(true);
    expect(isConfirmed(cand(cands, 'Russia'), prose, '')).toBe(true);
    expect(isConfirmed(cand(cands, 'Khasan'), prose, '')).toBe(true); // not furniture
  });
});
