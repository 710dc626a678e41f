import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { firstTargetTab, type TargetSpec } from './targetTab';

export type { TargetSpec };

/** The tab the panel shows, followed as the reader switches tabs. */
export function useTargetTab({ pinnedTabId, windowId: followWindow }: TargetSpec): number | null {
  const [tabId, setTabId] = useState<number | null>(pinnedTabId);
  useEffect(() => {
    if (pinnedTabId !== null) return;
    let windowId: number | undefined = followWindow ?? undefined;
    let alive = true;
    void firstTargetTab({ pinnedTabId, windowId: followWindow }).then((first) => {
      if (!alive) return;
      windowId = first.windowId;
      setTabId(first.tabId);
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
