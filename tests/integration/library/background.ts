import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import type { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { createListener, type SenderInfo } from '../../../utils/messaging/router';

const knowledge: KnowledgeService = {
  lookup: async () => ({}),
  choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
};

/**
 * Answers the library page's messages with the real background handlers over `db`, as the library page's sender
 * (fakeBrowser sends with an empty sender, which the router rightly refuses). Returns the article URLs the
 * background told the tabs about, in order, so a test can see that a write reached the open tabs.
 */
export function serveBackground(db: BackstoryDB): { notified: string[] } {
  fakeBrowser.runtime.onMessage.removeAllListeners();
  const notified: string[] = [];
  const origin = `chrome-extension://${fakeBrowser.runtime.id}`;
  const page: SenderInfo = { id: fakeBrowser.runtime.id, url: `${origin}/library.html` };
  const listener = createListener(toBackground, createHandlers({ db, knowledge, onHighlightsChanged: (url) => notified.push(url) }), {
    extensionId: fakeBrowser.runtime.id,
    extensionOrigin: origin,
  });
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => listener(message, page, sendResponse));
  return { notified };
}
