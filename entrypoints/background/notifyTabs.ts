import { sendToTab } from '../../components/platform/messaging';
import { announceSavedChange } from '../../components/platform/privateWindows';
import { tabsShowing } from './tabState';

/**
 * The article's highlights changed (panel, library, another tab): every tab showing it repaints, and the pages that
 * cannot watch Dexie (a private window's sidebar) hear of it. A tab that does not answer has gone: nothing to do.
 * Returns once every tab was told (the background does not wait for it; tests do).
 */
export async function notifyTabs(url: string): Promise<void> {
  await announceSavedChange(url);
  const tabIds = await tabsShowing(url);
  await Promise.all(tabIds.map((tabId) => sendToTab(tabId, 'content/highlightsChanged', { url }).catch(() => undefined)));
}
