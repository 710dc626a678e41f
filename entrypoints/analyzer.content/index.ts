import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { send } from '../../components/platform/messaging';
import { toContent } from '../../utils/messaging/protocol';
import { createListener } from '../../utils/messaging/router';
import { createAnalysisSession } from '../../utils/page/analysisSession';
import type { PageEnv } from '../../utils/page/env';
import { createFlash } from '../../utils/page/flash';
import { createMentions } from '../../utils/page/mentions';
import { createPaintedHighlights } from '../../utils/page/paintedHighlights';
import { shieldFromStopEvents } from '../../components/platform/shieldContentScript';
import { startMentionPreview } from './mentionPreview';
import { startNoteFrame } from './noteFrame';
import { startSelectionToolbar } from './selectionToolbar';

declare global {
  // A flag in the content script's isolated world, not the page's.
  var __backstoryAnalyzer: boolean | undefined;
}

/**
 * The analyser: injected by the background (scripting.executeScript) only on tabs where the reader opens Backstory
 * or has saved something, so news pages pay for Readability and the entity finder only when they are used.
 * This file only wires the page features together; each lives in its own module and ends with `ctx.signal`.
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

    const env: PageEnv = { doc: document, win: window, signal: ctx.signal };
    const current = () => session.current();
    const highlights = createPaintedHighlights(env, { send, current });
    const mentions = createMentions(env, { send, current });
    const flash = createFlash(env);
    // Click listeners run in this order: a click on a highlight opens its note before the preview sees it.
    const note = startNoteFrame(env, { send, highlights, isOtherUi: (event) => toolbar.contains(event) });
    const toolbar = startSelectionToolbar(env, {
      send,
      current,
      highlights,
      openNote: (id) => note.open(id),
      isOtherUi: (event) => note.contains(event),
    });
    startMentionPreview(env, { send, current, mentions, isOnHighlight: (x, y) => highlights.idsAt(x, y).length > 0 });
    const session = createAnalysisSession(env, {
      send,
      onAdopt: () => {
        // Saved highlights are placed again on every analysis: the text may have changed since they were made.
        void highlights.refresh().catch((error: unknown) => console.warn('[backstory] highlights not painted', error));
        void mentions.refresh();
      },
    });

    const listener = createListener(
      toContent,
      {
        'content/analyze': ({ force }) => session.analyze(force),
        'content/reveal': ({ start, end }) => {
          const range = session.current()?.index.toRange(start, end);
          return { revealed: range ? flash.flash(range) : false };
        },
        'content/revealHighlight': ({ id }) => {
          const range = highlights.rangeOf(id);
          return { revealed: range ? flash.flash(range) : false };
        },
        'content/mentions': ({ visible }) => ({ painted: mentions.paint(visible) }),
        'content/highlightsChanged': async () => {
          const painted = await highlights.refresh();
          note.closeIfGone();
          return { painted };
        },
        'content/highlightSelection': ({ color, reattachId }) => toolbar.highlightSelection({ color, reattachId }),
        'content/closeNote': () => ({ closed: note.close() }),
      },
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') },
    );
    browser.runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(listener));
  },
});
