import { describe as suite, expect, it } from 'vitest';
import { leadingSimilarity, trailingSimilarity } from '../../../utils/highlights/similarity';

suite('context similarity', () => {
  it('is 1 when the context touches the quote unchanged, with extra text beyond', () => {
    expect(leadingSimilarity('relationship implied', 'relationship implied by the summit')).toBe(1);
    expect(trailingSimilarity('actually offering Kim ', 'whether Putin is actually offering Kim ')).toBe(1);
  });

  it('counts an edited word as a few edits', () => {
    const sim = leadingSimilarity('relationship implied by the summit', 'relationship suggested by the summit');
    expect(sim).toBeGreaterThan(0.7);
    expect(sim).toBeLessThan(1);
  });

  it('gives little credit to unrelated text and needs the context to touch the quote', () => {
    expect(leadingSimilarity('relationship implied by the summit', 'Sign up for our morning newsletter today')).toBeLessThan(0.5);
    // the right words, but not next to the quote
    expect(leadingSimilarity('implied by', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx implied by')).toBeLessThan(0.1);
  });

  it('treats empty expected context as matching', () => {
    expect(leadingSimilarity('', 'anything')).toBe(1);
  });
});
