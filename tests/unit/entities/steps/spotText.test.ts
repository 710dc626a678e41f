import { describe, expect, it } from 'vitest';
import { lowerAt, titleCaseWord } from '../../../../utils/entities/spotText';
import { stateOf } from './spotSupport';

describe('spotText: the facts every spotting step shares', () => {
  it('collects the words the text uses in lower case', () => {
    const st = stateOf('Whole Foods raised prices. A whole paycheck goes on food.');
    expect(st.lowerWords.has('whole')).toBe(true);
    expect(st.lowerWords.has('Whole')).toBe(false);
    expect(st.lowerWords.has('foods')).toBe(false);
  });

  it('calls a text shouting when most of its lines are in capitals', () => {
    expect(stateOf('RUSSIA AND NORTH KOREA\nPUTIN MEETS KIM\nA summit in Khasan.').shouting).toBe(true);
    expect(stateOf('PUTIN MEETS KIM\nThe two leaders met in Khasan.\nThey spoke for hours.').shouting).toBe(false);
  });

  it('finds each line by its line number', () => {
    const st = stateOf('Putin and Kim\n\nThe recent meeting in Khasan.');
    const khasan = st.tokens.find((t) => t.text === 'Khasan')!;
    expect(st.lineOf.get(khasan.line)?.firstToken).toBe(3);
  });

  it('title-cases shouted names and reads tokens in lower case', () => {
    expect(titleCaseWord('NINA L. KHRUSHCHEVA')).toBe('Nina L. Khrushcheva');
    expect(titleCaseWord("O'BRIEN-SMITH")).toBe("O'Brien-Smith");
    const st = stateOf('MOSCOW: When');
    expect(lowerAt(st.tokens, 0)).toBe('moscow');
    expect(lowerAt(st.tokens, 9)).toBe('');
  });
});
