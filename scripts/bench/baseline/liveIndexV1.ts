// FROZEN: utils/article/liveIndex.ts as of 2f51ee6 (before issue 14), the bench's baseline; toPoints added (same mapping as toRange, no DOM Range: linkedom's is partial).
import { isSkippedElement, PARAGRAPH_SEPARATOR } from '../../../utils/article/articleText';
import type { Article } from '../../../utils/article/types';

/**
 * Live-page mapping: Readability worked on a clone, so its output holds no reference to the page the reader sees.
 * This index finds where each paragraph of `article.text` sits in the LIVE document and converts between offsets in
 * `article.text` (the space entity mentions and highlight selectors use) and DOM Ranges.
 *
 * How: both sides are reduced to a "skeleton" without whitespace (whitespace is exactly what differs between the
 * article text and the DOM: collapsed runs, `<br>`, indentation, block boundaries). Paragraphs are then placed in the
 * live skeleton in order: long ones first (unique enough to anchor), short ones only in the gap between their placed
 * neighbours (a one-word paragraph would otherwise match a menu). A paragraph that does not occur whole (Readability
 * dropped a hidden span inside it) is placed as a run of exact chunks. Each placed piece is a segment mapping article
 * skeleton positions to live skeleton positions one to one, so a character maps exactly or not at all — an offset
 * never lands on a guessed neighbour.
 */
export interface LiveTextIndex {
  /** A live Range covering article.text[start, end), or null when that text is not in the page (or the page changed). */
  toRange(start: number, end: number): Range | null;
  /** The live text positions toRange would use (start inclusive, end exclusive), without making a Range. */
  toPoints(start: number, end: number): LivePoints | null;
  /** The article.text offsets a live Range covers, or null when it covers no article text. */
  fromRange(range: Range): { start: number; end: number } | null;
  /** The live elements holding the article's text (the lowest common ancestor of each run of placed text). */
  readonly containers: readonly Element[];
  /** Share of article.text's non-whitespace characters found in the live page (1 = all of it). */
  readonly coverage: number;
}

/** A text span of the live page: [start.node@start.offset, end.node@end.offset). */
export interface LivePoints {
  start: { node: Text; offset: number };
  end: { node: Text; offset: number };
}

interface Segment {
  /** Start in the article skeleton. */
  art: number;
  /** Start in the live skeleton. */
  live: number;
  /** Length (same on both sides). */
  len: number;
}

const WS = /\s/;
/** Paragraph skeletons at least this long are placed first, anywhere after the previous one. */
const ANCHOR_LEN = 30;
/** Shortest chunk accepted when a paragraph is placed piecewise. */
const MIN_CHUNK = 12;
/** A paragraph placed piecewise must have at least this share of it found, or none of it counts (menus share words). */
const MIN_CHUNKED_SHARE = 0.5;

function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true' && !/\bfallback-image\b/.test(el.getAttribute('class') ?? '')) return true;
  const style = el.getAttribute('style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/** Text nodes of the live body in document order, skipping what extraction never keeps (scripts, hidden nodes). */
function collectTextNodes(body: Element): { nodes: Text[]; starts: number[]; skeleton: string } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const skel = (node as Text).data.replace(/\s+/g, '');
      if (skel.length === 0) continue;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(skel);
      length += skel.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el !== body && (isSkippedElement(el) || isHiddenElement(el))) continue;
    const kids = el.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return { nodes, starts, skeleton: parts.join('') };
}

/** Index of the last element of a sorted array that is ≤ x, or -1. */
function floorIndex(arr: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid]! <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Offset within `data` of its k-th non-whitespace character. */
function offsetOfNonWs(data: string, k: number): number {
  let seen = 0;
  for (let i = 0; i < data.length; i++) {
    if (!WS.test(data[i]!)) {
      if (seen === k) return i;
      seen++;
    }
  }
  return data.length;
}

/** Non-whitespace characters in data[0, end). */
function nonWsBefore(data: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end && i < data.length; i++) if (!WS.test(data[i]!)) n++;
  return n;
}

/** Places paragraph skeletons in the live skeleton; returns segments sorted by article (and live) position. */
function place(live: string, paras: { skel: string; art: number }[]): Segment[] {
  const placed: Array<Segment[] | null> = paras.map(() => null);
  // Pass 1: long paragraphs, in order, each after the previous one.
  let cursor = 0;
  paras.forEach((p, i) => {
    if (p.skel.length < ANCHOR_LEN) return;
    const at = live.indexOf(p.skel, cursor);
    if (at < 0) return;
    placed[i] = [{ art: p.art, live: at, len: p.skel.length }];
    cursor = at + p.skel.length;
  });
  // Pass 2: the rest, each inside the gap between its placed neighbours.
  const endOf = (segs: Segment[]): number => segs[segs.length - 1]!.live + segs[segs.length - 1]!.len;
  let lowerBound = 0;
  for (let i = 0; i < paras.length; i++) {
    const done = placed[i];
    if (done) {
      lowerBound = endOf(done);
      continue;
    }
    let upper = live.length;
    for (let j = i + 1; j < paras.length; j++) {
      const next = placed[j];
      if (next) {
        upper = next[0]!.live;
        break;
      }
    }
    const p = paras[i]!;
    if (p.skel.length === 0) continue;
    const at = live.indexOf(p.skel, lowerBound);
    if (at >= 0 && at + p.skel.length <= upper) {
      placed[i] = [{ art: p.art, live: at, len: p.skel.length }];
      lowerBound = at + p.skel.length;
      continue;
    }
    const chunks = placeChunks(live, p.skel, p.art, lowerBound, upper);
    const found = chunks.reduce((n, c) => n + c.len, 0);
    if (chunks.length > 0 && found >= p.skel.length * MIN_CHUNKED_SHARE) {
      placed[i] = chunks;
      lowerBound = endOf(chunks);
    }
  }
  return placed.flatMap((s) => s ?? []);
}

/** Greedy longest-prefix chunks of `skel` inside live[lower, upper), in order. Bounded work per paragraph. */
function placeChunks(live: string, skel: string, artBase: number, lower: number, upper: number): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let cursor = lower;
  let attempts = 0;
  while (i < skel.length && attempts++ < 400) {
    const remaining = skel.length - i;
    const min = Math.min(MIN_CHUNK, remaining);
    const find = (len: number): number => {
      const at = live.indexOf(skel.substr(i, len), cursor);
      return at >= 0 && at + len <= upper ? at : -1;
    };
    if (find(min) < 0) {
      i += Math.max(1, Math.floor(min / 2));
      continue;
    }
    // Binary search the longest length that still occurs (occurrence is monotone in length for a fixed start).
    let lo = min;
    let hi = remaining;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (find(mid) >= 0) lo = mid;
      else hi = mid - 1;
    }
    const at = find(lo);
    out.push({ art: artBase + i, live: at, len: lo });
    cursor = at + lo;
    i += lo;
  }
  return out;
}

function lowestCommonAncestor(a: Node, b: Node): Element | null {
  const ancestors = new Set<Node>();
  for (let n: Node | null = a; n; n = n.parentNode) ancestors.add(n);
  for (let n: Node | null = b; n; n = n.parentNode) if (ancestors.has(n)) return n.nodeType === 1 ? (n as Element) : null;
  return null;
}

/**
 * Builds the index for `article` over the live document `doc` (the page itself, not the clone extraction used).
 * Rebuild it after the page changes (see watchArticleChanges); a stale index answers null rather than a wrong Range.
 */
export function buildLiveIndex(doc: Document, article: Article): LiveTextIndex {
  const text = article.text;
  // Article skeleton position ↔ article.text offset.
  const artOffsetOfSkel: number[] = [];
  for (let i = 0; i < text.length; i++) if (!WS.test(text[i]!)) artOffsetOfSkel.push(i);
  const skelBefore = new Int32Array(text.length + 1);
  for (let i = 0, k = 0; i <= text.length; i++) {
    skelBefore[i] = k;
    if (i < text.length && !WS.test(text[i]!)) k++;
  }
  const body = doc.body;
  const empty: LiveTextIndex = { toRange: () => null, toPoints: () => null, fromRange: () => null, containers: [], coverage: 0 };
  if (!body || artOffsetOfSkel.length === 0) return empty;

  const { nodes, starts, skeleton } = collectTextNodes(body);
  const paras: { skel: string; art: number }[] = [];
  let offset = 0;
  for (const p of text.split(PARAGRAPH_SEPARATOR)) {
    paras.push({ skel: p.replace(/\s+/g, ''), art: skelBefore[offset]! });
    offset += p.length + PARAGRAPH_SEPARATOR.length;
  }
  const segments = place(skeleton, paras);
  const segArt = segments.map((s) => s.art);
  const segLive = segments.map((s) => s.live);
  const nodeIndex = new Map<Node, number>();
  nodes.forEach((n, i) => nodeIndex.set(n, i));
  const covered = segments.reduce((n, s) => n + s.len, 0);

  /** Live skeleton position → (text node, offset of that character). */
  const livePoint = (k: number): { node: Text; offset: number } | null => {
    const ni = floorIndex(starts, k);
    const node = nodes[ni];
    if (!node) return null;
    return { node, offset: offsetOfNonWs(node.data, k - starts[ni]!) };
  };

  /** Maps an article skeleton position to a live one, snapping forward (dir 1) or backward (dir -1) to covered text. */
  const artToLive = (k: number, dir: 1 | -1, limit: number): number | null => {
    const si = floorIndex(segArt, k);
    const seg = segments[si];
    if (seg && k < seg.art + seg.len) return seg.live + (k - seg.art);
    if (dir === 1) {
      const next = segments[si + 1];
      return next && next.art <= limit ? next.live : null;
    }
    return seg && seg.art + seg.len - 1 >= limit ? seg.live + seg.len - 1 : null;
  };

  const liveToArt = (k: number, dir: 1 | -1, limit: number): number | null => {
    const si = floorIndex(segLive, k);
    const seg = segments[si];
    if (seg && k < seg.live + seg.len) return seg.art + (k - seg.live);
    if (dir === 1) {
      const next = segments[si + 1];
      return next && next.live <= limit ? next.art : null;
    }
    return seg && seg.live + seg.len - 1 >= limit ? seg.art + seg.len - 1 : null;
  };

  /** Number of indexed text nodes strictly before a boundary point (binary search in document order). */
  const nodesBefore = (container: Node, off: number): number => {
    const child = container.nodeType === 3 ? null : (container.childNodes[off] ?? null);
    const before = (t: Text): boolean => {
      if (container.nodeType === 3) {
        // Boundary inside a text node that is not indexed (hidden/skipped): nodes before it precede the boundary.
        return t === container || (container.compareDocumentPosition(t) & 2) !== 0;
      }
      if (child) return (child.compareDocumentPosition(t) & 2) !== 0 && (child.compareDocumentPosition(t) & 16) === 0;
      // Boundary after the container's last child: everything before or inside the container precedes it.
      const pos = container.compareDocumentPosition(t);
      return (pos & 2) !== 0 || (pos & 16) !== 0;
    };
    let lo = 0;
    let hi = nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(nodes[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  /** Live skeleton index of a boundary point: characters of the live skeleton before it. */
  const liveSkelAt = (container: Node, off: number): number => {
    const ni = container.nodeType === 3 ? nodeIndex.get(container) : undefined;
    if (ni !== undefined) return starts[ni]! + nonWsBefore((container as Text).data, off);
    const n = nodesBefore(container, off);
    return n < nodes.length ? starts[n]! : skeleton.length;
  };

  const containers: Element[] = [];
  if (segments.length > 0) {
    // One container per run of segments that share a close ancestor; in practice one element, or a few when the
    // article is split by ads or "read more" blocks the CMS wraps separately.
    const first = livePoint(segments[0]!.live);
    const last = livePoint(segments[segments.length - 1]!.live + segments[segments.length - 1]!.len - 1);
    const lca = first && last ? lowestCommonAncestor(first.node, last.node) : null;
    if (lca) containers.push(lca);
  }

  const index: LiveTextIndex = {
    containers,
    coverage: covered / artOffsetOfSkel.length,
    toPoints(start: number, end: number): LivePoints | null {
      const s = Math.max(0, Math.min(text.length, Math.floor(start)));
      const e = Math.max(0, Math.min(text.length, Math.floor(end)));
      if (!(s < e)) return null;
      const a = skelBefore[s]!;
      const b = skelBefore[e]! - 1; // last article skeleton char inside [s, e)
      if (b < a) return null;
      const ls = artToLive(a, 1, b);
      const le = artToLive(b, -1, a);
      if (ls === null || le === null || le < ls) return null;
      const p1 = livePoint(ls);
      const p2 = livePoint(le);
      if (!p1 || !p2 || !p1.node.isConnected || !p2.node.isConnected) return null;
      return { start: p1, end: { node: p2.node, offset: p2.offset + 1 } };
    },
    toRange(start: number, end: number): Range | null {
      const points = index.toPoints(start, end);
      if (!points) return null;
      try {
        const range = doc.createRange();
        range.setStart(points.start.node, points.start.offset);
        range.setEnd(points.end.node, points.end.offset);
        return range;
      } catch {
        return null;
      }
    },
    fromRange(range: Range): { start: number; end: number } | null {
      try {
        const ls = liveSkelAt(range.startContainer, range.startOffset);
        const le = liveSkelAt(range.endContainer, range.endOffset) - 1;
        if (le < ls) return null;
        const a = liveToArt(ls, 1, le);
        const b = liveToArt(le, -1, ls);
        if (a === null || b === null || b < a) return null;
        return { start: artOffsetOfSkel[a]!, end: artOffsetOfSkel[b]! + 1 };
      } catch {
        return null;
      }
    },
  };
  return index;
}
