/**
 * The bench's adapter to this build's placement: what the content script does with a page and its saved highlights,
 * returning live text points instead of painting (linkedom's Range is partial).
 */
import { buildLiveIndex, type LivePoints } from '../../../utils/article/liveIndex';
import type { ExtractionResult } from '../../../utils/article/types';
import { anchorAll } from '../../../utils/highlights/anchor';
import type { HighlightSelectors } from '../../../utils/highlights/types';

/** A saved highlight as the bench stores it. */
export type StoredHighlight = HighlightSelectors & { structure?: unknown };

/** The structural selector this build stores for a highlight in `el` (none yet). */
export function structureOfElement(_doc: Document, _el: Element): unknown {
  return undefined;
}

/** Places saved highlights on a page analysed as `gated` (and, when asked, forced). */
export function placeHighlightsOnPage(
  doc: Document,
  gated: ExtractionResult,
  _forced: () => ExtractionResult,
  stored: readonly StoredHighlight[],
): Array<LivePoints | null> {
  if (gated.kind !== 'article') return stored.map(() => null);
  const index = buildLiveIndex(doc, gated.article);
  return anchorAll(gated.article.text, stored).map((r) => (r.status === 'anchored' ? index.toPoints(r.start, r.end) : null));
}
