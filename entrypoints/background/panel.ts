import { browser } from 'wxt/browser';

/** Opening the panel differs between browsers: one place for it (utils/platform). */
export { openPanel } from '../../components/platform/browserDifferences';

/** Context-menu ids. */
export const MENU = { open: 'backstory-open', highlight: 'backstory-highlight' } as const;

/** (Re)creates the context-menu items; called on install and update. */
export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.open, title: 'Open Backstory', contexts: ['page', 'selection', 'link'] });
    browser.contextMenus.create({ id: MENU.highlight, title: 'Highlight with Backstory', contexts: ['selection'] });
  });
}
