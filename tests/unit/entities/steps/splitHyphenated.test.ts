import { describe, expect, it } from 'vitest';
import { spotCandidates } from '../../../../utils/entities/spot';
import { splitHyphenated } from '../../../../utils/entities/splitHyphenated';
import { tokenize } from '../../../../utils/entities/tokenize';

const split = (text: string): string[] => {
  const { tokens, lines } = tokenize(text);
  return splitHyphenated(spotCandidates(text, tokens, lines, () => false, null)).map((c) => text.slice(c.start, c.end));
};

describe('splitHyphenated: two names joined by a hyphen', () => {
  it('splits when each part is named alone elsewhere', () => {
    expect(split('Of course, the partnership heralded at the Putin-Kim summit is not economic. Putin met Kim.')).toEqual(['Putin', 'Kim', 'Putin', 'Kim']);
  });

  it('keeps a name whole when a part is never used alone, or when it is a place', () => {
    expect(split('Rolls-Royce and Royce Hall')).toEqual(['Rolls-Royce', 'Royce Hall']);
    expect(split('Guinea-Bissau voted. Guinea and Bissau.')).toEqual(['Guinea-Bissau', 'Guinea', 'Bissau']);
  });
});
