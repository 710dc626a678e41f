import { highlightApi, MARK_ATTRIBUTE } from './paint';

/** A painted highlight as hit-testing sees it. */
export interface HitEntry {
  id: string;
  range: Range;
}

/** A point in the text: a node and an offset in it. */
export interface CaretPoint {
  node: Node;
  offset: number;
}

/**
 * Ids of the highlights under the viewport point (x, y), innermost (shortest) first; [] when none.
 * Uses `CSS.highlights.highlightsFromPoint` where the browser has it, else the caret under the point, else the
 * fallback <mark>s. Never throws.
 */
export function hitTest(win: Window, x: number, y: number, entries: readonly HitEntry[]): string[] {
  try {
    const fromApi = hitTestWithApi(win, x, y, entries);
    if (fromApi) return fromApi;
    const doc = win.document;
    const el = doc.elementFromPoint?.(x, y);
    const mark = el?.closest(`mark[${MARK_ATTRIBUTE}]`);
    if (mark) {
      const ids: string[] = [];
      for (let m: Element | null = mark; m; m = m.parentElement?.closest(`mark[${MARK_ATTRIBUTE}]`) ?? null) {
        const id = m.getAttribute(MARK_ATTRIBUTE);
        if (id && !ids.includes(id)) ids.push(id);
      }
      return ids;
    }
    const caret = caretFromPoint(doc, x, y);
    const char = caret ? charUnderPoint(doc, caret, x, y) : null;
    return char ? entriesAtPoint(entries, char) : [];
  } catch {
    return [];
  }
}

/** highlightsFromPoint (Chromium 140+): null when unavailable, so the caller falls back. */
function hitTestWithApi(win: Window, x: number, y: number, entries: readonly HitEntry[]): string[] | null {
  const api = highlightApi(win);
  const registry = api?.registry as { highlightsFromPoint?: (x: number, y: number) => Array<{ ranges?: AbstractRange[] }> } | undefined;
  if (!registry || typeof registry.highlightsFromPoint !== 'function') return null;
  const hits = registry.highlightsFromPoint(x, y);
  const hitRanges = new Set<AbstractRange>();
  for (const hit of hits) for (const r of hit.ranges ?? []) hitRanges.add(r);
  return orderInnermostFirst(entries.filter((e) => hitRanges.has(e.range))).map((e) => e.id);
}

/** The caret position under a point: standard `caretPositionFromPoint`, or WebKit/Chromium's `caretRangeFromPoint`. */
export function caretFromPoint(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/**
 * The character the point is on, as the position just before it. The caret API snaps to the nearest caret even
 * when the click is in a margin or between lines, and a click on a character's right half puts the caret after it:
 * so test the characters on both sides of the caret against the point.
 */
function charUnderPoint(doc: Document, caret: CaretPoint, x: number, y: number): CaretPoint | null {
  if (caret.node.nodeType !== 3) return null;
  const len = (caret.node as Text).length;
  const probe = doc.createRange();
  for (const [s, e] of [
    [caret.offset, caret.offset + 1],
    [caret.offset - 1, caret.offset],
  ] as const) {
    if (s < 0 || e > len) continue;
    probe.setStart(caret.node, s);
    probe.setEnd(caret.node, e);
    if (rectsContain(Array.from(probe.getClientRects()), x, y)) return { node: caret.node, offset: s };
  }
  return null;
}

/** Whether any of the rectangles contains the point (edges included, 1px slack for subpixel layout). */
export function rectsContain(rects: ReadonlyArray<Pick<DOMRect, 'left' | 'right' | 'top' | 'bottom'>>, x: number, y: number): boolean {
  return rects.some((r) => x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1);
}

/**
 * Ids of the entries whose range contains the character that starts at `point`, innermost first: a point at a
 * range's start is inside it, one at its end is the next character's, outside.
 */
export function entriesAtPoint(entries: readonly HitEntry[], point: CaretPoint): string[] {
  const hits = entries.filter(({ range }) => {
    try {
      if (range.collapsed) return false;
      if (range.comparePoint(point.node, point.offset) !== 0) return false;
      return !(point.node === range.endContainer && point.offset === range.endOffset);
    } catch {
      return false; // a point in another document, or a range the page detached
    }
  });
  return orderInnermostFirst(hits).map((e) => e.id);
}

function orderInnermostFirst<T extends HitEntry>(entries: T[]): T[] {
  return [...entries].sort((a, b) => a.range.toString().length - b.range.toString().length);
}
