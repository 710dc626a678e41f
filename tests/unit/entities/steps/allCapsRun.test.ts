import { describe, expect, it } from 'vitest';
import { isAllCapsRun, spotAllCaps } from '../../../../utils/entities/allCapsRun';
import { capitalRunEnd } from '../../../../utils/entities/capitalRun';
import { nameKey } from '../../../../utils/entities/gazetteer';
import { found, stateOf, tokenIndex } from './spotSupport';

/** Runs spotAllCaps on the run starting at `word`; returns whether it took the run, and what it found. */
function caps(text: string, word: string, bylineKey: string | null = null): { took: boolean; found: string[] } {
  const st = stateOf(text, { bylineKey });
  const a = tokenIndex(st, word);
  const b = capitalRunEnd(st, a);
  const took = spotAllCaps(st, a, b, st.lineOf.get(st.tokens[a]!.line));
  return { took, found: found(st) };
}

describe('all-caps runs: bylines, datelines, acronyms and shouting', () => {
  it('tells an all-caps run from a mixed one', () => {
    const st = stateOf('NINA L. KHRUSHCHEVA met Nina Khrushcheva');
    expect(isAllCapsRun(st.tokens, 0, 2)).toBe(true);
    expect(isAllCapsRun(st.tokens, 4, 5)).toBe(false);
  });

  it('reads a dateline at the start of a paragraph', () => {
    expect(caps('MOSCOW: When North Korean leader Kim Jong-un stepped out of his armored train', 'MOSCOW')).toEqual({ took: true, found: ['Moscow/dateline'] });
    expect(caps('Earlier today.\nKYIV (AP) — Ukraine said', 'KYIV').found).toEqual(['Kyiv/dateline']);
  });

  it('reads an all-caps author line as a byline, with or without the given byline', () => {
    expect(caps('The summit in Khasan.\n\n•  NINA L. KHRUSHCHEVA\n\nMOSCOW: When Kim stepped out', 'NINA').found).toEqual(['Nina L. Khrushcheva/byline']);
    expect(caps('A story.\nBY JOHN SMITH\nThe story goes on here.', 'BY').found).toEqual(['John Smith/byline']);
    expect(caps('He said JOHN SMITH would come today.', 'JOHN', nameKey('John Smith')).found).toEqual(['John Smith/byline']);
  });

  it('leaves known acronyms to the ordinary path and drops unknown short ones', () => {
    expect(caps('Members of NATO met in Brussels today.', 'NATO')).toEqual({ took: false, found: [] });
    expect(caps('Update: 2023-10-02 05:30 GMT and more words follow here.', 'GMT')).toEqual({ took: true, found: [] });
  });

  it('keeps only places in a shouted headline', () => {
    expect(caps('The talks.\nPUTIN WELCOMES KIM TO RUSSIA\nThe talks went on for hours in Khasan.', 'PUTIN')).toEqual({ took: true, found: ['Russia/name'] });
  });
});
