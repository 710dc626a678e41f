import { browser } from 'wxt/browser';
import type { HandlerContext } from '../../utils/messaging/router';

/*
 * Private windows (#18). An article read in a private window leaves nothing behind unless the reader saves a
 * highlight or a note on it: no entities written onto a saved article, no look-up results in the knowledge cache
 * (their keys carry the article's names and context words). What the reader saves explicitly is kept, as a
 * bookmark made in a private window is: a highlight, a note, and a link the reader corrects (knowledge/choose, with
 * the card of the article they chose). The per-tab analysis lives in storage.session, which is memory only in both
 * browsers and is cleared when the tab closes.
 *
 * Both browsers mark a private tab the same way (tabs.Tab.incognito), so nothing here depends on the browser.
 */

/** A way to look a tab up (browser.tabs.get in the extension; a stub in tests). */
export type GetTab = (tabId: number) => Promise<{ incognito?: boolean } | undefined>;

const getTab: GetTab = (tabId) => browser.tabs.get(tabId).catch(() => undefined);

/**
 * Whether a message concerns an article in a private window: sent from a private tab's content script or from an
 * extension page open in a private tab, or naming a private tab (the sidebar names the tab it shows: a sidebar has
 * no tab of its own in the sender).
 */
export async function concernsPrivateWindow(ctx: Pick<HandlerContext, 'sender'>, tabId?: number, lookUp: GetTab = getTab): Promise<boolean> {
  if (ctx.sender.tab?.incognito === true) return true;
  if (tabId === undefined) return false;
  return (await lookUp(tabId))?.incognito === true;
}

/** Whether the tab is in a private window (false when it is gone or unknown). */
export async function isPrivateTab(tabId: number, lookUp: GetTab = getTab): Promise<boolean> {
  return (await lookUp(tabId))?.incognito === true;
}

/** storage.session key the background sets when an article's saved highlights change (a signal, not data). */
export const SAVED_CHANGED_KEY = 'saved:changed';

/**
 * Tells the extension pages that cannot watch Dexie themselves (a private window's sidebar: see
 * components/platform/browserDifferences.ts) that an article's saved highlights changed. storage.session is memory only.
 */
export async function announceSavedChange(url: string): Promise<void> {
  await browser.storage.session.set({ [SAVED_CHANGED_KEY]: { url, at: Date.now() } });
}

/** Calls `onChange` whenever the background announces a change to the article saved under `url`; returns the unsubscribe. */
export function watchSavedChanges(url: string, onChange: () => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'session' || !(SAVED_CHANGED_KEY in changes)) return;
    const value = changes[SAVED_CHANGED_KEY]?.newValue as { url?: string } | undefined;
    if (value?.url === url) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
