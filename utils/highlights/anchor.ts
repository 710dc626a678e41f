import search from 'approx-string-match';
import { normalizeForMatching, normalizeString, toOriginalRange, type NormalizedText } from './normalize';
import { leadingSimilarity, trailingSimilarity } from './similarity';
import type { AnchorResult, HighlightSelectors } from './types';

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
  /** In strict mode (a second look in the page's whole text, see placeHighlights) the context mean a winner needs. */
  strictMinContext: 0.9,
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
  const inBracket = (start: number): boolean => !options.bracket || (start >= options.bracket.lo && start <= options.bracket.hi);
  const rules: PickRules = {
    text,
    quoteLength: nQuote.length,
    prefix: quote.prefix,
    suffix: quote.suffix,
    inBracket: options.bracket ? inBracket : null,
    evidence: options.evidence ?? null,
    strict: options.strict ?? false,
  };
  // Shapes a passage keeps (issue 14: deleted passages attached to look-alikes on the bench): a whole paragraph
  // (a heading, a list item) is found as a whole paragraph, not as the start of a longer one; and a fuzzy match
  // keeps the quote's numbers ("35% of students" is not "19% of students", whatever the edit distance says).
  // (An empty side is the text's edge, or a selector from a tool that stores no context: a break on the other side is needed.)
  const breakBefore = /\n\s*\n$/.test(quote.prefix);
  const breakAfter = /^\n\s*\n/.test(quote.suffix);
  const wholeParagraph = (breakBefore || quote.prefix === '') && (breakAfter || quote.suffix === '') && (breakBefore || breakAfter);
  const quoteNumbers = (nQuote.match(/\d+/g) ?? []).join(' ');
  const sameShape = (c: Candidate): boolean => {
    if (wholeParagraph) {
      const before = text.slice(Math.max(0, c.start - 2), c.start);
      const after = text.slice(c.end, c.end + 2);
      if (!(c.start === 0 || before === '\n\n') || !(c.end === text.length || after === '\n\n')) return false;
    }
    return c.exact || (norm.text.slice(c.nStart, c.nEnd).match(/\d+/g) ?? []).join(' ') === quoteNumbers;
  };

  // 1. Position, checked against the quote (the common case: the page did not change before the passage): where the
  // neighbours say it moved to first, then where it was. A copy can sit on the stored offset (a pull quote inserted
  // just before the first paragraph, issue 14 cause c), so the position alone decides only with the full context or
  // a quote found nowhere else, in reading order with its neighbours, and not contradicted by the structure.
  const expectedAt = position.start + (options.shift ?? 0);
  const positions = expectedAt !== position.start ? [expectedAt, position.start] : [position.start];
  for (const at of positions) {
    const end = at + (position.end - position.start);
    if (at < 0 || end > text.length || text.slice(at, end) !== quote.exact || !inBracket(at)) continue;
    const nStart = norm.fromOriginal[at] ?? 0;
    const nEnd = nStart + nQuote.length;
    const c = scoreAt(nStart, nEnd, 1, true);
    const unique = text.indexOf(quote.exact) === at && text.indexOf(quote.exact, at + 1) === -1;
    const contextOk = nQuote.length >= ANCHOR_RULES.minPositionOnlyLength || contextEvidence(c) >= ANCHOR_RULES.minContextSimilarity;
    if (unique && contextOk && options.evidence?.(at, end) !== false && (!options.strict || contextMean(c) >= ANCHOR_RULES.strictMinContext)) {
      options.onPlaced?.(contextMean(c) >= 0.95);
      return { status: 'anchored', start: at, end, method: 'position', score: finalScore(c) };
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
  const bestExact = pick(candidates.filter(sameShape), rules);
  // A clean exact win needs no fuzzy search: full context, or found once with one side intact (the other side had an
  // ad or an edit). Otherwise an edited copy in the right place might beat a verbatim one elsewhere (a pull quote).
  // The skip keeps long pages cheap: the fuzzy pass is O(text × quote / 32) per round.
  if (
    bestExact.kind === 'win' &&
    (contextMean(bestExact.candidate) >= 0.95 || (candidates.length === 1 && contextEvidence(bestExact.candidate) >= 0.95))
  ) {
    options.onPlaced?.(!bestExact.decided && contextMean(bestExact.candidate) >= 0.95);
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
  const best = pick(candidates.filter(sameShape), rules);
  if (best.kind === 'win') {
    options.onPlaced?.(!best.decided && best.candidate.exact && contextMean(best.candidate) >= 0.95);
    return toResult(best.candidate);
  }
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
  /**
   * Original offsets between which the passage's start must lie to keep reading order with the highlights placed
   * with confidence around it (anchorAll): decides ties, vetoes a position or a winner out of order.
   */
  bracket?: { lo: number; hi: number };
  /**
   * The structural selector's verdict on a candidate [start, end): true inside the element it names, false outside
   * while that element still holds the quote, null when it cannot tell. Evidence only: it settles ties.
   */
  evidence?: (start: number, end: number) => boolean | null;
  /** Told, when the highlight is placed, whether the placement is confident (exact, full context, no tie settled). */
  onPlaced?: (confident: boolean) => void;
  /** A second look in a wider text (the page's, after the article lost the passage): the winner needs both sides of context. */
  strict?: boolean;
}

/** Finds a highlight in the article text: position, then exact quote, then fuzzy quote; orphaned rather than guessed. */
export function anchor(text: string, sel: HighlightSelectors): AnchorResult {
  return anchorInIndex(prepareAnchorIndex(text), sel);
}

/** Options of anchorAll. */
export interface AnchorAllOptions {
  /** The structural selector's verdict (see AnchorOptions.evidence) for highlight `i`. */
  evidence?: (i: number, start: number, end: number) => boolean | null;
  /** Whether highlight `i` is anchored strictly (see AnchorOptions.strict). */
  strict?: (i: number) => boolean;
}

/**
 * Anchors many highlights in one text, normalising it once; results are in the order of `highlights`.
 *
 * The article's highlights are one alignment problem (issue 14): the highlights placed with confidence (exact, full
 * context, no tie to settle) are the fixed points, kept only where they are in reading order with each other; every
 * other highlight is then anchored from there, with the shift its nearest confident neighbour shows and its start
 * bracketed by its confident neighbours' new starts. A doubtful placement never moves anything else.
 */
export function anchorAll(text: string, highlights: readonly HighlightSelectors[], opts: AnchorAllOptions = {}): AnchorResult[] {
  const index = prepareAnchorIndex(text);
  const evidenceFor = (i: number) => (opts.evidence ? (s: number, e: number) => opts.evidence!(i, s, e) : undefined);
  const confident: boolean[] = highlights.map(() => false);
  const strict = (i: number) => opts.strict?.(i) ?? false;
  const results = highlights.map((h, i) => anchorInIndex(index, h, { evidence: evidenceFor(i), strict: strict(i), onPlaced: (c) => (confident[i] = c) }));
  const order = highlights.map((_, i) => i).sort((a, b) => (highlights[a] as HighlightSelectors).position.start - (highlights[b] as HighlightSelectors).position.start || a - b);
  // Fixed points: confident placements, in reading order with each other (a longest increasing run of new starts).
  const fixed = inOrder(order.filter((i) => confident[i]), (i) => (results[i] as { start: number }).start);
  if (fixed.length === 0 || fixed.length === highlights.length) return results;
  const isFixed = new Set(fixed);
  let k = -1; // index in `fixed` of the last fixed point at or before the current highlight in reading order
  for (const i of order) {
    if (isFixed.has(i)) {
      k = fixed.indexOf(i, k + 1);
      continue;
    }
    const h = highlights[i] as HighlightSelectors;
    const prev = k >= 0 ? (fixed[k] as number) : undefined;
    const next = fixed[k + 1];
    const placed = (j: number) => results[j] as { start: number };
    const storedAt = (j: number) => (highlights[j] as HighlightSelectors).position.start;
    // The shift of the nearer confident neighbour in the stored text.
    const near = prev === undefined ? next : next === undefined ? prev : h.position.start - storedAt(prev) <= storedAt(next) - h.position.start ? prev : next;
    const shift = near === undefined ? 0 : placed(near).start - storedAt(near);
    const bracket = { lo: prev === undefined ? 0 : placed(prev).start, hi: next === undefined ? text.length : placed(next).start };
    results[i] = anchorInIndex(index, h, { shift, bracket, evidence: evidenceFor(i), strict: strict(i) });
  }
  return results;
}

/** The longest subsequence of `ids` (already in stored order) whose `at` values do not decrease (patience sorting). */
function inOrder(ids: number[], at: (id: number) => number): number[] {
  const tails: number[] = [];
  const prevOf = new Map<number, number | undefined>();
  for (const id of ids) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (at(tails[mid] as number) <= at(id)) lo = mid + 1;
      else hi = mid;
    }
    prevOf.set(id, lo > 0 ? tails[lo - 1] : undefined);
    tails[lo] = id;
  }
  const out: number[] = [];
  for (let id = tails[tails.length - 1]; id !== undefined; id = prevOf.get(id)) out.push(id);
  return out.reverse();
}

function contextEvidence(c: Candidate): number {
  if (c.prefixSim === null && c.suffixSim === null) return 1;
  return Math.max(c.prefixSim ?? 0, c.suffixSim ?? 0);
}

function contextMean(c: Candidate): number {
  const sides = [c.prefixSim, c.suffixSim].filter((s): s is number => s !== null);
  return sides.length ? sides.reduce((a, b) => a + b, 0) / sides.length : 1;
}

/** `decided`: the winner needed a tie settled or reading order to win (not a fixed point for its neighbours). */
type Pick = { kind: 'win'; candidate: Candidate; decided: boolean } | { kind: 'none'; tied: boolean; reason: (quoteLength: number) => string };

interface PickRules {
  /** The original text (for paragraph structure). */
  text: string;
  quoteLength: number;
  /** Stored context, as written (paragraph breaks intact). */
  prefix: string;
  suffix: string;
  /** Whether a start keeps reading order with the confident neighbours (null: no neighbours to tell). */
  inBracket: ((start: number) => boolean) | null;
  /** The structural selector's verdict on a candidate (see AnchorOptions.evidence). */
  evidence: ((start: number, end: number) => boolean | null) | null;
  /** See AnchorOptions.strict. */
  strict: boolean;
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
  let decided = false;
  if (tied.length > 1) {
    winner = breakTie(tied, rules);
    decided = true;
  }
  // Out of reading order with the confident neighbours while a plausible candidate in order keeps its context: the
  // one in order (a copy elsewhere on the page outscored an edited original).
  if (winner && rules.inBracket && !rules.inBracket(winner.start)) {
    const inOrder = plausible.filter((c) => rules.inBracket!(c.start) && contextEvidence(c) >= ANCHOR_RULES.minContextSimilarity);
    if (inOrder.length === 1) {
      winner = inOrder[0] as Candidate;
      decided = true;
    }
  }
  // The winner is a copy when its whole paragraph is a strict part of another plausible candidate's paragraph that
  // keeps one side of the context (a pull quote repeating a sentence as a paragraph of its own, issue 14), or when
  // the structural selector puts it outside the stored paragraph's element while exactly one such candidate is inside.
  if (winner) {
    const w: Candidate = winner;
    const own = paragraphAround(rules.text, w.start, w.end);
    const keeps = (c: Candidate) =>
      c !== w && contextEvidence(c) >= ANCHOR_RULES.minContextSimilarity && (!rules.inBracket || rules.inBracket(c.start) || !rules.inBracket(w.start));
    const containing = plausible.filter((c) => {
      if (!keeps(c)) return false;
      const p = paragraphAround(rules.text, c.start, c.end);
      return p.length > own.length && p.includes(own);
    });
    if (containing.length === 1) {
      winner = containing[0] as Candidate;
      decided = true;
    } else if (rules.evidence && rules.evidence(w.start, w.end) === false) {
      const inside = plausible.filter((c) => keeps(c) && rules.evidence!(c.start, c.end) === true);
      if (inside.length === 1) {
        winner = inside[0] as Candidate;
        decided = true;
      }
    }
  }
  if (winner && rules.strict && contextMean(winner) < ANCHOR_RULES.strictMinContext) {
    return { kind: 'none', tied: false, reason: () => 'The quoted text is no longer in the article, and not in its place elsewhere on the page.' };
  }
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
  return { kind: 'win', candidate: winner, decided };
}

/**
 * Equally good candidates: a pull quote repeats a sentence of the article as a paragraph of its own, so a candidate
 * whose whole paragraph is contained in another candidate's paragraph is the copy; failing that, the one clearly
 * nearer the stored position; failing that, none.
 */
function breakTie(tied: Candidate[], rules: PickRules): Candidate | null {
  // Evidence first, each kind accepted only for a candidate that keeps one side of its context: reading order with
  // the confident neighbours, then the structural selector (the stored paragraph's element).
  const keeps = (c: Candidate) => contextEvidence(c) >= ANCHOR_RULES.minContextSimilarity;
  if (rules.inBracket) {
    const inOrder = tied.filter((c) => rules.inBracket!(c.start));
    if (inOrder.length === 1 && keeps(inOrder[0] as Candidate)) return inOrder[0] as Candidate;
    if (inOrder.length > 1) tied = inOrder;
  }
  if (rules.evidence) {
    const verdicts = tied.map((c) => rules.evidence!(c.start, c.end));
    const inside = tied.filter((_, i) => verdicts[i] === true);
    if (inside.length === 1 && keeps(inside[0] as Candidate)) return inside[0] as Candidate;
  }
  const text = rules.text;
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
