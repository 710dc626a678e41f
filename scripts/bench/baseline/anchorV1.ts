// FROZEN: utils/highlights/anchor.ts as of 2f51ee6 (before issue 14), the bench's baseline. Do not edit or import elsewhere.
import search from 'approx-string-match';
import { normalizeForMatching, normalizeString, toOriginalRange, type NormalizedText } from '../../../utils/highlights/normalize';
import { leadingSimilarity, trailingSimilarity } from '../../../utils/highlights/similarity';
import type { AnchorResult, HighlightSelectors } from '../../../utils/highlights/types';

/**
 * The refusal rules. Hypothesis takes the best fuzzy match whatever it is, which is how a deleted passage ends up
 * on a look-alike; these thresholds make anchoring say "orphaned" instead.
 */
export const ANCHOR_RULES = {
  /** Below this quote similarity (1 − edits / quote length) a candidate is not the passage. */
  minQuoteSimilarity: 0.8,
  /** Quotes shorter than this (normalised chars) are matched exactly only: a few edits make a short quote anything. */
  minFuzzyLength: 20,
  /** At least one side of stored context (prefix or suffix) must match this well, or the passage has moved out of its place. */
  minContextSimilarity: 0.7,
  /** Candidates whose quote+context scores are this close are a tie. */
  tieMargin: 0.05,
  /** A tie is broken by position only if the nearest candidate is this many times nearer the stored position… */
  tieBreakDistanceRatio: 3,
  /** …and at least this many characters nearer… */
  tieBreakMinDistance: 200,
  /** …and its context matches at least this well (mean of prefix and suffix). */
  tieBreakMinContext: 0.9,
  /** A quote that sits at its stored position is taken without context only from this length (short words recur). */
  minPositionOnlyLength: 20,
  /**
   * Context that crosses a paragraph break is partly the neighbouring paragraph, and neighbours change most (ads,
   * "Read more" links, updates). A side whose break is still there, with the same text between break and quote,
   * counts as kept, if the quote is found once, exactly, within this many chars of its stored offset…
   */
  wholeParagraphMaxShift: 1000,
  /** …plus this share of the text's length. */
  wholeParagraphMaxShiftShare: 0.1,
} as const;

/** Context compared each side: the stored 32 chars plus slack for insertions. */
const CONTEXT_SLACK = 10;
/** Past this many exact occurrences, contexts are pre-filtered (see anchorInIndex). */
const MANY_OCCURRENCES = 20;
/** Approximate search rounds (each masks the matches found so far to reveal the next best). */
const FUZZY_ROUNDS = 3;
/** Caps the error budget, as Hypothesis does: cost grows with it and a longer quote edited this much is a rewrite. */
const MAX_FUZZY_ERRORS = 256;

/** An article text prepared once for anchoring many highlights (see anchorAll). */
export interface AnchorIndex {
  text: string;
  norm: NormalizedText;
}

/** Prepares `text` (Article.text) for anchoring: normalisation and its offset map, computed once. */
export function prepareAnchorIndex(text: string): AnchorIndex {
  return { text, norm: normalizeForMatching(text) };
}

/** A place the quote could be, with its scores (exported for tests and the bench's diagnostics). */
export interface Candidate {
  /** Normalised offsets. */
  nStart: number;
  nEnd: number;
  quoteSim: number;
  prefixSim: number | null;
  suffixSim: number | null;
  /** 0.5 × quote + 0.4 × mean context: the score ties are judged on. */
  score: number;
  /** Distance in original chars from the stored position. */
  distance: number;
  exact: boolean;
  /** Original offsets. */
  start: number;
  end: number;
}

/** Finds one highlight in a prepared text (see anchor). */
export function anchorInIndex(index: AnchorIndex, sel: HighlightSelectors, options: AnchorOptions = {}): AnchorResult {
  const { text, norm } = index;
  const { quote, position } = sel;
  const debug = options.debug;
  // Where the passage should be now: its stored offset, moved by what anchorAll saw happen to its neighbours.
  const expected = position.start + (options.shift ?? 0);
  if (quote.exact.length === 0) return { status: 'orphaned', reason: 'The highlight has no quoted text.' };
  const nQuote = normalizeString(quote.exact);
  const nPrefix = normalizeString(quote.prefix);
  const nSuffix = normalizeString(quote.suffix);
  if (nQuote.trim().length === 0) return { status: 'orphaned', reason: 'The quoted text is only whitespace.' };

  const scoreAt = (nStart: number, nEnd: number, quoteSim: number, exact: boolean): Candidate => {
    const prefixSim = nPrefix.length
      ? trailingSimilarity(nPrefix, norm.text.slice(Math.max(0, nStart - nPrefix.length - CONTEXT_SLACK), nStart))
      : null;
    const suffixSim = nSuffix.length ? leadingSimilarity(nSuffix, norm.text.slice(nEnd, nEnd + nSuffix.length + CONTEXT_SLACK)) : null;
    const sides = [prefixSim, suffixSim].filter((s): s is number => s !== null);
    const context = sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : 1;
    const { start, end } = toOriginalRange(norm, nStart, nEnd);
    return {
      nStart,
      nEnd,
      quoteSim,
      prefixSim,
      suffixSim,
      score: 0.5 * quoteSim + 0.4 * context,
      distance: Math.abs(start - expected),
      exact,
      start,
      end,
    };
  };
  const rules: PickRules = {
    text,
    quoteLength: nQuote.length,
    prefix: quote.prefix,
    suffix: quote.suffix,
  };

  // 1. Position, checked against the quote (the common case: the page did not change before the passage).
  if (position.start >= 0 && position.end <= text.length && text.slice(position.start, position.end) === quote.exact) {
    const nStart = norm.fromOriginal[position.start] ?? 0;
    const nEnd = nStart + nQuote.length;
    const c = scoreAt(nStart, nEnd, 1, true);
    if (nQuote.length >= ANCHOR_RULES.minPositionOnlyLength || contextEvidence(c) >= ANCHOR_RULES.minContextSimilarity) {
      return { status: 'anchored', start: position.start, end: position.end, method: 'position', score: finalScore(c) };
    }
  }

  // 2. Exact quote (normalised), every occurrence scored on context and position.
  const candidates: Candidate[] = [];
  const occurrences: number[] = [];
  for (let i = norm.text.indexOf(nQuote); i !== -1; i = norm.text.indexOf(nQuote, i + 1)) occurrences.push(i);
  // A word like "a" occurs thousands of times in a long read; scoring every context cost 130 ms (profiled). Past
  // MANY_OCCURRENCES, only places whose neighbouring 3 chars agree with the stored context on one side are scored;
  // the rest stay in the list (they count for ties and uniqueness) with no context credit.
  const many = occurrences.length > MANY_OCCURRENCES;
  const pTail = nPrefix.slice(-3);
  const sHead = nSuffix.slice(0, 3);
  for (const i of occurrences) {
    const end = i + nQuote.length;
    if (many && !norm.text.startsWith(pTail, i - pTail.length) && !norm.text.startsWith(sHead, end)) {
      const { start, end: e } = toOriginalRange(norm, i, end);
      candidates.push({ nStart: i, nEnd: end, quoteSim: 1, prefixSim: 0, suffixSim: 0, score: 0.5, distance: Math.abs(start - expected), exact: true, start, end: e });
    } else {
      candidates.push(scoreAt(i, end, 1, true));
    }
  }
  const bestExact = pick(candidates, rules);
  // A clean exact win needs no fuzzy search: full context, or found once with one side intact (the other side had an
  // ad or an edit). Otherwise an edited copy in the right place might beat a verbatim one elsewhere (a pull quote).
  // The skip keeps long pages cheap: the fuzzy pass is O(text × quote / 32) per round.
  if (
    bestExact.kind === 'win' &&
    (contextMean(bestExact.candidate) >= 0.95 || (candidates.length === 1 && contextEvidence(bestExact.candidate) >= 0.95))
  ) {
    return toResult(bestExact.candidate);
  }

  // 3. Fuzzy, long quotes only.
  if (nQuote.length >= ANCHOR_RULES.minFuzzyLength) {
    // + 1e-9: 40 × (1 − 0.8) is 7.999… in floating point, and 8 edits in 40 is exactly the 80% the rule allows.
    const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(nQuote.length * (1 - ANCHOR_RULES.minQuoteSimilarity) + 1e-9));
    // Exact occurrences are masked out (NUL never occurs in article text), so the search reveals other places.
    let haystack = maskRanges(norm.text, candidates);
    const mask = (s: number, e: number): void => {
      haystack = haystack.slice(0, s) + '\u0000'.repeat(e - s) + haystack.slice(e);
    };
    for (let round = 0; round < FUZZY_ROUNDS; round++) {
      const found = search(haystack, nQuote, maxErrors);
      if (found.length === 0) break;
      for (const m of dedupe(found)) {
        if (m.errors === 0) continue; // exact: already a candidate
        candidates.push(scoreAt(m.start, m.end, 1 - m.errors / nQuote.length, false));
        mask(m.start, m.end);
      }
    }
  }
  debug?.(candidates);
  const best = pick(candidates, rules);
  if (best.kind === 'win') return toResult(best.candidate);
  options.onTie?.(best.tied);
  return { status: 'orphaned', reason: best.reason(nQuote.length) };
}

/** Tuning hooks for anchorInIndex; anchorAll uses them, callers normally need none. */
export interface AnchorOptions {
  /** Chars the text moved at this passage (from neighbouring highlights): position ties are judged from there. */
  shift?: number;
  /** Told whether an orphaning was a tie (the case a better position estimate can settle). */
  onTie?: (tied: boolean) => void;
  /** Receives every scored candidate (diagnostics: the bench's HL_DEBUG). */
  debug?: (candidates: readonly Candidate[]) => void;
}

/** Finds a highlight in the article text: position, then exact quote, then fuzzy quote; orphaned rather than guessed. */
export function anchor(text: string, sel: HighlightSelectors): AnchorResult {
  return anchorInIndex(prepareAnchorIndex(text), sel);
}

/** Anchors many highlights in one text, normalising it once; results are in the order of `highlights`. */
export function anchorAll(text: string, highlights: readonly HighlightSelectors[]): AnchorResult[] {
  const index = prepareAnchorIndex(text);
  const tied: number[] = [];
  const results = highlights.map((h, i) => anchorInIndex(index, h, { onTie: (t) => t && tied.push(i) }));
  if (tied.length === 0) return results;
  // Second pass for ties only: the highlights placed with full confidence show how far the text moved around each
  // tied one (ads and pull quotes inserted above it), which lets the position hint tell the original from a copy.
  const moves: Array<{ at: number; shift: number }> = [];
  results.forEach((r, i) => {
    const h = highlights[i] as HighlightSelectors;
    if (r.status === 'anchored' && r.method !== 'fuzzy' && r.score >= 0.9) moves.push({ at: h.position.start, shift: r.start - h.position.start });
  });
  if (moves.length === 0) return results;
  moves.sort((a, b) => a.at - b.at);
  for (const i of tied) {
    const h = highlights[i] as HighlightSelectors;
    const before = moves.filter((m) => m.at <= h.position.start).pop();
    const shift = (before ?? (moves[0] as { shift: number })).shift;
    results[i] = anchorInIndex(index, h, { shift });
  }
  return results;
}

function contextEvidence(c: Candidate): number {
  if (c.prefixSim === null && c.suffixSim === null) return 1;
  return Math.max(c.prefixSim ?? 0, c.suffixSim ?? 0);
}

function contextMean(c: Candidate): number {
  const sides = [c.prefixSim, c.suffixSim].filter((s): s is number => s !== null);
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : 1;
}

type Pick = { kind: 'win'; candidate: Candidate } | { kind: 'none'; tied: boolean; reason: (quoteLength: number) => string };

interface PickRules {
  /** The original text (for paragraph structure). */
  text: string;
  quoteLength: number;
  /** Stored context, as written (paragraph breaks intact). */
  prefix: string;
  suffix: string;
}

/** The best acceptable candidate, or why there is none (weak, out of context, or tied). */
function pick(candidates: Candidate[], rules: PickRules): Pick {
  const plausible = candidates.filter((c) => c.quoteSim >= ANCHOR_RULES.minQuoteSimilarity);
  if (plausible.length === 0) {
    return {
      kind: 'none',
      tied: false,
      reason: (len) =>
        len < ANCHOR_RULES.minFuzzyLength
          ? 'The quoted text is no longer in the article (short quotes must match exactly).'
          : 'The quoted text is no longer in the article (no passage is 80% similar).',
    };
  }
  plausible.sort((a, b) => b.score - a.score);
  const top = plausible[0] as Candidate;
  // Ties are judged among every plausible candidate, accepted or not: a near-equal rival means we cannot tell.
  const tied = plausible.filter((c) => top.score - c.score <= ANCHOR_RULES.tieMargin);
  let winner: Candidate | null = top;
  if (tied.length > 1) winner = breakTie(tied, rules.text);
  if (winner === null) {
    return { kind: 'none', tied: true, reason: () => `The quoted text fits ${tied.length} places equally well; not guessing.` };
  }
  if (contextEvidence(winner) < ANCHOR_RULES.minContextSimilarity && !paragraphStillAroundIt(winner, plausible, rules)) {
    return {
      kind: 'none',
      tied: false,
      reason: () => 'The quoted text appears in the article, but not where it was: its surrounding text is gone.',
    };
  }
  return { kind: 'win', candidate: winner };
}

/**
 * Equally good candidates: a pull quote repeats a sentence of the article as a paragraph of its own, so a candidate
 * whose whole paragraph is contained in another candidate's paragraph is the copy; failing that, the one clearly
 * nearer the stored position; failing that, none.
 */
function breakTie(tied: Candidate[], text: string): Candidate | null {
  const paras = tied.map((c) => paragraphAround(text, c.start, c.end));
  const sources = tied.filter((_, i) => {
    const own = paras[i] as string;
    // not a copy: no other tied candidate's paragraph contains this one's and is longer
    return !paras.some((p, j) => j !== i && p.length > own.length && p.includes(own));
  });
  const pool = sources.length > 0 ? sources : tied;
  // Both rules settle a tie between true copies (same words, same context), not between weak look-alikes: two places
  // that share only "the Islamic" before "State in Syria" are both guesses, however near or long one is.
  if (pool.length === 1) return contextMean(pool[0] as Candidate) >= ANCHOR_RULES.tieBreakMinContext ? (pool[0] as Candidate) : null;
  const [near, next] = [...pool].sort((a, b) => a.distance - b.distance) as [Candidate, Candidate];
  const clear =
    contextMean(near) >= ANCHOR_RULES.tieBreakMinContext &&
    near.distance * ANCHOR_RULES.tieBreakDistanceRatio < next.distance &&
    next.distance - near.distance >= ANCHOR_RULES.tieBreakMinDistance;
  return clear ? near : null;
}

/**
 * The context was lost only where it crossed into neighbouring paragraphs: each side either still matches, or its
 * paragraph break is still at the same place with the same words between it and the quote. Found once, exactly,
 * near its stored offset. (A whole-paragraph highlight is the case with no words between.)
 */
function paragraphStillAroundIt(c: Candidate, plausible: Candidate[], rules: PickRules): boolean {
  if (!c.exact || plausible.length !== 1 || rules.quoteLength < ANCHOR_RULES.minFuzzyLength) return false;
  if (c.distance > ANCHOR_RULES.wholeParagraphMaxShift + ANCHOR_RULES.wholeParagraphMaxShiftShare * rules.text.length) return false;
  const keptBefore = (c.prefixSim ?? 1) >= ANCHOR_RULES.minContextSimilarity || breakKept(rules.prefix, rules.text, c.start, 'before');
  const keptAfter = (c.suffixSim ?? 1) >= ANCHOR_RULES.minContextSimilarity || breakKept(rules.suffix, rules.text, c.end, 'after');
  return keptBefore && keptAfter;
}

/** Whether the stored context's paragraph break, and the words between it and the quote, are still there at `at`. */
function breakKept(context: string, text: string, at: number, side: 'before' | 'after'): boolean {
  if (context === '') return side === 'before' ? at === 0 || /^\s*$/.test(text.slice(0, at)) : /^\s*$/.test(text.slice(at));
  const breaks = [...context.matchAll(/\n\s*\n/g)];
  if (breaks.length === 0) return false;
  if (side === 'before') {
    const last = breaks[breaks.length - 1] as RegExpMatchArray;
    const inner = normalizeString(context.slice((last.index ?? 0) + last[0].length));
    const head = text.slice(0, at);
    const m = /\n\s*\n[^\n]*$/.exec(head);
    return m !== null && normalizeString(head.slice(m.index).replace(/^\n\s*\n/, '')) === inner;
  }
  const first = breaks[0] as RegExpMatchArray;
  const inner = normalizeString(context.slice(0, first.index ?? 0));
  const tail = text.slice(at);
  const m = /\n\s*\n/.exec(tail);
  return m !== null && normalizeString(tail.slice(0, m.index)) === inner;
}

/** The paragraph ("\n\n"-separated) around [start, end) of the text. */
function paragraphAround(text: string, start: number, end: number): string {
  const s = text.lastIndexOf('\n\n', start);
  const e = text.indexOf('\n\n', end);
  return normalizeString(text.slice(s < 0 ? 0 : s + 2, e < 0 ? text.length : e));
}

function toResult(c: Candidate): AnchorResult {
  return { status: 'anchored', start: c.start, end: c.end, method: c.exact ? 'exact' : 'fuzzy', score: finalScore(c) };
}

/** 0.5 quote + 0.4 context + 0.1 position (1 at the stored offset, ½ a thousand chars away): in [0, 1]. */
function finalScore(c: Candidate): number {
  return round(c.score + 0.1 / (1 + c.distance / 1000));
}

/** `text` with each [nStart, nEnd) replaced by NULs, built in one pass (ranges in increasing order, may overlap). */
function maskRanges(text: string, ranges: readonly Candidate[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { nStart, nEnd } of ranges) {
    const s = Math.max(at, nStart);
    if (nEnd <= s) continue;
    parts.push(text.slice(at, s), '\u0000'.repeat(nEnd - s));
    at = nEnd;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function dedupe(matches: { start: number; end: number; errors: number }[]): { start: number; end: number; errors: number }[] {
  const out: { start: number; end: number; errors: number }[] = [];
  for (const m of matches) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue; // overlapping end positions of the same passage
    out.push(m);
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
