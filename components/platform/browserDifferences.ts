import { browser } from 'wxt/browser';

/*
 * The one place where Backstory's code differs between Chromium and Firefox at run time (the manifest's differences
 * live in wxt.config.ts). Each difference is one function here, and docs/decisions/007-browser-differences.md lists
 * them all with what the end-to-end tiers found; components and handlers call these instead of testing the browser.
 *
 * `import.meta.env.BROWSER` is replaced at build time, so each build carries only its own branch.
 */

/**
 * True in the Firefox build. A function, not a module-level constant: outside a WXT build (the Node benches that
 * render the panel's components) `import.meta.env` does not exist, and only the functions that differ read it.
 */
const firefox = (): boolean => import.meta.env.BROWSER === 'firefox';

/** Firefox's sidebar API, which Chrome's typings do not describe. */
interface SidebarAction {
  open(): Promise<void>;
}

/**
 * Opens Backstory's panel: Chrome's side panel for the tab's window, Firefox's sidebar (sidebar_action).
 * Must be called straight from a user gesture (toolbar, shortcut, context menu), so nothing is awaited first.
 */
export async function openPanel(tab: { id?: number; windowId?: number } | undefined): Promise<void> {
  if (firefox()) {
    const sidebar = (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
    await sidebar?.open();
    return;
  }
  if (tab?.windowId !== undefined) await browser.sidePanel.open({ windowId: tab.windowId });
}

/**
 * Makes the toolbar button open the panel. Chrome opens the side panel itself when told to; Firefox's button
 * (browser_action in MV2) reports a click, on which the background opens the sidebar.
 */
export function openPanelFromToolbarButton(): void {
  if (firefox()) {
    browser.browserAction.onClicked.addListener(() => void openPanel(undefined));
    return;
  }
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
}

/**
 * Whether this extension page sees the same IndexedDB as the background, and may read Dexie itself.
 *
 * Not in a private window: Firefox gives an extension page there a private-browsing database of its own (empty, and
 * refusing writes: "A mutation operation was attempted on a database that did not allow mutations"), so the sidebar
 * of a private window reads the reader's data through the background instead. Chromium's incognito pages of a
 * split-mode extension are apart in the same way; Backstory is "spanning" (the default), where Chromium reports
 * inIncognitoContext false for its pages and they share the one database. The rule below is right in both.
 */
export function pageSharesDatabase(): boolean {
  return !(browser.extension?.inIncognitoContext ?? false);
}

/**
 * Keeps storage.local (the reader's settings: look-up endpoints, look-ups on/off) out of content scripts' reach, so
 * a page's renderer cannot repoint the look-ups or switch them on (issue #13). Chromium can (setAccessLevel,
 * TRUSTED_CONTEXTS); Firefox has no access levels for storage.local, where the background's endpoint check
 * (usableEndpoints: https, or http on loopback) is what holds. Returns whether the restriction is in force.
 */
export async function restrictSettingsToExtension(): Promise<boolean> {
  if (firefox()) return false;
  const local = browser.storage.local as unknown as { setAccessLevel?(o: { accessLevel: string }): Promise<void> };
  if (typeof local.setAccessLevel !== 'function') return false;
  await local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  return true;
}
