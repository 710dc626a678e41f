import { describe, expect, it } from 'vitest';
import { intrinsic } from '../../../../utils/entities/intrinsic';
import { keyWords } from '../../../../utils/entities/keyWords';
import { collectPeople, indexPeople } from '../../../../utils/entities/people';
import { resolveUnknownFullName } from '../../../../utils/entities/unknownFullName';
import { cand, candidatesOf } from './resolveSupport';

function unknown(text: string, name: string) {
  const cands = candidatesOf(text);
  const c = cand(cands, name);
  return resolveUnknownFullName(c, keyWords(c.key), indexPeople(collectPeople(cands, cands.map(intrinsic))).byWord);
}

describe('unknown full names', () => {
  it('makes family of someone named in full with the same surname', () => {
    expect(unknown('President George Bush spoke. Another son, Zeb Bush, ran too.', 'Zeb Bush')).toMatchObject({ type: 'person', group: 'zeb bush', name: 'Zeb Bush' });
  });

  it('cuts a known place off ordinary capitalised nouns', () => {
    const r = unknown('protests outside the United States Embassies grew', 'United States Embassies')!;
    expect(r).toMatchObject({ type: 'place', name: 'United States' });
    expect(r.cand).toMatchObject({ name: 'United States', words: 2 });
    expect(r.cand.end - r.cand.start).toBe('United States'.length);
  });

  it('leaves anything else unresolved', () => {
    expect(unknown('the Zorblax Grumbach affair', 'Zorblax Grumbach')).toBeNull();
  });
});
