/**
 * Page-change watching: lazy-loaded bodies, "continue reading" expanders and single-page-app navigation change the
 * article without a reload. The caller re-runs extraction when `onChange` fires.
 */

/** Options for watchArticleChanges(). */
export interface WatchOptions {
  /** Quiet period before reporting, in ms (default 800): a lazy-loading page mutates in bursts. */
  debounceMs?: number;
  /** Stops watching (WXT's `ctx.signal` in the content script). */
  signal: AbortSignal;
  /** Mutations adding or removing fewer characters of text than this are ignored (default 200): counters, clocks, ads. */
  minTextDelta?: number;
}

/** Attribute marking Backstory's own nodes in the page (highlights, toolbar): their changes are not page changes. */
export const OWN_NODE_ATTRIBUTE = 'data-backstory';

function isOwn(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el !== null && el.closest(`[${OWN_NODE_ATTRIBUTE}]`) !== null;
}

function textSize(node: Node): number {
  if (node.nodeType === 3) return (node as Text).data.trim().length;
  if (node.nodeType !== 1) return 0;
  const name = node.nodeName.toUpperCase();
  if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return 0;
  return (node.textContent ?? '').replace(/\s+/g, '').length;
}

/**
 * Calls `onChange(reason)` (debounced) when the page's content or URL changes: a MutationObserver on the body
 * (ignoring nodes marked `data-backstory` and small text changes) plus history navigation — `pushState` /
 * `replaceState` (wrapped, since they fire no event), `popstate` and `hashchange`. Everything is undone when `signal` aborts.
 */
export function watchArticleChanges(win: Window, onChange: (reason: string) => void, opts: WatchOptions): void {
  const { signal } = opts;
  if (signal.aborted) return;
  const debounceMs = opts.debounceMs ?? 800;
  const minDelta = opts.minTextDelta ?? 200;
  let timer: number | null = null;
  let pendingReason: string | null = null;
  let pendingDelta = 0;
  let lastUrl = win.location.href;

  const schedule = (reason: string): void => {
    if (signal.aborted) return;
    // A URL change outranks content growth: report the stronger reason when both happen in one burst.
    if (pendingReason === null || reason.startsWith('navigation')) pendingReason = reason;
    if (timer !== null) win.clearTimeout(timer);
    timer = win.setTimeout(() => {
      timer = null;
      const r = pendingReason;
      pendingReason = null;
      pendingDelta = 0;
      if (r !== null && !signal.aborted) onChange(r);
    }, debounceMs);
  };

  const onUrlMaybeChanged = (how: string): void => {
    const href = win.location.href;
    if (href === lastUrl) return;
    lastUrl = href;
    schedule(`navigation:${how}`);
  };

  const Observer = (win as Window & typeof globalThis).MutationObserver;
  const body = win.document.body;
  if (Observer && body) {
    const observer = new Observer((records) => {
      for (const rec of records) {
        if (isOwn(rec.target)) continue;
        if (rec.type === 'characterData') {
          pendingDelta += Math.abs((rec.target as Text).data.length - (rec.oldValue?.length ?? 0));
          continue;
        }
        for (const n of Array.from(rec.addedNodes)) if (!isOwn(n)) pendingDelta += textSize(n);
        // Removed nodes are detached: `closest` cannot see our marker any more, so check the node itself.
        for (const n of Array.from(rec.removedNodes)) {
          if (n.nodeType === 1 && (n as Element).hasAttribute(OWN_NODE_ATTRIBUTE)) continue;
          pendingDelta += textSize(n);
        }
        // An expander that un-hides the rest of the article changes an attribute, not the text.
        // `hidden` toggling reveals (or hides) its whole text; class/style changes are mostly cosmetic, so they count
        // for a quarter (a big container switching class still registers).
        if (rec.type === 'attributes' && rec.target.nodeType === 1) {
          pendingDelta += rec.attributeName === 'hidden' ? textSize(rec.target) : textSize(rec.target) / 4;
        }
      }
      if (pendingDelta >= minDelta) schedule('content');
    });
    observer.observe(body, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style', 'aria-expanded'],
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  // pushState/replaceState fire no event: wrap them, and restore the originals on abort (unless someone wrapped after us).
  const history = win.history;
  const wrap = (name: 'pushState' | 'replaceState'): void => {
    const original = history[name];
    const wrapped = function (this: History, ...args: Parameters<History['pushState']>): void {
      original.apply(this, args);
      onUrlMaybeChanged(name);
    };
    history[name] = wrapped;
    signal.addEventListener('abort', () => {
      if (history[name] === wrapped) history[name] = original;
    }, { once: true });
  };
  wrap('pushState');
  wrap('replaceState');
  // Removed by hand rather than with `{ signal }`: the signal may come from another realm (WXT's ctx in the
  // content script's world, Node's in tests) and jsdom rejects a foreign AbortSignal there.
  const onPop = (): void => onUrlMaybeChanged('popstate');
  const onHash = (): void => onUrlMaybeChanged('hashchange');
  win.addEventListener('popstate', onPop);
  win.addEventListener('hashchange', onHash);
  signal.addEventListener('abort', () => {
    win.removeEventListener('popstate', onPop);
    win.removeEventListener('hashchange', onHash);
    if (timer !== null) win.clearTimeout(timer);
    timer = null;
  }, { once: true });
}
