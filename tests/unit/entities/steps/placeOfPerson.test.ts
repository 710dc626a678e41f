import { describe, expect, it } from 'vitest';
import { intrinsic } from '../../../../utils/entities/intrinsic';
import { collectPeople } from '../../../../utils/entities/people';
import { followsPersonOf, personEnds } from '../../../../utils/entities/placeOfPerson';
import { cand, candidatesOf } from './resolveSupport';

describe('"Name of Place": a place after a person', () => {
  it('finds where people end and whether " of " follows one', () => {
    const text = 'Senator Patty Murray of Washington voted no. The state of Washington voted yes.';
    const cands = candidatesOf(text);
    const info = cands.map(intrinsic);
    const ends = personEnds(cands, info, collectPeople(cands, info));
    expect(ends.has(cand(cands, 'Patty Murray').end)).toBe(true);
    const [first, second] = cands.filter((c) => c.name === 'Washington');
    expect(followsPersonOf(text, first!, ends)).toBe(true);
    expect(followsPersonOf(text, second!, ends)).toBe(false);
  });
});
