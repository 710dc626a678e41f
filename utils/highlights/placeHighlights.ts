import { isBlockElement, PARAGRAPH_SEPARATOR, paragraphsOf } from '../article/articleText';
import { buildLiveIndex, type LivePoints, type LiveTextIndex } from '../article/liveIndex';
import type { Article } from '../article/types';
import { anchorAll } from './anchor';
import { normalizeString } from './normalize';
import type { AnchorResult, HighlightScope, StoredSelectors, XPathSelector } from './types';

/*
 * Placing saved highlights on the live page (issue 14). A highlight's offsets count in one of two texts: the
 * extracted article (scope 'article') or the page's whole readable text (scope 'page', for passages Readability left
 * out: live-blog entries, boxes, captions). Article highlights are anchored in the article text first; those it
 * cannot place (the re-extraction drifted and lost their paragraph) are anchored again in the page text, so a
 * passage still shown on the page is painted there. The structural selector is evidence in both.
 */

/** One text highlights are anchored in, with its live index. */
export interface TextSpace {
  text: string;
  index: LiveTextIndex;
}

/** The article's text space (null when there is no article) and the page's, built on first use. */
export interface TextSpaces {
  article: TextSpace | null;
  page(): TextSpace;
}

/** Where a saved highlight is painted this time: its text space and live span, or not at all (orphaned). */
export interface Placement {
  /** The text the placement counts in (an article highlight re-found in the page text says 'page'). */
  space: HighlightScope;
  result: AnchorResult;
  /** Live span (null: orphaned, or the anchored text is not shown in the page). */
  points: LivePoints | null;
  /** The same span as a DOM Range, when asked for (see placeHighlights). */
  range: Range | null;
}

/**
 * The page's readable text: every paragraph of the body as Article.text cuts them (scripts, styles and form
 * controls left out), so a selection anywhere a reader reads has offsets to be saved in.
 */
export function pageTextOf(doc: Document): string {
  return doc.body ? paragraphsOf(doc.body).join(PARAGRAPH_SEPARATOR) : '';
}

/** Text spaces for a page: the article's now, the page's on first use (most pages never need it). */
export function createTextSpaces(doc: Document, article: Pick<Article, 'text'> | null): TextSpaces {
  let page: TextSpace | undefined;
  return {
    article: article ? { text: article.text, index: buildLiveIndex(doc, article) } : null,
    page() {
      if (!page) {
        const text = pageTextOf(doc);
        page = { text, index: buildLiveIndex(doc, { text }) };
      }
      return page;
    },
  };
}

/** W3C XPathSelector of the block element holding `node` (from the document element: /html[1]/body[1]/…/p[3]). */
export function describeStructure(node: Node): XPathSelector | null {
  let el: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (el && !isBlockElement(el)) el = el.parentElement;
  if (!el) return null;
  const steps: string[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) {
    const name = e.localName.toLowerCase();
    let n = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.localName.toLowerCase() === name) n++;
    steps.push(`${name}[${n}]`);
  }
  return { type: 'XPathSelector', value: `/${steps.reverse().join('/')}` };
}

const STEP = /^([a-z][a-z0-9-]*)\[(\d{1,5})\]$/;

/** The element an XPathSelector written by describeStructure names, or null (only that form is read: no evaluation). */
export function resolveStructure(doc: Document, selector: XPathSelector): Element | null {
  const steps = selector.value.split('/').slice(1);
  if (steps.length === 0 || steps.length > 200) return null;
  let el: Element | null = null;
  for (const step of steps) {
    const m = STEP.exec(step);
    if (!m) return null;
    const [, name, nth] = m as unknown as [string, string, string];
    let n = Number(nth);
    let found: Element | null = null;
    const kids: Iterable<Element> = el ? Array.from(el.children) : doc.documentElement ? [doc.documentElement] : [];
    for (const kid of kids) {
      if (kid.localName.toLowerCase() === name && --n === 0) {
        found = kid;
        break;
      }
    }
    if (!found) return null;
    el = found;
  }
  return el;
}

/** Options of placeHighlights. */
export interface PlaceOptions {
  /** Reuse spaces already built for this page (the content script keeps them per analysis). */
  spaces?: TextSpaces;
  /** Make DOM Ranges (default true; the bench's linkedom has no usable Range). */
  ranges?: boolean;
}

/**
 * Places saved highlights on the live page: each in its own text space, article highlights the article text cannot
 * place retried in the page's whole text. `article` null (no article on this page) places everything in the page text.
 * Results are in the order of `records`.
 */
export function placeHighlights(
  doc: Document,
  article: Pick<Article, 'text'> | null,
  records: readonly StoredSelectors[],
  options: PlaceOptions = {},
): Placement[] {
  const spaces = options.spaces ?? createTextSpaces(doc, article);
  const out: Array<Placement | undefined> = records.map(() => undefined);
  const resolved = new Map<number, Element | null>();
  const structureOf = (i: number): Element | null => {
    if (!resolved.has(i)) {
      const s = records[i]?.structure;
      resolved.set(i, s ? resolveStructure(doc, s) : null);
    }
    return resolved.get(i) ?? null;
  };
  /** The structural selector's verdict on a candidate of record `ids[k]` in `space`. */
  const evidenceIn = (space: TextSpace, ids: number[]) => (k: number, start: number, end: number): boolean | null => {
    const i = ids[k] as number;
    const el = structureOf(i);
    if (!el) return null;
    const points = space.index.toPoints(start, end);
    if (!points) return null;
    if (el.contains(points.start.node)) return true;
    // Outside the element, and the element still shows the quote: evidence against. Otherwise the page was
    // restructured and the selector names something else: no evidence either way.
    return normalizeString(el.textContent ?? '').includes(normalizeString(records[i]!.quote.exact)) ? false : null;
  };
  const placeIn = (space: TextSpace, ids: number[], label: HighlightScope, keep: (i: number) => boolean, strict?: (i: number) => boolean): void => {
    if (ids.length === 0) return;
    const results = anchorAll(space.text, ids.map((i) => records[i]!), {
      evidence: evidenceIn(space, ids),
      strict: strict ? (k) => strict(ids[k] as number) : undefined,
    });
    results.forEach((result, k) => {
      const i = ids[k] as number;
      if (!keep(i)) return;
      const points = result.status === 'anchored' ? space.index.toPoints(result.start, result.end) : null;
      out[i] = { space: label, result, points, range: null };
    });
  };

  const articleIds = records.map((_, i) => i).filter((i) => records[i]!.scope !== 'page');
  const pageIds = records.map((_, i) => i).filter((i) => records[i]!.scope === 'page');
  if (spaces.article) placeIn(spaces.article, articleIds, 'article', () => true);
  // Drift: article highlights not placed in the article (or no article at all) are looked for in the whole page
  // text, all of them anchored together so the placed ones give the others their shift.
  const lost = articleIds.filter((i) => !out[i]?.points);
  if (lost.length > 0 || pageIds.length > 0) {
    const page = spaces.page();
    if (lost.length > 0) {
      const lostSet = new Set(lost);
      // Strictly: the page also shows tables of contents, teasers and titles that repeat an article's words, and a
      // deleted passage must not land on one of them (both sides of its context must be there).
      placeIn(page, articleIds, 'page', (i) => lostSet.has(i), (i) => lostSet.has(i));
    }
    placeIn(page, pageIds, 'page', () => true);
  }
  const makeRange = options.ranges !== false;
  return out.map((p) => {
    const placement = p ?? { space: 'article', result: { status: 'orphaned', reason: 'Not placed.' }, points: null, range: null };
    if (makeRange && placement.points) placement.range = toRange(doc, placement.points);
    return placement;
  });
}

function toRange(doc: Document, points: LivePoints): Range | null {
  try {
    const range = doc.createRange();
    range.setStart(points.start.node, points.start.offset);
    range.setEnd(points.end.node, points.end.offset);
    return range;
  } catch {
    return null;
  }
}
