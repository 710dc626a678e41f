import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../../scripts/lib/launch';
import type { StaticServer } from '../../../scripts/lib/staticServer';
import { setup, teardown } from '../support/fixture';

/*
 * Issue #13, finding 3: storage.local was writable from content scripts, so a page's renderer could repoint the
 * Wikipedia/Wikidata endpoints at its own server (or switch look-ups on). Settings are now for extension pages
 * only: a content script cannot read or write them, and the reader's settings stay as they were.
 */

declare const chrome: {
  scripting: { executeScript(o: { target: { tabId: number }; func: () => unknown }): Promise<Array<{ result: unknown }>> };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

describe('settings are out of a page’s reach', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    ({ server, browser } = await setup());
  });
  afterAll(() => teardown({ server, browser }));

  it('refuses a content script’s write to the endpoints and the look-ups switch', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const tabId = await browser.tabIdOf(page);
    const before = await browser.worker.evaluate(() => chrome.storage.local.get(null as unknown as string));
    const attempt = await browser.worker.evaluate(async (id) => {
      const [first] = await chrome.scripting.executeScript({
        target: { tabId: id },
        // The content-script world, as a compromised renderer has it.
        func: async () => {
          const api = (globalThis as unknown as { chrome: { storage?: { local?: { set(v: object): Promise<void> } } } }).chrome;
          try {
            await api.storage!.local!.set({ endpoints: { wikipedia: 'https://evil.example/{lang}', wikidata: 'https://evil.example' }, lookupsEnabled: true });
            return 'written';
          } catch (error) {
            return `refused: ${String(error)}`;
          }
        },
      });
      return first?.result;
    }, tabId);
    expect(String(attempt)).toMatch(/^refused/);
    expect(await browser.worker.evaluate(() => chrome.storage.local.get(null as unknown as string))).toEqual(before);
  });
});
