import { describe as suite, expect, it } from 'vitest';
import { anchorAll } from '../../../utils/highlights/anchor';
import { describe } from '../../../utils/highlights/describe';
import type { AnchorResult } from '../../../utils/highlights/types';

// Issue 14: the causes found for highlights painted on a pull quote's copy, reproduced on plain article text.

const P = [
  'Headline of the day',
  'The minister arrived in the capital on Monday morning to a crowd of reporters and a handful of protesters.',
  'Talks with the opposition began before noon and were described by aides as long, frank and at times heated.',
  'The central bank raised rates by half a point, its third increase this year, to cool prices that keep rising.',
  'Economists had expected a smaller move, and markets fell sharply in the hour after the decision was announced.',
  'A spokesman for the ministry said the government would publish its own forecasts at the end of the month.',
  'Opposition leaders called the decision reckless and demanded that the minister appear before parliament.',
];
const text = P.join('\n\n');
const select = (t: string, passage: string) => {
  const start = t.indexOf(passage);
  if (start < 0) throw new Error(`fixture: "${passage}" missing`);
  return describe(t, start, start + passage.length);
};
const at = (r: AnchorResult | undefined): number => (r && r.status === 'anchored' ? r.start : -1);
/** 1,200 characters of new text (a standfirst, a live update box) inserted at the top, as a redesign does. */
const INSERTED = Array.from({ length: 12 }, (_, i) => `Update ${i + 1}: more reporting is being added to this story as it comes in today.`).join('\n\n');

suite('anchorAll: the article is one alignment, solved in reading order (issue 14)', () => {
  it('(a) breaks a tie with the shift its confidently placed neighbours show, not with the stored offset', () => {
    // Far enough into the sentence that its 32 chars of context each side are inside the sentence.
    const quote = 'half a point, its third increase';
    const sels = [
      select(text, 'arrived in the capital on Monday morning'),
      select(text, 'described by aides as long, frank'),
      select(text, quote),
      select(text, 'publish its own forecasts'),
      select(text, 'called the decision reckless'),
    ];
    // The page grew by ~1,200 chars at the top, and a pull quote repeating the passage with its context now sits
    // where the passage used to be (attributed, so it is no paragraph of the article's own).
    const pull = `“${P[3]}” — the governor`;
    const changed = [P[0], INSERTED.slice(0, 200), pull, INSERTED.slice(200), ...P.slice(1)].join('\n\n');
    expect(changed.indexOf(quote)).toBeLessThan(sels[2]!.position.start + 100); // the copy sits on the stored offset
    const results = anchorAll(changed, sels);
    const truth = changed.lastIndexOf(P[3]!) + P[3]!.indexOf(quote);
    expect(at(results[2])).toBe(truth);
    // and its neighbours are where they are
    expect(at(results[0])).toBe(changed.indexOf('arrived in the capital'));
    expect(at(results[4])).toBe(changed.indexOf('called the decision reckless'));
  });

  it('(c) does not take a copy inserted just before the first paragraph because it sits on the stored position', () => {
    const first = `${P[1]} Police kept the two groups apart.`;
    const t = [P[0], first, ...P.slice(2)].join('\n\n');
    const sel = select(t, 'The minister arrived in the capital on Monday morning');
    const changed = [P[0], P[1], first, ...P.slice(2)].join('\n\n'); // the pull quote repeats the first sentence
    expect(changed.slice(sel.position.start, sel.position.end)).toBe(sel.quote.exact); // the copy is on the stored offset
    const [r] = anchorAll(changed, [sel]);
    expect(at(r)).toBe(changed.indexOf(first));
  });

  it('(c) a whole-paragraph copy with the same context on the stored position: the structural selector tells', () => {
    const sel = select(text, 'The minister arrived in the capital on Monday morning');
    const changed = [P[0], P[1], ...P.slice(1)].join('\n\n');
    const original = changed.indexOf(P[1]!, changed.indexOf(P[1]!) + 1);
    // The structural selector names the paragraph the original sits in (as the live index reports it).
    const evidence = (_i: number, start: number) => start >= original;
    expect(at(anchorAll(changed, [sel], { evidence })[0])).toBe(original);
  });

  it('a doubtful placement does not move its neighbours (a tie stays orphaned rather than guessing)', () => {
    // Two verbatim copies of a whole paragraph, no neighbour to say which: orphaned, not guessed.
    const sel = select(text, P[4]!);
    const changed = [P[0], P[4], P[1], P[2], P[3], P[4], P[5], P[6]].join('\n\n');
    const shifted = `${INSERTED}\n\n${changed}`;
    const results = anchorAll(shifted, [sel, select(text, 'publish its own forecasts')]);
    // the second highlight is placed, and whichever copy the first gets, it is never the one far before its neighbours
    expect(at(results[1])).toBe(shifted.indexOf('publish its own forecasts'));
    expect(at(results[0])).not.toBe(shifted.indexOf(P[4]!));
  });
});
