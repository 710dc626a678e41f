import { describe, expect, it } from 'vitest';
import { placesByCoordination } from '../../../../utils/entities/coordination';
import type { Resolved } from '../../../../utils/entities/resolve';
import { cand, candidatesOf } from './resolveSupport';

describe('coordination: undecided words listed with places', () => {
  it('adds a word listed after a place and keeps reading order', () => {
    const text = 'Stores opened in Seattle and Zorblax, and later in Grumbach.';
    const cands = candidatesOf(text);
    const seattle = cand(cands, 'Seattle');
    const out: Resolved[] = [{ cand: seattle, type: 'place', group: 'seattle', name: 'Seattle' }];
    placesByCoordination(text, [cand(cands, 'Grumbach'), cand(cands, 'Zorblax')], out);
    expect(out.map((r) => `${r.name}/${r.type}`)).toEqual(['Seattle/place', 'Zorblax/place']);
  });

  it('does not follow a person or a headline-only name', () => {
    const text = 'Talks with Putin and Zorblax went on.';
    const cands = candidatesOf(text);
    const out: Resolved[] = [{ cand: cand(cands, 'Putin'), type: 'person', group: 'putin', name: 'Putin' }];
    placesByCoordination(text, [cand(cands, 'Zorblax'), { ...cand(cands, 'Zorblax'), start: -5, end: -1 }], out);
    expect(out).toHaveLength(1);
  });
});
