/**
 * The bench's adapter to this build's placement: what the content script does with a page and its saved highlights
 * (utils/page/paintedHighlights.ts), returning live text points instead of painting (linkedom's Range
 * is partial).
 */
import type { LivePoints } from '../../../utils/article/liveIndex';
import type { ExtractionResult } from '../../../utils/article/types';
import { describeStructure, placeHighlights } from '../../../utils/highlights/placeHighlights';
import type { StoredSelectors, XPathSelector } from '../../../utils/highlights/types';

/** A saved highlight as this build stores it. */
export type StoredHighlight = StoredSelectors;

/** The structural selector this build stores for a highlight starting in `el`. */
export function structureOfElement(_doc: Document, el: Element): XPathSelector | null {
  return describeStructure(el.firstChild ?? el);
}

/**
 * Places saved highlights on a page the gate judged `gated`: a page with saved highlights is always analysed (the
 * session forces extraction, "Try anyway" implied), then placeHighlights.
 */
export function placeHighlightsOnPage(
  doc: Document,
  gated: ExtractionResult,
  forced: () => ExtractionResult,
  stored: readonly StoredHighlight[],
): Array<LivePoints | null> {
  const extraction = gated.kind === 'article' || stored.length === 0 ? gated : forced();
  const article = extraction.kind === 'article' ? extraction.article : null;
  return placeHighlights(doc, article, stored, { ranges: false }).map((p) => p.points);
}
