import { describe as suite, expect, it } from 'vitest';
import { ANCHOR_RULES, anchor, anchorAll } from '../../../utils/highlights/anchor';
import { describe } from '../../../utils/highlights/describe';
import type { AnchorResult } from '../../../utils/highlights/types';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const seed = SEED_TEXT.trim();
const paragraphs = seed.split('\n\n');
const join = (ps: string[]): string => ps.join('\n\n');

/** Selectors for the first occurrence of `passage` in `text`. */
function select(text: string, passage: string) {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`fixture: "${passage}" not in text`);
  return describe(text, start, start + passage.length);
}

function expectAt(result: AnchorResult, text: string, start: number, end: number, method?: string): void {
  expect(result).toMatchObject({ status: 'anchored', start, end });
  if (method) expect(result).toMatchObject({ method });
  if (result.status === 'anchored') expect(text.slice(result.start, result.end)).toBe(text.slice(start, end));
}

const SHORT = 'artillery and weapons'; // 21 chars
const LONG = 'the summit with Kim came across as a sort of gambit';
const pIndex = (needle: string): number => paragraphs.findIndex((p) => p.includes(needle));

suite('anchor: unchanged and shifted text', () => {
  it('takes the stored position when the quote is still there', () => {
    const sel = select(seed, LONG);
    expectAt(anchor(seed, sel), seed, sel.position.start, sel.position.end, 'position');
  });

  it('finds the quote by exact search when text was inserted before it', () => {
    const sel = select(seed, LONG);
    const changed = join([paragraphs[0]!, 'Advertisement', 'Sign up for our newsletter to get the day’s news.', ...paragraphs.slice(1)]);
    const at = changed.indexOf(LONG);
    expectAt(anchor(changed, sel), changed, at, at + LONG.length, 'exact');
  });

  it('ignores curly/straight quotes, dashes, NBSP and whitespace changes, and returns offsets in the changed text', () => {
    const passage = 'a sort of gambit – and a slap in the face for Chinese President Xi Jinping';
    const sel = select(seed, passage);
    const changed = seed.replace(/’/g, "'").replace(/ – /g, '\u00a0-- '.slice(0, 2) + ' ').replace(/ in the face/g, '  in\nthe face');
    const result = anchor(changed, sel);
    const at = changed.indexOf('a sort of gambit');
    const end = changed.indexOf('Xi Jinping', at) + 'Xi Jinping'.length;
    expectAt(result, changed, at, end);
  });

  it('still anchors exactly when a word right next to the highlight was edited', () => {
    const sel = select(seed, SHORT);
    const changed = seed.replace('Of course, the artillery', 'Of course, all the artillery').replace('that Putin evidently wants', 'that Putin apparently wants');
    const at = changed.indexOf(SHORT);
    expectAt(anchor(changed, sel), changed, at, at + SHORT.length, 'exact');
  });
});

suite('anchor: fuzzy', () => {
  it('finds a long quote with a word changed inside it', () => {
    const sel = select(seed, LONG);
    const changed = seed.replace(LONG, 'the summit with Kim came across as a kind of gambit');
    const at = changed.indexOf('the summit with Kim came across');
    const result = anchor(changed, sel);
    expectAt(result, changed, at, at + 'the summit with Kim came across as a kind of gambit'.length, 'fuzzy');
    if (result.status === 'anchored') expect(result.score).toBeLessThan(1);
  });

  it('refuses a quote rewritten below the similarity threshold', () => {
    const sel = select(seed, LONG);
    const changed = seed.replace(LONG, 'the meeting with the North Korean came off as a gamble');
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned' });
  });

  it('matches short quotes exactly only', () => {
    const passage = 'very real'; // < minFuzzyLength
    expect(passage.length).toBeLessThan(ANCHOR_RULES.minFuzzyLength);
    const sel = select(seed, passage);
    const changed = seed.replace('are very real', 'are vary real');
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/short quotes/) });
  });
});

suite('anchor: refusals (orphaned, not moved)', () => {
  it('orphans a highlight whose paragraph was deleted, even when its words recur elsewhere', () => {
    // "North Korea" occurs in many paragraphs; the highlighted one is deleted.
    const i = pIndex('Economically, North Korea still has little');
    const sel = select(seed, 'Economically, North Korea');
    const shortSel = (() => {
      const start = seed.indexOf('North Korea still has little');
      return describe(seed, start, start + 'North Korea'.length);
    })();
    const changed = join(paragraphs.filter((_, k) => k !== i));
    expect(changed).toContain('North Korea');
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned' });
    expect(anchor(changed, shortSel)).toMatchObject({ status: 'orphaned' });
  });

  it('prefers the original over the same sentence repeated as a pull quote', () => {
    const sentence = 'So is Putin’s apparent sense that he doesn’t have too many international options.';
    const sel = select(seed, 'apparent sense that he doesn’t have too many');
    const i = pIndex(sentence);
    const changed = join([...paragraphs.slice(0, i + 3), sentence, ...paragraphs.slice(i + 3)]);
    const at = changed.indexOf('apparent sense that he doesn’t have too many');
    expectAt(anchor(changed, sel), changed, at, at + 'apparent sense that he doesn’t have too many'.length);
    // pull quote placed BEFORE the original, so a naive first-match would pick it
    const before = join([...paragraphs.slice(0, i - 2), sentence, ...paragraphs.slice(i - 2)]);
    const atBefore = before.indexOf('apparent sense', before.indexOf('are very real'));
    expectAt(anchor(before, sel), before, atBefore, atBefore + 'apparent sense that he doesn’t have too many'.length);
  });

  it('orphans a whole-sentence highlight whose paragraph was deleted when only a pull quote of it remains', () => {
    const sentence = 'So is Putin’s apparent sense that he doesn’t have too many international options.';
    const sel = select(seed, sentence);
    const i = pIndex(sentence);
    const changed = join([...paragraphs.slice(0, i + 3).filter((_, k) => k !== i), sentence, ...paragraphs.slice(i + 3)]);
    expect(changed.split(sentence)).toHaveLength(2);
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/surrounding text is gone/) });
  });

  it('orphans a quote found in two equally good places far from its stored position', () => {
    const para = 'The ministry said the talks would continue next week in Geneva.';
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `Filler paragraph number ${k} about unrelated local matters.`);
    const original = join([...filler(3), 'Intro.', para, 'Outro.', ...filler(3)]);
    const sel = select(original, 'the talks would continue next week');
    // the paragraph and its neighbours now appear twice, equidistant from the stored offset
    const block = ['Intro.', para, 'Outro.'];
    const changed = join([...block, ...filler(6), ...block]);
    const result = anchor(changed, sel);
    expect(result).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/equally well/) });
  });

  it('breaks a tie by position when one copy is clearly nearer the stored offset', () => {
    const para = 'The ministry said the talks would continue next week in Geneva.';
    const filler = (n: number) => Array.from({ length: n }, (_, k) => `Filler paragraph number ${k} about unrelated local matters.`);
    const block = ['Intro.', para, 'Outro.'];
    const original = join([...block, ...filler(12)]);
    const sel = select(original, 'the talks would continue next week');
    const changed = join(['Advertisement', ...block, ...filler(12), ...block]);
    const at = changed.indexOf('the talks would continue next week');
    expectAt(anchor(changed, sel), changed, at, at + 'the talks would continue next week'.length, 'exact');
  });
});

suite('anchor: bad selectors never throw', () => {
  it('orphans an empty or whitespace-only quote', () => {
    const position = { type: 'TextPositionSelector' as const, start: 0, end: 0 };
    expect(anchor(seed, { quote: { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }, position })).toMatchObject({ status: 'orphaned' });
    expect(anchor(seed, { quote: { type: 'TextQuoteSelector', exact: ' \n ', prefix: '', suffix: '' }, position })).toMatchObject({ status: 'orphaned' });
  });

  it('ignores a position outside the text', () => {
    const sel = select(seed, LONG);
    const result = anchor(seed, { ...sel, position: { type: 'TextPositionSelector', start: 10_000_000, end: 10_000_050 } });
    expectAt(result, seed, sel.position.start, sel.position.end, 'exact');
  });

  it('anchors in an empty text as orphaned', () => {
    expect(anchor('', select(seed, LONG))).toMatchObject({ status: 'orphaned' });
  });
});

suite('anchorAll', () => {
  it('places what anchoring one by one places, in order (scores differ: position is judged from the neighbours\' shift)', () => {
    const sels = [LONG, 'diplomatic stumbling block', 'very real', 'Kim'].map((q) => select(seed, q));
    const changed = join(['Advertisement', ...paragraphs.filter((p) => !p.includes('very real'))]);
    const all = anchorAll(changed, sels);
    const where = (r: AnchorResult) => (r.status === 'anchored' ? [r.start, r.end] : r.status);
    expect(all.map(where)).toEqual(sels.map((s) => where(anchor(changed, s))));
    expect(all.map((r) => r.status)).toEqual(['anchored', 'anchored', 'orphaned', 'anchored']);
  });
});

suite('anchorAll: ties settled by neighbours', () => {
  it('uses how far confidently placed neighbours moved to tell the original from an identical copy', () => {
    // A one-sentence paragraph, copied whole as a pull quote: the copy has the very same 32-char context.
    const para = 'The ministry said on Tuesday that the talks would continue next week in Geneva, with both delegations attending.';
    const filler = (tag: string, n: number) => Array.from({ length: n }, (_, k) => `${tag} paragraph ${k}: ${'local news about roads and schools '.repeat(2)}`);
    const original = join([...filler('A', 4), para, ...filler('B', 4)]);
    const target = select(original, 'the talks would continue next week');
    const neighbour = select(original, 'B paragraph 0: local news');
    // 1,200 chars of ads above everything; the copy lands just above the original, nearer its stored offset than the original now is
    const ads = Array.from({ length: 20 }, () => 'Advertisement. Subscribe now for 1 dollar a week.').join('\n\n');
    const changed = join([ads, ...filler('A', 3), para, filler('A', 4)[3]!, para, ...filler('B', 4)]);
    expect(anchor(changed, target)).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/equally well/) });
    const [r] = anchorAll(changed, [target, neighbour]);
    const truth = changed.lastIndexOf('the talks would continue next week');
    // found where the neighbour's shift says it is (method 'position' since issue 14, 'exact' before)
    expectAt(r!, changed, truth, truth + 'the talks would continue next week'.length);
  });
});

suite('anchor: thresholds at their edges', () => {
  const quote = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN'; // 40 distinct chars: k substitutions cost exactly k edits
  const before = 'The committee published the following code in its report: ';
  const after = ' and asked the ministry to explain it by the end of the month.';
  const original = `Intro paragraph.\n\n${before}${quote}${after}`;
  const sel = select(original, quote);
  const damage = (k: number) => quote.split('').map((c, i) => (i % 4 === 1 && i < 4 * k ? '#' : c)).join('');

  it('accepts a fuzzy match at exactly 80% similarity (8 edits in 40)', () => {
    const changed = `New intro.\n\n${before}${damage(8)}${after}`;
    const at = changed.indexOf(damage(8));
    expectAt(anchor(changed, sel), changed, at, at + quote.length, 'fuzzy');
  });

  it('orphans one edit beyond it (9 edits in 40)', () => {
    const changed = `New intro.\n\n${before}${damage(9)}${after}`;
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/80% similar/) });
  });
});

suite('anchor: position settles ties only between true copies', () => {
  it('orphans a short quote whose only matches share a common phrase, even if one is nearer', () => {
    const paras = [
      'Officials said the Islamic State in Syria had lost most of its territory by the spring.',
      'Local reporters covered the long-running dispute over water rights in the valley.',
      'Analysts in Ankara told us the Islamic State in Syria remains a threat to the border towns.',
      'The highlighted paragraph: fighters of the Islamic State in Syria were seen near the river crossing.',
    ];
    const original = join(paras);
    const sel = select(original, 'fighters of the Islamic State in Syria were');
    const short = (() => {
      const at = original.indexOf('State in Syria', original.indexOf('fighters'));
      return describe(original, at, at + 'State in Syria'.length);
    })();
    const changed = join(paras.slice(0, 3));
    expect(anchor(changed, short)).toMatchObject({ status: 'orphaned' });
    expect(anchorAll(changed, [short, select(original, 'Local reporters covered')])[0]).toMatchObject({ status: 'orphaned' });
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned' });
  });
});

suite('anchor: whole-paragraph highlights', () => {
  const paras = [
    'The report assessed poverty levels, income inequality and economic mobility across ten states.',
    'It found that mobility had fallen since 2000.',
    'Researchers interviewed more than 4,000 families over six years for the study.',
    'The findings will be presented to parliament next month.',
    ...Array.from({ length: 30 }, (_, k) => `Background paragraph ${k} with unrelated details of the survey method and sampling frame.`),
  ];
  const original = join(paras);
  const sel = select(original, paras[2]!);

  it('still finds a whole paragraph whose neighbours both changed, when it is found once, nearby', () => {
    const changed = join([paras[0]!, 'Update: the ministry disputes the figures.', paras[2]!, 'Read more: our coverage of the survey', ...paras.slice(4)]);
    const at = changed.indexOf(paras[2]!);
    expectAt(anchor(changed, sel), changed, at, at + paras[2]!.length, 'exact');
  });

  it('also when the highlight starts a few words into its paragraph and runs to its end', () => {
    const passage = 'more than 4,000 families over six years for the study.';
    const partial = select(original, passage);
    expect(partial.quote.prefix).toContain('\n\nResearchers interviewed ');
    const changed = join([paras[0]!, 'Update: the ministry disputes the figures.', paras[2]!, 'Read more: our coverage of the survey', ...paras.slice(4)]);
    const at = changed.indexOf(passage);
    expectAt(anchor(changed, partial), changed, at, at + passage.length, 'exact');
    // but not if the words between the paragraph break and the quote changed too
    const reworded = join([paras[0]!, 'Update: the ministry disputes the figures.', paras[2]!.replace('Researchers interviewed', 'We polled'), 'Read more', ...paras.slice(4)]);
    expect(anchor(reworded, partial)).toMatchObject({ status: 'orphaned' });
  });

  it('orphans it when it now sits far from where it was, without its neighbours (a pull quote of a deleted paragraph)', () => {
    const changed = join([paras[0]!, paras[1]!, paras[3]!, ...paras.slice(4, 30), paras[2]!, ...paras.slice(30)]);
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned', reason: expect.stringMatching(/surrounding text is gone/) });
  });
});

suite('anchor: a deleted passage is not moved to a look-alike with half its context', () => {
  it('orphans a short quote when the only places left share its prefix but not its suffix, even if one is a pull quote of the other', () => {
    const p1 = 'Officials said coalition air strikes against the Islamic State in Syria intensified in March, and again in May.';
    const pull = 'coalition air strikes against the Islamic State in Syria intensified in March';
    const p3 = 'Witnesses said coalition air strikes against the Islamic State in Syria killed eleven people near the dam.';
    const original = join(['Intro.', p1, pull, 'Other news.', p3, 'Outro.']);
    const at = original.indexOf('State in Syria', original.indexOf('Witnesses'));
    const sel = describe(original, at, at + 'State in Syria'.length);
    expect(sel.quote.prefix).toBe('air strikes against the Islamic '); // the same 32 chars precede both survivors
    const changed = join(['Intro.', p1, pull, 'Other news.', 'Outro.']);
    expect(anchor(changed, sel)).toMatchObject({ status: 'orphaned' });
    // and with the passage still there, it is found
    const kept = original.replace('Intro.', 'Advertisement\n\nIntro.');
    expectAt(anchor(kept, sel), kept, at + 15, at + 15 + 'State in Syria'.length, 'exact');
  });
});
