import { highlightCss } from '../highlights/highlightCss';
import { hitTest } from '../highlights/hitTest';
import { type PaintHandle, paintHighlights } from '../highlights/paint';
import { placeHighlights } from '../highlights/placeHighlights';
import type { HighlightColor } from '../highlights/types';
import type { HighlightRecord } from '../messaging/protocol';
import type { ArticleContext } from './articleContext';
import type { PageEnv, SendToBackground } from './env';
import { adoptPageCss } from './pageCss';

/** The saved highlights as painted on the page. */
export interface PaintedHighlights {
  /** Fetches the article's saved highlights, anchors them in the current text, paints them and reports the orphans; returns how many were placed. */
  refresh(): Promise<number>;
  /** Paints again, from the ranges already anchored, when the page dropped our paint (some pages reset CSS.highlights). */
  ensurePainted(): void;
  /** Ids of the painted highlights under a viewport point, innermost first. */
  idsAt(x: number, y: number): string[];
  /** The live range of a painted highlight, or null when it is not placed. */
  rangeOf(id: string): Range | null;
  /** True when `id` is one of the article's saved highlights (placed or orphaned). */
  has(id: string): boolean;
}

/**
 * Starts the anchor–paint–report loop for saved highlights. Nothing here touches the database: the list comes from
 * the background through `send`, orphans go back to it. The paint and its CSS go when `signal` aborts.
 */
export function createPaintedHighlights(
  env: PageEnv,
  deps: { send: SendToBackground; current: () => ArticleContext | undefined },
): PaintedHighlights {
  const { doc, win, signal } = env;
  let records: HighlightRecord[] = [];
  const ranges = new Map<string, { range: Range; color: HighlightColor }>();
  let paint: PaintHandle | undefined;
  let refreshing: Promise<number> | undefined;
  const removeCss = adoptPageCss(doc, highlightCss());
  signal.addEventListener(
    'abort',
    () => {
      removeCss();
      paint?.clear();
    },
    { once: true },
  );

  const repaint = () => {
    paint?.clear();
    paint = paintHighlights(win, [...ranges].map(([id, { range, color }]) => ({ id, range, color })));
  };

  const doRefresh = async (): Promise<number> => {
    const context = deps.current();
    if (!context) return 0;
    const { article, spaces } = context;
    records = await deps.send('highlights/list', { url: article.canonicalUrl });
    if (signal.aborted) return 0;
    // Records written before anchor scheme 2 have no scope or structure: the article text, no structure.
    const stored = records.map((r) => ({ ...r, scope: r.scope ?? 'article', structure: r.structure ?? null }));
    const placements = placeHighlights(doc, article, stored, { spaces });
    ranges.clear();
    const orphaned: string[] = [];
    placements.forEach((placed, i) => {
      const record = records[i]!;
      if (placed.range) ranges.set(record.id, { range: placed.range, color: record.color });
      else orphaned.push(record.id);
    });
    repaint();
    await deps.send('page/anchors', { url: article.canonicalUrl, orphaned }).catch(() => undefined);
    return ranges.size;
  };

  const api: PaintedHighlights = {
    refresh() {
      refreshing ??= doRefresh().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
    ensurePainted() {
      // A refresh under way paints anyway.
      if (!paint || refreshing || paint.isIntact()) return;
      // With the Highlight API painting never touched the ranges, and they are live (they follow the page's edits):
      // registering them again needs no message. Fallback marks are DOM: undoing what is left of them moves the text
      // the ranges point into, so those are anchored anew.
      if (paint.mode === 'highlight-api') repaint();
      else void api.refresh().catch(() => undefined);
    },
    idsAt(x, y) {
      if (ranges.size === 0) return [];
      return hitTest(win, x, y, [...ranges].map(([id, { range }]) => ({ id, range })));
    },
    rangeOf: (id) => ranges.get(id)?.range ?? null,
    has: (id) => records.some((r) => r.id === id),
  };

  // When to check the paint: a page that resets CSS.highlights (a framework re-rendering, a page's own highlighter
  // clearing the registry) does it at any moment, but the reader only misses the paint when they look. Scrolling, the
  // tab coming back into view and the window regaining focus are when they look; the check is a handful of registry
  // look-ups (or isConnected reads on the fallback marks), and scroll events come at most once a frame. A
  // MutationObserver would cost on every page edit and still not see a registry reset, which is no DOM mutation.
  // Untrusted events count too: a page that fires them can only make us put back what it took away.
  const check = () => api.ensurePainted();
  win.addEventListener('scroll', check, { passive: true, signal });
  win.addEventListener('focus', check, { signal });
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.visibilityState === 'visible') check();
    },
    { signal },
  );
  return api;
}
