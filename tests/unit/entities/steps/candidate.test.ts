import { describe, expect, it } from 'vitest';
import { makeCandidate, noSignals, type Candidate } from '../../../../utils/entities/candidate';
import { capitalRunEnd } from '../../../../utils/entities/capitalRun';
import { stateOf, tokenIndex } from './spotSupport';

/** The candidate for the run starting at `word`, with no signals of its own. */
function cand(text: string, word: string, nth = 0): Candidate {
  const st = stateOf(text);
  const a = tokenIndex(st, word, nth);
  const b = capitalRunEnd(st, a);
  const start = st.tokens[a]!.start;
  const end = st.tokens[b]!.end;
  return makeCandidate(st, start, end, text.slice(start, end), b - a + 1, 'name', a, b, noSignals(false));
}

describe('makeCandidate: the clues around a name', () => {
  it('reads place context from a preposition or "the town of"', () => {
    expect(cand('The recent meeting in Khasan came across as a gambit.', 'Khasan').placeContext).toBe(true);
    expect(cand('a railway station in the eastern Russian town of Khasan for his meeting', 'Khasan').placeContext).toBe(true);
    expect(cand('The recent meeting with Putin came across as a gambit.', 'Putin').placeContext).toBe(false);
  });

  it('reads person context from ", who" and an age, and "said" after or before', () => {
    expect(cand('a slap in the face for Xi Jinping, who has worked for years', 'Xi').personContext).toBe(true);
    expect(cand('Hori Parata, 75, died', 'Hori').personContext).toBe(true);
    expect(cand('Putin said the talks went well.', 'Putin').saidContext).toBe(true);
    expect(cand('“It works,” said Tu Le, founder of the firm.', 'Tu').saidContext).toBe(true);
    expect(cand('Putin’s said-to-be plan', 'Putin').saidContext).toBe(false);
  });

  it('marks "Name of Place" for resolve to check', () => {
    expect(cand('Senator Patty Murray of Washington voted', 'Washington').ofAfterName).toBe(true);
    expect(cand('the state of Washington voted', 'Washington').ofAfterName).toBe(false);
  });

  it('reads what its own words are', () => {
    const school = cand('Professor of International Affairs at The New School, is', 'The');
    expect(school).toMatchObject({ name: 'The New School', orgKeyword: true, placeKeyword: false, key: 'the new school' });
    expect(cand('the United Nations Security Council met', 'United').orgKeyword).toBe(true);
    expect(cand('near Lake Baikal today', 'Lake').placeKeyword).toBe(true);
    expect(cand('a letter from Ursula von der Leyen today', 'Ursula')).toMatchObject({ hasParticle: true, firstNameFirst: true });
    expect(cand('Whole Foods raised prices. A whole paycheck goes.', 'Whole').commonWord).toBe(true);
  });

  it('marks names on a headline line as furniture', () => {
    expect(cand('Putin And Kim Meet Again\n\nThe two leaders met in Khasan.', 'Putin').furniture).toBe(true);
    expect(cand('Putin And Kim Meet Again\n\nThe two leaders met in Khasan.', 'Khasan').furniture).toBe(false);
  });
});
