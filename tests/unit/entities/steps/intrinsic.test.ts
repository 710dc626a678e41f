import { describe, expect, it } from 'vitest';
import { intrinsic } from '../../../../utils/entities/intrinsic';
import { cand, candidatesOf } from './resolveSupport';

const typeOf = (text: string, name: string) => intrinsic(cand(candidatesOf(text), name));

describe('intrinsic: what a candidate is on its own evidence', () => {
  it('knows countries, acronyms and organisations', () => {
    expect(typeOf('The talks with Russia failed.', 'Russia')).toEqual({ type: 'place', name: 'Russia', sure: true });
    expect(typeOf('Members of NATO met.', 'NATO')).toMatchObject({ type: 'organization', sure: true });
    expect(typeOf('resolutions of the United Nations Security Council, which', 'United Nations Security Council')).toMatchObject({ type: 'organization', sure: true });
  });

  it('types a full name with a first name or a title as a person', () => {
    expect(typeOf('a meeting with President Vladimir Putin today', 'Vladimir Putin')).toEqual({ type: 'person', name: 'Vladimir Putin', sure: true });
    expect(typeOf('Mr Haddad, a banker, spoke next.', 'Haddad')).toEqual({ type: 'person', name: 'Haddad', sure: false });
  });

  it('lets "in" outweigh a first-name-like word, but not a title', () => {
    expect(typeOf('Floods in Rio Grande do Sul killed dozens.', 'Rio Grande do Sul')).toEqual({ type: 'place', name: 'Rio Grande do Sul', sure: false });
  });

  it('calls an unknown full name with a common surname ending a person', () => {
    expect(typeOf('The final saw Marketa Vondrousova win.', 'Marketa Vondrousova')).toMatchObject({ type: 'person', sure: true });
  });

  it('has nothing to say about a demonym or an unknown single word', () => {
    expect(typeOf('the early post-Soviet period', 'Soviet')).toBeNull();
    expect(typeOf('the talks with Zorblax failed', 'Zorblax')).toBeNull();
  });

  it('does not take "said" as proof for a name made of common words', () => {
    expect(typeOf('Whole Foods said prices would rise. A whole paycheck goes on food.', 'Whole Foods')).toBeNull();
  });
});
