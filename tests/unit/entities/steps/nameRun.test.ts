import { describe, expect, it } from 'vitest';
import { capitalRunEnd } from '../../../../utils/entities/capitalRun';
import { gluedWordBefore, roleSplitAt, spotNameRun, stripLeadingWords, titledFromBefore } from '../../../../utils/entities/nameRun';
import { stateOf, tokenIndex } from './spotSupport';

/** The run starting at `word`: its state and bounds. */
function run(text: string, word: string) {
  const st = stateOf(text);
  const a = tokenIndex(st, word);
  return { st, a, b: capitalRunEnd(st, a) };
}

/** The candidates spotNameRun makes from the run starting at `word`, as "name/kind" with their clues. */
function spot(text: string, word: string): string[] {
  const { st, a, b } = run(text, word);
  spotNameRun(st, a, b);
  return st.out.map((c) => `${c.name}/${c.kind}${c.titled ? ' titled' : ''}${c.nationality ? ' nationality' : ''}`);
}

describe('spotNameRun: the names in one capitalised run', () => {
  it('splits a run at a role title: a place, then a person', () => {
    expect(spot('said Zimbabwe President Robert Mugabe yesterday', 'Zimbabwe')).toEqual(['Zimbabwe/name', 'Robert Mugabe/name titled']);
  });

  it('splits a nationality word off before a role title: a demonym, then a titled person', () => {
    expect(spot('a slap in the face for Chinese President Xi Jinping, who has worked', 'Chinese')).toEqual(['Chinese/demonym', 'Xi Jinping/name titled']);
  });

  it('strips a nationality word right before a name and remembers it', () => {
    expect(spot('a visit by the North Korean Kim Jong-un to Russia', 'North')).toEqual(['Kim Jong-un/name nationality']);
  });

  it('keeps the article of a keyword-ended organisation', () => {
    expect(spot('Professor of International Affairs at The New School, is the co-author', 'The')).toEqual(['The New School/name']);
  });

  it('drops a run that is only a junk word', () => {
    expect(spot('antagonizing the West is one thing', 'West')).toEqual([]);
  });

  it('keeps only the places of a run too long to be a name', () => {
    expect(spot('see The Best Places To Visit In Russia And Georgia This Summer Now here', 'The')).toEqual(['Russia/name', 'Georgia/name']);
  });
});

describe('the steps of a name run', () => {
  it('finds the last capitalised role title, not the first word', () => {
    const { st, a, b } = run('said Zimbabwe President Robert Mugabe yesterday', 'Zimbabwe');
    expect(st.tokens[roleSplitAt(st, a, b)]!.text).toBe('President');
    const plain = run('met Robert Mugabe yesterday', 'Robert');
    expect(roleSplitAt(plain.st, plain.a, plain.b)).toBe(-1);
  });

  it('strips sentence starters, articles, titles and two-word nationalities', () => {
    const one = run('When North Korean leader Kim Jong-un arrived', 'When');
    expect(one.st.tokens[one.b]!.text).toBe('Korean');
    // "North Korean" is the whole rest of the run: it stays (as a demonym), not stripped as a nationality.
    expect(stripLeadingWords(one.st, one.a, one.b, false)).toEqual({ a: one.a + 1, titled: false, nationality: false });
    const indeed = run('Indeed, the summit failed.', 'Indeed');
    expect(stripLeadingWords(indeed.st, indeed.a, indeed.b, false)).toBeNull();
    const two = run('the talks. Imported North Korean Labour Ministers met', 'Imported');
    const lead = stripLeadingWords(two.st, two.a, two.b, false)!;
    expect(two.st.tokens[lead.a]!.text).toBe('Imported');
    const three = run('a meeting with President Vladimir Putin today', 'President');
    expect(stripLeadingWords(three.st, three.a, three.b, false)).toEqual({ a: three.a + 1, titled: true, nationality: false });
  });

  it('keeps "The" of a place and an article before a keyword-ended name inside a sentence', () => {
    const hague = run('judges at The Hague ruled', 'The');
    expect(stripLeadingWords(hague.st, hague.a, hague.b, false)?.a).toBe(hague.a);
    const school = run('at The New School today', 'The');
    expect(stripLeadingWords(school.st, school.a, school.b, true)?.a).toBe(school.a);
    expect(stripLeadingWords(school.st, school.a, school.b, false)?.a).toBe(school.a + 1);
  });

  it('reads a lower-case role, a country possessive or an apposition before the name', () => {
    const leader = run('North Korean leader Kim Jong-un stepped out', 'Kim');
    expect(titledFromBefore(leader.st, leader.a, leader.b)).toBe(true);
    const hungary = run('Hungary’s Viktor Orbán said', 'Viktor');
    expect(titledFromBefore(hungary.st, hungary.a, hungary.b)).toBe(true);
    const son = run('another son, Jeb Bush, ran', 'Jeb');
    expect(titledFromBefore(son.st, son.a, son.b)).toBe(true);
    const plain = run('the talks with Kim Jong-un failed', 'Kim');
    expect(titledFromBefore(plain.st, plain.a, plain.b)).toBe(false);
  });

  it('skips a sentence-initial word ending in -ed glued to a nationality', () => {
    const { st, a, b } = run('Nobody cared. Imported North Korean labour is cheap. Goods were imported.', 'Imported');
    expect(gluedWordBefore(st, a, a, b)).toBe(1);
    const name = run('Yesterday Angela Merkel spoke.', 'Angela');
    expect(gluedWordBefore(name.st, name.a, name.a, name.b)).toBe(0);
  });
});
