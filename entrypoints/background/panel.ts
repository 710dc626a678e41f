import { browser } from 'wxt/browser';

/** Firefox's sidebar API, which Chrome's typings do not describe. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * Opens Backstory's panel: Chrome's side panel for the tab's window, Firefox's sidebar.
 * Must be called straight from a user gesture (toolbar, shortcut, context menu), so nothing is awaited first.
 */
export async function openPanel(tab: { id?: number; windowId?: number } | undefined): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox') {
    const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
    await sidebar?.open();
    return;
  }
  if (tab?.windowId !== undefined) await browser.sidePanel.open({ windowId: tab.windowId });
}

/** Context-menu ids. */
export const MENU = { open: 'backstory-open', highlight: 'backstory-highlight' } as const;

/** (Re)creates the context-menu items; called on install and update. */
export function createMenus(): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: MENU.open, title: 'Open Backstory', contexts: ['page', 'selection', 'link'] });
    browser.contextMenus.create({ id: MENU.highlight, title: 'Highlight with Backstory', contexts: ['selection'] });
  });
}
