import { describe, expect, it } from 'vitest';
import { scanPlaces } from '../../../../utils/entities/placeScan';
import { found, stateOf } from './spotSupport';

describe('scanPlaces: the places inside a headline or shouted run', () => {
  it('takes the longest place at each position, left to right', () => {
    const st = stateOf('Why North Korea And South Korea Still Fear Russia');
    scanPlaces(st, 0, st.tokens.length - 1);
    expect(found(st)).toEqual(['North Korea/name', 'South Korea/name', 'Russia/name']);
    expect(st.out.every((c) => c.sentenceInitial)).toBe(true);
  });

  it('title-cases shouted places', () => {
    const st = stateOf('PUTIN MEETS KIM IN NORTH KOREA');
    scanPlaces(st, 0, st.tokens.length - 1);
    expect(found(st)).toEqual(['North Korea/name']);
    expect(st.text.slice(st.out[0]!.start, st.out[0]!.end)).toBe('NORTH KOREA');
  });

  it('finds nothing in a run without places', () => {
    const st = stateOf('The Best Recipes For A Summer Barbecue Party Tonight');
    scanPlaces(st, 0, st.tokens.length - 1);
    expect(st.out).toEqual([]);
  });
});
