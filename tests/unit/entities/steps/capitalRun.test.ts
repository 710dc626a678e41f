import { describe, expect, it } from 'vitest';
import { capitalRunEnd } from '../../../../utils/entities/capitalRun';
import { stateOf, tokenIndex } from './spotSupport';

/** The words of the run starting at `word`. */
function runFrom(text: string, word: string, opts: { excluded?: (i: number) => boolean } = {}): string {
  const st = stateOf(text, opts);
  const i = tokenIndex(st, word);
  return st.tokens.slice(i, capitalRunEnd(st, i) + 1).map((t) => t.text).join(' ');
}

describe('capitalRunEnd: where a run of capitalised words ends', () => {
  it('runs over capitalised words joined by spaces and stops at a lower-case word', () => {
    expect(runFrom('a slap in the face for Chinese President Xi Jinping, who has worked', 'Chinese')).toBe('Chinese President Xi Jinping');
  });

  it('keeps name particles followed by a capital inside the run', () => {
    expect(runFrom('a letter from Ursula von der Leyen to the leaders', 'Ursula')).toBe('Ursula von der Leyen');
    expect(runFrom('floods in Rio Grande do Sul this week', 'Rio')).toBe('Rio Grande do Sul');
  });

  it('takes "of" only after an organisation or place keyword', () => {
    expect(runFrom('Nina L. Khrushcheva, Professor of International Affairs at The New School', 'Nina')).toBe('Nina L. Khrushcheva');
    expect(runFrom('the Bank of England raised rates', 'Bank')).toBe('Bank of England');
    expect(runFrom('the University of Lisbon said', 'University')).toBe('University of Lisbon');
    expect(runFrom('Secretary of State Blinken', 'Secretary')).toBe('Secretary');
  });

  it('stops at a possessive, a sentence start, an excluded token and an "-based" adjective', () => {
    expect(runFrom('Russia’s Putin wants more', 'Russia')).toBe('Russia');
    expect(runFrom('He met Kim. Putin left.', 'Kim')).toBe('Kim');
    expect(runFrom('the Seattle Boeing-owned plant', 'Seattle')).toBe('Seattle');
    expect(runFrom('North Korea Today', 'North', { excluded: (i) => i === 2 })).toBe('North Korea');
  });

  it('does not glue an all-caps word to a mixed-case one, except initials and regnal numbers', () => {
    expect(runFrom('the KGB Kremlin files', 'KGB')).toBe('KGB');
    expect(runFrom('King Abdullah II of Jordan', 'King')).toBe('King Abdullah II');
    expect(runFrom('by Nina L. Khrushcheva today', 'Nina')).toBe('Nina L. Khrushcheva');
  });
});
