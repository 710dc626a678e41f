import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type TabState, tabStateKey } from '../../utils/messaging/tabState';

/** A tab's analysis state as the background keeps it in storage.session, updated live. */
export function useTabState(tabId: number | null): TabState | undefined {
  const [state, setState] = useState<TabState | undefined>(undefined);
  useEffect(() => {
    setState(undefined);
    if (tabId === null) return;
    const key = tabStateKey(tabId);
    let alive = true;
    void browser.storage.session.get(key).then((items) => {
      if (alive) setState(items[key] as TabState | undefined);
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      if (area === 'session' && key in changes) setState(changes[key]?.newValue as TabState | undefined);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);
  return state;
}
