import { highlightName } from './highlightCss';
import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

/** One highlight to paint: its record id, colour and live DOM Range (from the live text index). */
export interface PaintEntry {
  id: string;
  color: HighlightColor;
  range: Range;
}

/** What paintHighlights did, and how to undo it. */
export interface PaintHandle {
  /** 'highlight-api': CSS.highlights; 'marks': <mark data-backstory> fallback; 'none': nothing could be painted. */
  readonly mode: 'highlight-api' | 'marks' | 'none';
  /** Removes everything this call painted. Safe to call twice, and after the page tampered with the registry. */
  clear(): void;
  /** False when the page removed our highlights from the registry (or our marks from the DOM): time to repaint. */
  isIntact(): boolean;
}

/** The parts of the Custom Highlight API we use (not all of them are in TypeScript's DOM lib yet). */
interface HighlightLike {
  add(range: AbstractRange): unknown;
}
interface RegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): unknown;
  delete(name: string): boolean;
}
type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightLike;

/** The page's highlight registry and Highlight constructor, or null when either is missing or broken. */
export function highlightApi(win: Window): { registry: RegistryLike; Highlight: HighlightCtor } | null {
  try {
    const scope = win as unknown as { CSS?: { highlights?: unknown }; Highlight?: unknown };
    const registry = scope.CSS?.highlights as RegistryLike | undefined;
    const Highlight = scope.Highlight as HighlightCtor | undefined;
    if (!registry || typeof registry.set !== 'function' || typeof registry.delete !== 'function') return null;
    if (typeof Highlight !== 'function') return null;
    return { registry, Highlight };
  } catch {
    return null;
  }
}

/**
 * Paints highlights: one `Highlight` per colour registered as `backstory-<colour>` (no change to the page's DOM);
 * wraps the text in `<mark data-backstory>` only when the API is missing. Inject highlightCss() for the colours.
 * `ranges` is the complete set to show: with the API, it replaces what an earlier call registered (call clear() on
 * the old handle anyway: in the fallback, marks are undone only by their handle). Never throws.
 */
export function paintHighlights(win: Window, ranges: readonly PaintEntry[]): PaintHandle {
  const api = highlightApi(win);
  if (api) {
    try {
      return paintWithApi(api, ranges);
    } catch {
      // A page that replaced the registry with something that throws: fall through to marks.
    }
  }
  try {
    return paintWithMarks(win, ranges);
  } catch {
    return { mode: 'none', clear: () => {}, isIntact: () => true };
  }
}

function paintWithApi(api: NonNullable<ReturnType<typeof highlightApi>>, ranges: readonly PaintEntry[]): PaintHandle {
  const byColor = new Map<HighlightColor, AbstractRange[]>();
  for (const { color, range } of ranges) {
    const list = byColor.get(color) ?? [];
    list.push(range);
    byColor.set(color, list);
  }
  // One Highlight per colour: 500 highlights cost 5 registry entries, and the constructor takes all ranges in one call.
  const painted = new Map<string, HighlightLike>();
  for (const [color, list] of byColor) {
    const highlight = new api.Highlight(...list);
    api.registry.set(highlightName(color), highlight);
    painted.set(highlightName(color), highlight);
  }
  // `ranges` is the whole set: a colour no longer used (its last highlight deleted or recoloured) must not linger.
  for (const color of HIGHLIGHT_COLORS) if (!byColor.has(color)) api.registry.delete(highlightName(color));
  let cleared = false;
  return {
    mode: 'highlight-api',
    clear() {
      if (cleared) return;
      cleared = true;
      for (const [name, highlight] of painted) {
        try {
          // Only remove what is still ours: a later paint may have replaced it.
          if (api.registry.get(name) === highlight) api.registry.delete(name);
        } catch {
          // registry gone or replaced by the page: nothing left to clear
        }
      }
    },
    isIntact() {
      if (cleared) return false;
      try {
        for (const [name, highlight] of painted) if (api.registry.get(name) !== highlight) return false;
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** Attribute on every fallback <mark>: the highlight id. */
export const MARK_ATTRIBUTE = 'data-backstory';

function paintWithMarks(win: Window, ranges: readonly PaintEntry[]): PaintHandle {
  const marks: HTMLElement[] = [];
  for (const entry of ranges) {
    try {
      marks.push(...wrapRange(win.document, entry));
    } catch {
      // a range the page invalidated: skip it, paint the rest
    }
  }
  let cleared = false;
  return {
    mode: 'marks',
    clear() {
      if (cleared) return;
      cleared = true;
      unwrapMarks(marks);
    },
    isIntact() {
      return !cleared && marks.every((m) => m.isConnected);
    },
  };
}

/**
 * Wraps each text node segment of `range` in a <mark>. Whitespace-only segments are skipped: they are the gaps
 * between blocks, where a <mark> would be invalid (inside <ul>, <table>) and show nothing anyway.
 */
export function wrapRange(doc: Document, { id, color, range }: PaintEntry): HTMLElement[] {
  if (range.collapsed) return [];
  const segments: Array<{ node: Text; start: number; end: number }> = [];
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = root.nodeType === 3 ? root : walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : text.length;
    if (end <= start || !/\S/.test(text.data.slice(start, end))) continue;
    segments.push({ node: text, start, end });
    if (root.nodeType === 3) break;
  }
  const marks: HTMLElement[] = [];
  for (const { node, start, end } of segments) {
    let target = node;
    if (start > 0) target = target.splitText(start);
    if (end - start < target.length) target.splitText(end - start);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTRIBUTE, id);
    mark.setAttribute('data-backstory-color', color);
    target.parentNode?.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return marks;
}

/** Removes fallback marks, putting their text back and re-merging the text nodes they split. */
export function unwrapMarks(marks: readonly HTMLElement[]): void {
  // Innermost (last created for overlapping highlights) first, so nested marks unwrap cleanly.
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i] as HTMLElement;
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
