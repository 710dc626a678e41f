import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { toContent } from '../../utils/messaging/protocol';
import { createListener } from '../../utils/messaging/router';
import { shieldFromStopEvents } from '../../components/platform/shieldContentScript';
import { PageSession } from './session';

declare global {
  // A flag in the content script's isolated world, not the page's.
  var __backstoryAnalyzer: boolean | undefined;
}

/**
 * The analyser: injected by the background (scripting.executeScript) only on tabs where the reader opens Backstory
 * or has saved something, so news pages pay for Readability and the entity finder only when they are used.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // No postMessage announcing us (and naming the event that stops a content script) to the page (issue #13).
  noScriptStartedPostMessage: true,
  main(ctx) {
    // executeScript may inject this file again into the same page: one session per page.
    if (globalThis.__backstoryAnalyzer) return;
    globalThis.__backstoryAnalyzer = true;
    // The page must not be able to stop us with WXT's own stop event (issue #13).
    ctx.onInvalidated(shieldFromStopEvents(window));
    ctx.onInvalidated(() => {
      globalThis.__backstoryAnalyzer = undefined;
    });

    const session = new PageSession(ctx);
    const listener = createListener(
      toContent,
      {
        'content/analyze': ({ force }) => session.analyze(force),
        'content/reveal': ({ start, end }) => ({ revealed: session.reveal(start, end) }),
        'content/revealHighlight': ({ id }) => ({ revealed: session.revealHighlight(id) }),
        'content/mentions': ({ visible }) => ({ painted: session.paintMentions(visible) }),
        'content/highlightsChanged': async () => ({ painted: await session.refreshHighlights() }),
        'content/highlightSelection': ({ color, reattachId }) => session.highlightSelection({ color, reattachId }),
        'content/closeNote': () => ({ closed: session.closeNote() }),
      },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') },
    );
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
