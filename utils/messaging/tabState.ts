import type { PageAnalysis } from '../analysis/analyzePage';

export type { PageAnalysis };

/** What the side panel shows for a tab. Kept by the background in storage.session (a service worker can stop). */
export type TabState =
  | { status: 'idle'; url: string | null }
  | { status: 'unsupported'; url: string | null; message: string }
  | { status: 'working'; url: string }
  | { status: 'ready'; url: string; analysis: PageAnalysis; /** Saved highlights the page could not place. */ orphaned?: string[] }
  | { status: 'error'; url: string | null; message: string };

/** storage.session key of a tab's state. */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}
