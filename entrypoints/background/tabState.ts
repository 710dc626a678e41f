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
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
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
