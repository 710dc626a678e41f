/*
 * Backstory's in-page UI (the selection toolbar, the mention preview, the note frame's host) lives in CLOSED shadow
 * roots, so neither a page script nor Playwright's locators can look inside (issue #13). Tests look from where only
 * the extension can: its own isolated world, which may open a closed root (chrome.dom.openOrClosedShadowRoot in
 * Chromium, Element.openOrClosedShadowRoot in Firefox). They then act with the real mouse, as a reader would.
 */

/** What to find in the in-page UI: a button by accessible name, a dialog by its label, or the note frame. */
export type InPageQuery = { kind: 'button' | 'dialog' | 'frame'; source: string; flags: string };

/** Where an element of the in-page UI is (viewport px, its middle) and its text. */
export interface InPageSpot {
  x: number;
  y: number;
  width: number;
  height: number;
  text: string;
}

/** A query for a name (a string matches exactly). */
export function inPageQuery(kind: InPageQuery['kind'], name: string | RegExp): InPageQuery {
  return typeof name === 'string'
    ? { kind, source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' }
    : { kind, source: name.source, flags: name.flags };
}

/**
 * Runs in the extension's isolated world of the page (self-contained: it is serialised). Finds the first visible
 * match inside Backstory's shadow roots.
 */
export function probeInPageUi(query: InPageQuery): InPageSpot | null {
  const re = new RegExp(query.source, query.flags);
  const dom = (globalThis as unknown as { chrome?: { dom?: { openOrClosedShadowRoot?(el: Element): ShadowRoot | null } } }).chrome?.dom;
  const rootOf = (el: Element): ShadowRoot | null =>
    dom?.openOrClosedShadowRoot?.(el) ?? (el as unknown as { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
  const selector = query.kind === 'button' ? 'button' : query.kind === 'dialog' ? '[role="dialog"]' : 'iframe';
  for (const host of document.querySelectorAll('backstory-ui')) {
    const root = rootOf(host);
    if (!root) continue;
    for (const el of root.querySelectorAll(selector)) {
      const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!re.test(label)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, width: rect.width, height: rect.height, text: el.textContent ?? '' };
    }
  }
  return null;
}

/** Polls `probe` until it finds something (the toolbar opens a moment after the selection settles). */
export async function waitForSpot(probe: () => Promise<InPageSpot | null>, what: string, timeoutMs = 10_000): Promise<InPageSpot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const spot = await probe().catch(() => null);
    if (spot) return spot;
    if (Date.now() > deadline) throw new Error(`Not in Backstory's in-page UI: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
