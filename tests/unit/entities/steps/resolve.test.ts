import { describe, expect, it } from 'vitest';
import { isSurePlaceHere, resolve, resolveCandidate, resolveContext } from '../../../../utils/entities/resolve';
import { candidatesOf } from './resolveSupport';

/** resolve over a snippet, as "mention → type:name". */
const resolved = (text: string, title: string | null = null): string[] =>
  resolve(text, candidatesOf(text), title).map((r) => `${text.slice(r.cand.start, r.cand.end)} → ${r.type}:${r.name}`);

describe('resolve: every candidate typed and grouped', () => {
  it('links surnames to the nearest full name before them', () => {
    expect(resolved('President George Bush spoke. Bush left. Senator Laura Bush came. Bush stayed.')).toEqual([
      'George Bush → person:George Bush',
      'Bush → person:George Bush',
      'Laura Bush → person:Laura Bush',
      'Bush → person:Laura Bush',
    ]);
  });

  it('keeps an unknown relative apart from the person named in full', () => {
    expect(resolved('President George Bush spoke. Zeb Bush, his son, ran later. Bush won.')).toEqual([
      'George Bush → person:George Bush',
      'Zeb Bush → person:Zeb Bush',
      'Bush → person:George Bush',
    ]);
  });

  it('keeps a sure place a place even when it is someone’s surname', () => {
    expect(resolved('Denzel Washington, 69, starred. He lives in Washington. Washington smiled.')).toEqual([
      'Denzel Washington → person:Denzel Washington',
      'Washington → place:Washington',
      'Washington → person:Denzel Washington',
    ]);
  });

  it('types unknown single words by usage and coordination, and drops demonyms and headline-only names', () => {
    expect(resolved('Mr Zorblax came. Zorblax, who is 40, left. Stores opened in Seattle and Grumbach. Russian troops left.')).toEqual([
      'Zorblax → person:Zorblax',
      'Zorblax → person:Zorblax',
      'Seattle → place:Seattle',
      'Grumbach → place:Grumbach',
    ]);
  });
});

describe('resolveCandidate and isSurePlaceHere', () => {
  const at = (text: string, name: string, nth = 0) => {
    const cands = candidatesOf(text);
    const ctx = resolveContext(text, cands, null);
    const i = cands.map((c, k) => (c.name === name ? k : -1)).filter((k) => k >= 0)[nth]!;
    return { ctx, c: cands[i]!, i };
  };

  it('leaves an unknown word with no common clue pending, and drops a demonym', () => {
    const { ctx, c, i } = at('Talks went on. Then Zorblax came. Later Zorblax left. Zorblax smiled.', 'Zorblax');
    expect(resolveCandidate(ctx, c, i)).toBe('pending');
    const russian = at('Russian troops left.', 'Russian');
    expect(russian.c.kind).toBe('demonym');
    expect(resolveCandidate(russian.ctx, russian.c, russian.i)).toBeNull();
  });

  it('holds a place after "in" or after "Name of" against a surname of the same spelling', () => {
    const text = 'Denzel Washington, 69, starred. He lives in Washington. Senator Patty Murray of Washington voted. Washington smiled.';
    const inWashington = at(text, 'Washington', 0);
    expect(isSurePlaceHere(inWashington.ctx, inWashington.c, inWashington.ctx.info[inWashington.i]!)).toBe(true);
    const ofWashington = at(text, 'Washington', 1);
    expect(isSurePlaceHere(ofWashington.ctx, ofWashington.c, ofWashington.ctx.info[ofWashington.i]!)).toBe(true);
    const plain = at(text, 'Washington', 2);
    expect(isSurePlaceHere(plain.ctx, plain.c, plain.ctx.info[plain.i]!)).toBe(false);
    expect(resolveCandidate(plain.ctx, plain.c, plain.i)).toMatchObject({ type: 'person', name: 'Denzel Washington' });
  });
});
