import { describe, expect, it } from 'vitest';
import { intrinsic } from '../../../../utils/entities/intrinsic';
import { personsByWordUse, typeByVotes, usageVotes } from '../../../../utils/entities/usageVotes';
import { candidatesOf } from './resolveSupport';

describe('usage votes: how the article uses a surface form', () => {
  it('counts person, place and plain uses per key', () => {
    const cands = candidatesOf('Mr Zorblax came. Zorblax, who is 40, left. He flew to Zorblax later. Zorblax smiled.');
    expect(usageVotes(cands).get('zorblax')).toEqual({ person: 2, place: 0, plain: 2, all: 4 });
  });

  it('decides an unknown word by a common clue, else leaves it pending', () => {
    expect(typeByVotes({ person: 1, place: 0, plain: 1, all: 4 })).toBe('person');
    expect(typeByVotes({ person: 1, place: 1, plain: 3, all: 3 })).toBe('person');
    expect(typeByVotes({ person: 0, place: 1, plain: 2, all: 4 })).toBe('place');
    expect(typeByVotes({ person: 0, place: 1, plain: 5, all: 17 })).toBe('pending'); // one "in Amazon’s" among seventeen
    expect(typeByVotes({ person: 2, place: 0, plain: 0, all: 2 })).toBeNull(); // never in running prose
  });

  it('types a full name as a person when its surname is used alone as one', () => {
    const cands = candidatesOf('Hori Parata led the iwi. Parata, 75, died on Sunday.');
    const info = cands.map(intrinsic);
    const i = cands.findIndex((c) => c.name === 'Hori Parata');
    expect(info[i]).toBeNull();
    personsByWordUse(cands, info, usageVotes(cands));
    expect(info[i]).toEqual({ type: 'person', name: 'Hori Parata', sure: true });
  });
});
