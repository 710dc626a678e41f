import { browser } from 'wxt/browser';
import { MessageError, sendToTab } from '../../components/platform/messaging';
import type { TabState } from '../../utils/messaging/tabState';
import { getTabState, setTabState } from './tabState';

/** The on-demand analysis script, built from entrypoints/analyzer.content (registration: runtime). */
const ANALYZER_FILE = '/content-scripts/analyzer.js';

/** True for pages a content script can run on. */
export function isWebUrl(url: string | undefined | null): url is string {
  return typeof url === 'string' && /^https?:\/\//i.test(url);
}

/** Injects the analysis script into a tab's top frame (it guards itself against running twice). */
export async function injectAnalyzer(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [ANALYZER_FILE] });
}

/**
 * Openings under way, by tab: the panel page asks as soon as it loads (entrypoints/panel-early.ts) and again once
 * its app has rendered, and each must get the same analysis, not inject and analyse twice.
 */
const opening = new Map<number, { url: string; state: Promise<TabState> }>();

/**
 * Runs Backstory on a tab: injects the analyser, asks it for the analysis and records the tab's state.
 * A ready state for the same URL is reused unless `force` (the reader's "Try anyway" or "Retry"); an opening of the
 * same page already under way is joined.
 */
export async function openTab(tabId: number, force: boolean): Promise<TabState> {
  const tab = await browser.tabs.get(tabId);
  const url = tab.url ?? null;
  const running = opening.get(tabId);
  if (!force && running && running.url === url) return running.state;
  const state = openUrl(tabId, url, force);
  if (url !== null) {
    opening.set(tabId, { url, state });
    const done = () => void (opening.get(tabId)?.state === state && opening.delete(tabId));
    state.then(done, done);
  }
  return state;
}

async function openUrl(tabId: number, url: string | null, force: boolean): Promise<TabState> {
  if (!isWebUrl(url)) {
    const state: TabState = {
      status: 'unsupported',
      url,
      message: 'Backstory works on web pages. Open a news article and it will appear here.',
    };
    await setTabState(tabId, state);
    return state;
  }
  const current = await getTabState(tabId);
  if (!force && current?.status === 'ready' && current.url === url) return current;
  await setTabState(tabId, { status: 'working', url });
  try {
    await injectAnalyzer(tabId);
    const analysis = await sendToTab(tabId, 'content/analyze', { force });
    const state: TabState = { status: 'ready', url: analysis.url, analysis };
    await setTabState(tabId, state);
    return state;
  } catch (error) {
    const detail = error instanceof MessageError || error instanceof Error ? error.message : String(error);
    const state: TabState = {
      status: 'error',
      url,
      message: `Backstory could not read this page (${detail}). Reload the page and try again.`,
    };
    await setTabState(tabId, state);
    return state;
  }
}
