import { diffArrays, diffWords } from 'diff';
import { PARAGRAPH_SEPARATOR } from './articleText';

/*
 * "What changed since you saved it" (issue 17): the saved copy's text against the live article's, paragraph by
 * paragraph (`diff`'s diffArrays on Article.text's paragraphs), and inside a reworded paragraph word by word
 * (diffWords). Plain text in, plain text out: the panel renders the parts as text nodes, never as HTML.
 */

/** One run of words in a changed paragraph. */
export interface WordPart {
  text: string;
  /** 'same' in both versions, 'removed' from the copy, 'added' in the live page. */
  kind: 'same' | 'removed' | 'added';
}

/** A paragraph that differs between the copy and the live article. */
export interface ParagraphChange {
  /** 'changed': reworded (word diff in `parts`); 'removed': gone from the live page; 'added': new in it. */
  kind: 'changed' | 'removed' | 'added';
  parts: WordPart[];
  /** Offsets of the paragraph in the copy's text (null for an added paragraph). */
  savedRange: { start: number; end: number } | null;
  /** Whether one of the reader's highlights lies in this paragraph of the copy (those are listed first). */
  highlighted: boolean;
}

/** Paragraphs with their offsets in the text. */
function paragraphs(text: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let at = 0;
  for (const p of text.split(PARAGRAPH_SEPARATOR)) {
    out.push({ text: p, start: at, end: at + p.length });
    at += p.length + PARAGRAPH_SEPARATOR.length;
  }
  return out;
}

/** Share of words two paragraphs have in common (to pair a reworded paragraph with its new version). */
function similarity(a: string, b: string): number {
  const wa = a.toLowerCase().split(/\s+/).filter(Boolean);
  const wb = new Set(b.toLowerCase().split(/\s+/).filter(Boolean));
  if (wa.length === 0 || wb.size === 0) return 0;
  return wa.filter((w) => wb.has(w)).length / Math.max(wa.length, wb.size);
}

/** A reworded paragraph shares at least this share of its words with its new version; less is a removal and an addition. */
const MIN_PAIR_SIMILARITY = 0.4;

/**
 * The paragraphs that differ between the saved copy's text and the live article's, highlighted ones first, then in
 * reading order. `highlights` are ranges in the saved text (the highlights' positions in the copy).
 */
export function articleChanges(saved: string, live: string, highlights: ReadonlyArray<{ start: number; end: number }>): ParagraphChange[] {
  if (saved === live) return [];
  const before = paragraphs(saved);
  const after = paragraphs(live);
  const chunks = diffArrays(
    before.map((p) => p.text),
    after.map((p) => p.text),
  );
  const changes: Array<ParagraphChange & { order: number }> = [];
  let i = 0; // index into `before`
  const hit = (r: { start: number; end: number }) => highlights.some((h) => h.start < r.end && h.end > r.start);
  for (let c = 0; c < chunks.length; c++) {
    const chunk = chunks[c]!;
    if (!chunk.added && !chunk.removed) {
      i += chunk.count ?? chunk.value.length;
      continue;
    }
    if (chunk.removed) {
      const next = chunks[c + 1];
      const removed = before.slice(i, i + chunk.value.length);
      const added = next?.added ? next.value : [];
      if (next?.added) c++;
      // Pair each removed paragraph with the most similar unpaired added one; the rest are removals and additions.
      const pairedAdded = new Set<number>();
      for (const r of removed) {
        let best = -1;
        let bestScore = MIN_PAIR_SIMILARITY;
        added.forEach((a, k) => {
          const score = pairedAdded.has(k) ? 0 : similarity(r.text, a);
          if (score >= bestScore) {
            best = k;
            bestScore = score;
          }
        });
        const range = { start: r.start, end: r.end };
        if (best >= 0) {
          pairedAdded.add(best);
          const parts = diffWords(r.text, added[best]!).map((d): WordPart => ({ text: d.value, kind: d.added ? 'added' : d.removed ? 'removed' : 'same' }));
          changes.push({ kind: 'changed', parts, savedRange: range, highlighted: hit(range), order: r.start });
        } else {
          changes.push({ kind: 'removed', parts: [{ text: r.text, kind: 'removed' }], savedRange: range, highlighted: hit(range), order: r.start });
        }
      }
      const at = removed[removed.length - 1]?.end ?? before[i]?.start ?? saved.length;
      added.forEach((a, k) => {
        if (!pairedAdded.has(k)) changes.push({ kind: 'added', parts: [{ text: a, kind: 'added' }], savedRange: null, highlighted: false, order: at + 0.5 });
      });
      i += chunk.value.length;
      continue;
    }
    // An addition with nothing removed before it.
    const at = before[i]?.start ?? saved.length;
    for (const a of chunk.value) changes.push({ kind: 'added', parts: [{ text: a, kind: 'added' }], savedRange: null, highlighted: false, order: at - 0.5 });
  }
  changes.sort((a, b) => Number(b.highlighted) - Number(a.highlighted) || a.order - b.order);
  return changes.map(({ order: _order, ...change }) => change);
}
