import { browser } from 'wxt/browser';
import { type TabState, tabStateKey } from '../../utils/messaging/tabState';

/*
 * Per-tab analysis state lives in storage.session, not in service-worker memory: the worker can be stopped at any
 * time, and the side panel follows changes through storage.onChanged without a message channel of its own.
 */

/** Reads a tab's state (undefined when Backstory has not run on it). */
export async function getTabState(tabId: number): Promise<TabState | undefined> {
  const key = tabStateKey(tabId);
  const items = await browser.storage.session.get(key);
  return items[key] as TabState | undefined;
}

/** Writes a tab's state. */
export async function setTabState(tabId: number, state: TabState): Promise<void> {
  const pending = earlyAnchors.get(tabId);
  earlyAnchors.delete(tabId);
  // The page anchors its highlights while its analysis is still on the way here: keep that report for this article.
  const withAnchors =
    state.status === 'ready' && state.orphaned === undefined && pending && state.analysis.extraction.kind === 'article' && state.analysis.extraction.article.canonicalUrl === pending.url
      ? { ...state, orphaned: pending.orphaned }
      : state;
  await browser.storage.session.set({ [tabStateKey(tabId)]: withAnchors });
}

/**
 * Anchor reports that arrived before their analysis was stored (the page paints as soon as it has analysed; the
 * background stores the analysis when the reply reaches it), by tab: setTabState adds them to the ready state.
 * Without this the orphan list was lost whenever the report won that race (the orphan e2e failed under load).
 */
const earlyAnchors = new Map<number, { url: string; orphaned: string[] }>();

/** Keeps an anchor report for the analysis of `url` that has not reached the background yet. */
export function keepEarlyAnchors(tabId: number, url: string, orphaned: string[]): void {
  earlyAnchors.set(tabId, { url, orphaned });
}

/** Forgets a tab (closed). */
export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}

/** Ids of the tabs whose current analysis is the article saved under `url`. */
export async function tabsShowing(url: string): Promise<number[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabState | undefined>;
  const ids: number[] = [];
  for (const [key, state] of Object.entries(all)) {
    if (!key.startsWith('tab:') || state?.status !== 'ready') continue;
    const { extraction } = state.analysis;
    if (extraction.kind === 'article' && extraction.article.canonicalUrl === url) ids.push(Number(key.slice(4)));
  }
  return ids;
}

/** Ids of the tabs where the analyser has finished (the ones to tell about a setting that changes the paint). */
export async function readyTabs(): Promise<number[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabState | undefined>;
  return Object.entries(all)
    .filter(([key, state]) => key.startsWith('tab:') && state?.status === 'ready')
    .map(([key]) => Number(key.slice(4)));
}
