import { describe, expect, it } from 'vitest';
import { intrinsic } from '../../../../utils/entities/intrinsic';
import { collectPeople, indexPeople, nearestPerson, ownersOf, personKey, type Person } from '../../../../utils/entities/people';
import { cand, candidatesOf } from './resolveSupport';

function peopleOf(text: string) {
  const cands = candidatesOf(text);
  return { cands, people: collectPeople(cands, cands.map(intrinsic)) };
}

describe('people named in full', () => {
  it('groups full mentions by key without initials, preferring the mixed-case name', () => {
    const { cands, people } = peopleOf('A story.\n\n•  NINA L. KHRUSHCHEVA\n\nMOSCOW: When Kim arrived.\n\nNina L. Khrushcheva is a professor. Nina Khrushcheva wrote it.');
    expect(personKey(cand(cands, 'Nina L. Khrushcheva'))).toBe('nina khrushcheva');
    const nina = people.get('nina khrushcheva')!;
    expect(nina.name).toBe('Nina L. Khrushcheva');
    expect(nina.positions).toHaveLength(3);
    expect(nina.mixedCase).toBe(true);
  });

  it('links a shorter full name to the longer one it is part of, and indexes people by word', () => {
    const { people } = peopleOf('President Vladimir Vladimirovich Putin spoke. Later Vladimir Putin left. President Xi Jinping stayed.');
    const index = indexPeople(people);
    expect(index.alias.get('vladimir putin')?.name).toBe('Vladimir Vladimirovich Putin');
    expect(index.distinct.map((p) => p.name)).toEqual(['Vladimir Vladimirovich Putin', 'Xi Jinping']);
    expect(ownersOf(index, ['putin'])?.map((p) => p.name)).toEqual(['Vladimir Vladimirovich Putin']);
    expect(ownersOf(index, ['vladimir', 'putin'])?.map((p) => p.name)).toEqual(['Vladimir Vladimirovich Putin']);
    expect(ownersOf(index, ['kim'])).toBeUndefined();
    expect(ownersOf(index, [])).toBeUndefined();
  });

  it('takes the closest full mention before a short form, one after counting four times farther', () => {
    const p = (name: string, positions: number[]): Person => ({ key: name, name, words: [name], positions, fictional: false, mixedCase: true });
    const jeb = p('Jeb Bush', [100]);
    const george = p('George Bush', [400]);
    expect(nearestPerson([jeb, george], 300).name).toBe('Jeb Bush'); // 200 before beats 100 × 4 after
    expect(nearestPerson([jeb, george], 360).name).toBe('George Bush'); // 260 before loses to 40 × 4 after
    expect(nearestPerson([p('A', [10, 500]), p('B', [300])], 520).name).toBe('A'); // the last mention before counts
    expect(nearestPerson([george], 0).name).toBe('George Bush');
  });
});
