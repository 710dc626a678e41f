import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../components/platform/messaging';
import { shieldFromStopEvents } from '../components/platform/shieldContentScript';

/**
 * The content script on every page. It must cost almost nothing: no DOM scan and no big library. It only tells the
 * background which page this is (one selector read for the canonical link), so that a page with saved highlights
 * gets the analyser injected and its highlights painted again. Everything else is in the on-demand analyser.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's "content script started" postMessage would tell every page that Backstory is installed (issue #13).
  noScriptStartedPostMessage: true,
  main() {
    // This script does its work at once, but a page must not be able to end it either (issue #13).
    shieldFromStopEvents(window);
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? null;
    // The typed client imports the protocol's types only, so the messaging schemas stay out of this bundle.
    void send('page/hello', { url: location.href, canonical }).catch(() => undefined);
  },
});
