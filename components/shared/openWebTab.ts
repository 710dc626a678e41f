import { browser } from 'wxt/browser';
import { httpUrl } from '../../utils/url/httpUrl';

/**
 * Opens a web page in a new tab, and nothing else: a `javascript:`, `data:`, `file:` or extension URL is refused
 * here whatever a record holds, records saved before imports were checked included (issue #13, finding 7).
 * Returns whether a tab was opened.
 */
export function openWebTab(url: string, create: (url: string) => unknown = (u) => browser.tabs.create({ url: u })): boolean {
  const safe = httpUrl(url);
  if (!safe) return false;
  void create(safe);
  return true;
}
