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

/** Writes a tab's state; a ready article state gets the page's latest anchor report for that article. */
export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [tabStateKey(tabId)]: await withAnchorReport(tabId, state) });
}

/*
 * The page's anchor report (which saved highlights it could not place) is kept apart from the analysis, under its
 * own storage.session key per tab, and joined to every ready state of the same article. The analysis of one page
 * load can be stored more than once and in any order with the report: the page sends its own analysis and the
 * panel's "open" asks for it again, and the page paints (and reports) as soon as it has analysed. When the report
 * was attached to one write only, a later write of the same analysis dropped it and the panel lost its orphan list
 * (the orphan e2e, under CI load). A navigation forgets the report: it belonged to the page that was replaced.
 */

interface AnchorReport {
  url: string;
  orphaned: string[];
}

function anchorsKey(tabId: number): string {
  return `anchors:${tabId}`;
}

async function withAnchorReport(tabId: number, state: TabState): Promise<TabState> {
  if (state.status !== 'ready' || state.orphaned !== undefined || state.analysis.extraction.kind !== 'article') return state;
  const key = anchorsKey(tabId);
  const report = (await browser.storage.session.get(key))[key] as AnchorReport | undefined;
  return report?.url === state.analysis.extraction.article.canonicalUrl ? { ...state, orphaned: report.orphaned } : state;
}

/**
 * Records the page's anchor report for the article saved under `url`, and shows it at once when the tab's current
 * analysis is that article. Returns whether it was shown (false: it joins the analysis when that is stored).
 */
export async function recordAnchors(tabId: number, url: string, orphaned: string[]): Promise<boolean> {
  await browser.storage.session.set({ [anchorsKey(tabId)]: { url, orphaned } satisfies AnchorReport });
  const state = await getTabState(tabId);
  if (state?.status !== 'ready' || state.analysis.extraction.kind !== 'article' || state.analysis.extraction.article.canonicalUrl !== url) return false;
  await browser.storage.session.set({ [tabStateKey(tabId)]: { ...state, orphaned } });
  return true;
}

/** Forgets a tab's anchor report (the tab navigated: a new page will report its own). */
export async function forgetAnchors(tabId: number): Promise<void> {
  await browser.storage.session.remove(anchorsKey(tabId));
}

/** Forgets a tab (closed). */
export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove([tabStateKey(tabId), anchorsKey(tabId)]);
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

/** The saved-article keys (canonical URLs) of the articles the tabs show now, each once. */
export async function articlesShown(): Promise<string[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabState | undefined>;
  const urls = new Set<string>();
  for (const [key, state] of Object.entries(all)) {
    if (key.startsWith('tab:') && state?.status === 'ready' && state.analysis.extraction.kind === 'article') urls.add(state.analysis.extraction.article.canonicalUrl);
  }
  return [...urls];
}

/** Ids of the tabs where the analyser has finished (the ones to tell about a setting that changes the paint). */
export async function readyTabs(): Promise<number[]> {
  const all = (await browser.storage.session.get(null)) as Record<string, TabState | undefined>;
  return Object.entries(all)
    .filter(([key, state]) => key.startsWith('tab:') && state?.status === 'ready')
    .map(([key]) => Number(key.slice(4)));
}
