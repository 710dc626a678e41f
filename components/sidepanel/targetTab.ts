import { browser } from 'wxt/browser';

/** Which tab the panel shows: a pinned tab, or the active tab of a window (the panel's own unless given). */
export interface TargetSpec {
  pinnedTabId: number | null;
  /** Follow this window's active tab instead of the panel's own window (the panel opened in a window of its own). */
  windowId: number | null;
}

/** The panel's spec from its URL: ?tabId= pins it to one tab, ?windowId= follows another window's active tab. */
export function targetSpecOf(search: string): TargetSpec {
  const params = new URLSearchParams(search);
  const numberParam = (name: string): number | null => {
    const value = params.get(name);
    return value !== null && /^\d+$/.test(value) ? Number(value) : null;
  };
  return { pinnedTabId: numberParam('tabId'), windowId: numberParam('windowId') };
}

/** The tab the panel shows when it opens, and that tab's window (unknown for a pinned tab). */
export async function firstTargetTab({ pinnedTabId, windowId }: TargetSpec): Promise<{ tabId: number | null; windowId?: number }> {
  if (pinnedTabId !== null) return { tabId: pinnedTabId };
  const [tab] = await browser.tabs.query(windowId !== null ? { active: true, windowId } : { active: true, currentWindow: true });
  return { tabId: tab?.id ?? null, ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}) };
}
