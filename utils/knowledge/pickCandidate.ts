import { contentWords } from './articleContext';
import { extractText } from './sanitizeExtract';
import type { TypeVerdict } from './typeCheck';
import type { WikiPage } from './wikiPage';

/** A candidate article with the evidence for it. */
export interface ScoredCandidate {
  page: WikiPage;
  verdict: TypeVerdict;
  /** 2: the title (before a ", qualifier" or " (qualifier)") is the name; 1: the name is a word sequence of the title; 0: neither. */
  head: number;
  /** Content words shared by the candidate's description + lead and the text around the mentions. */
  fit: number;
  /** Those words (the reasons for the choice, shown on the card). */
  shared: string[];
  score: number;
}

const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[-‐–]/g, ' ').replace(/\s+/g, ' ').trim();

/** How a title matches a name. */
export function headMatch(title: string, names: string[]): number {
  const head = fold(title.replace(/\s*\([^)]*\)\s*$/, '').replace(/,.*$/, ''));
  const t = ` ${fold(title).replace(/[^\p{L}\p{N} ]/gu, ' ')} `;
  let best = 0;
  for (const n of names) {
    const f = fold(n);
    if (!f) continue;
    if (head === f) return 2;
    if (t.includes(` ${f} `)) best = 1;
  }
  return best;
}

/** Scores one candidate against the article's words near the mentions. */
export function scoreCandidate(page: WikiPage, names: string[], nearWords: Set<string>, verdict: TypeVerdict): ScoredCandidate {
  const head = headMatch(page.title, names);
  const own = contentWords(`${page.description ?? ''} ${page.extractHtml ? extractText(page.extractHtml) : ''}`);
  for (const n of names) for (const w of contentWords(n)) own.delete(w);
  const shared = [...own].filter((w) => nearWords.has(w));
  const fit = shared.length;
  const typeBonus = verdict === 'ok' || verdict === 'fictional' ? 1 : 0;
  // A matching title counts most: news writers use the article's own name; context breaks ties between same names.
  const score = head * 3 + Math.min(fit, 8) + typeBonus;
  return { page, verdict, head, fit, shared, score };
}

/** Minimum lead of the best candidate over the next one, in score points. */
export const CONFIDENCE_MARGIN = 2;

/**
 * The confident choice, or null: the best candidate must be of the right type, carry the name in its title, fit the
 * context at least a little, and beat the runner-up clearly. Otherwise the reader sees "no confident match".
 */
export function pickCandidate(scored: ScoredCandidate[], minFit = 1): ScoredCandidate | null {
  const eligible = scored.filter((c) => c.verdict !== 'mismatch' && !c.page.disambiguation).sort((a, b) => b.score - a.score);
  const [best, second] = eligible;
  if (!best || best.head === 0 || best.fit < minFit) return null;
  if (second && best.score - second.score < CONFIDENCE_MARGIN) return null;
  return best;
}
