import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackstoryDB } from '../../utils/db/schema';
import { sendToTab } from '../../utils/messaging/client';
import { toBackground } from '../../utils/messaging/protocol';
import { createListener } from '../../utils/messaging/router';
import { injectAnalyzer, isWebUrl, openTab } from './analysis';
import { createHandlers } from './handlers';
import { createKnowledgeService } from './knowledge';
import { revokeNote } from './noteGrants';
import { openPanelFromToolbarButton, restrictSettingsToExtension } from '../../utils/platform/browserDifferences';
import { announceSavedChange } from '../../utils/privacy/privateWindows';
import { clearHistory } from '../../utils/history/recordRead';
import { copyLimits, historyEnabled, keepEveryArticle } from '../../utils/settings/items';
import { createMenus, MENU, openPanel } from './panel';
import { clearTabState, forgetAnchors, readyTabs, setTabState, tabsShowing } from './tabState';
import { underlineMentions } from '../../utils/settings/items';

export default defineBackground(() => {
  // The one place that opens the database: the extension's own origin.
  const db = new BackstoryDB();
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  // Settings (endpoints, look-ups on/off) are for extension pages to change, not pages' renderers (issue #13).
  void restrictSettingsToExtension().catch((error: unknown) => console.warn('[backstory] settings left open to content scripts', error));
  // Content scripts cannot watch the underline setting any more: they are told.
  underlineMentions.watch((visible) => {
    void readyTabs().then((tabIds) => {
      for (const tabId of tabIds) void sendToTab(tabId, 'content/mentions', { visible }).catch(() => undefined);
    });
  });

  /** A page with saved highlights: run the analyser so they are painted again. */
  const analyseSavedPage = (tabId: number): void => {
    void openTab(tabId, false).catch((error: unknown) => console.warn('[backstory] repaint failed', error));
  };

  /** The article's highlights changed (panel, another tab): every tab showing it repaints. */
  const notifyTabs = (url: string): void => {
    void announceSavedChange(url);
    void tabsShowing(url).then((tabIds) => {
      for (const tabId of tabIds) void sendToTab(tabId, 'content/highlightsChanged', { url }).catch(() => undefined);
    });
  };

  const handlers = createHandlers({
    db,
    knowledge: createKnowledgeService(db),
    onSavedPage: analyseSavedPage,
    onHighlightsChanged: notifyTabs,
    copyLimits: () => copyLimits.getValue(),
    keepEveryArticle: () => keepEveryArticle.getValue(),
    closeNote: (tabId) => void sendToTab(tabId, 'content/closeNote', {}).catch(() => undefined),
  });
  browser.runtime.onMessage.addListener(
    createListener(toBackground, handlers, { extensionId: browser.runtime.id, extensionOrigin }),
  );

  // Turning the reading history off clears it, wherever the setting was changed from.
  historyEnabled.watch((on) => {
    if (on === false) void clearHistory(db).catch((error: unknown) => console.warn('[backstory] history not cleared', error));
  });

  browser.runtime.onInstalled.addListener(() => createMenus());
  // The toolbar button opens the panel; the panel then asks for the active tab's analysis.
  openPanelFromToolbarButton();

  const highlightSelection = async (tabId: number): Promise<void> => {
    await injectAnalyzer(tabId);
    await sendToTab(tabId, 'content/highlightSelection', {});
  };

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU.open) void openPanel(tab);
    if (info.menuItemId === MENU.highlight && tab?.id !== undefined && isWebUrl(tab.url)) {
      void highlightSelection(tab.id).catch((error: unknown) => console.warn('[backstory] highlight failed', error));
    }
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-backstory') void openPanel(tab);
    if (command === 'highlight-selection' && tab?.id !== undefined && isWebUrl(tab.url)) {
      void highlightSelection(tab.id).catch((error: unknown) => console.warn('[backstory] highlight failed', error));
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void clearTabState(tabId);
    void revokeNote(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A full navigation replaces the page: its old analysis no longer applies. (SPA navigations are reported by
    // the analyser itself, which re-runs and sends a fresh analysis.)
    // (A page the extension has no access to, such as about:blank, reports no URL: the loading status still tells.)
    if (change.url || change.status === 'loading') {
      void forgetAnchors(tabId);
      void setTabState(tabId, { status: 'idle', url: change.url ?? tab.url ?? null });
    }
  });
});
