import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** Which tab the panel shows: a pinned tab, or the active tab of a window (the panel's own unless given). */
export interface TargetSpec {
  pinnedTabId: number | null;
  /** Follow this window's active tab instead of the panel's own window (the panel opened in a window of its own). */
  windowId: number | null;
}

/** The tab the panel shows, followed as the reader switches tabs. */
export function useTargetTab({ pinnedTabId, windowId: followWindow }: TargetSpec): number | null {
  const [tabId, setTabId] = useState<number | null>(pinnedTabId);
  useEffect(() => {
    if (pinnedTabId !== null) return;
    let windowId: number | undefined = followWindow ?? undefined;
    let alive = true;
    const query = followWindow !== null ? { active: true, windowId: followWindow } : { active: true, currentWindow: true };
    void browser.tabs.query(query).then(([tab]) => {
      if (!alive) return;
      windowId = tab?.windowId;
      setTabId(tab?.id ?? null);
    });
    const onActivated = (info: { tabId: number; windowId: number }): void => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinnedTabId, followWindow]);
  return tabId;
}
