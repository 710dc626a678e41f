import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionBrowser } from '../../scripts/lib/launchFirefox';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { painted, selectText } from '../e2e/support/page';
import { type FakeWiki, startFakeWiki } from '../../scripts/lib/fakeWiki';
import { clickButton, clickInPageFirefox, clickIn, drive, setupFirefox, teardownFirefox, textOf } from './support/firefox';

const QUOTE = 'The scene was practically cartoonish';
const NOTE = 'Saved on purpose, from a private window';

/** How many records each table of Backstory's database holds, read in the extension's own (normal) origin. */
function counts(firefox: FirefoxExtensionBrowser): Promise<Record<string, number>> {
  return firefox.inExtension(
    (_: undefined) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('backstory');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    undefined,
  );
}

/** The card description under an entity row of the panel, once its background has arrived. */
function description(panel: Page, name: string): Promise<string | null> {
  return panel.evaluate(
    (n) => [...document.querySelectorAll('.entity')].find((e) => e.querySelector('.entity-name')?.textContent === n)?.querySelector('.card-description')?.textContent ?? null,
    name,
  );
}

describe('a private window in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki();
    ({ server, firefox } = await setupFirefox({ wiki: wiki.endpoints }));
    await firefox.allowInPrivateWindows();
  });
  afterAll(async () => {
    await teardownFirefox({ server, firefox });
    await wiki?.close();
  });

  it('keeps nothing for an article read there, says so, and keeps what the reader saves explicitly', async () => {
    const page = await firefox.openPrivateWindow(`${server.url}/seed/`);
    const tabId = await firefox.tabIdOf(page);
    const panel = await firefox.openPanel(tabId, { inTabsWindow: true });
    expect(await panel.evaluate(() => (globalThis as unknown as { browser: { extension: { inIncognitoContext: boolean } } }).browser.extension.inIncognitoContext)).toBe(true);
    await expect.poll(() => textOf(panel, '.private-notice'), { timeout: 20_000 }).toMatch(/Private window.*keeps nothing/s);

    // Read: the article, its people and their background (fetched from the local Wikipedia)…
    await clickIn(panel, '.entity', 'Vladimir Putin', '.entity-toggle');
    // (Failed now and then in full runs, never alone: the row's text says what the card showed instead.)
    await expect
      .poll(() => description(panel, 'Vladimir Putin'), { timeout: 20_000 })
      .toMatch(/President of Russia/)
      .catch(async (error: unknown) => {
        const row = await panel.evaluate(() => [...document.querySelectorAll('.entity')].find((e) => e.textContent?.includes('Vladimir Putin'))?.textContent ?? '(no row)');
        throw new Error(`${error instanceof Error ? error.message : String(error)}; the row shows: ${row}`);
      });
    expect(wiki.apiRequests().length).toBeGreaterThan(0);
    // …and nothing written: no article, no look-up cache.
    expect(await counts(firefox)).toMatchObject({ articles: 0, highlights: 0, notes: 0, knowledge: 0, linkChoices: 0 });

    // Saved on purpose: the highlight and its note are kept, and the private window's panel shows them.
    await selectText(drive(page), QUOTE);
    await clickInPageFirefox(firefox, page, 'Highlight green');
    await expect.poll(() => painted(drive(page), 'backstory-green'), { timeout: 10_000 }).toEqual([QUOTE]);
    await expect.poll(() => textOf(panel, '.hl-list'), { timeout: 10_000 }).toContain(QUOTE);
    await clickButton(panel, /^Add note on/);
    await panel.keyboard.type(NOTE);
    await panel.keyboard.press('Escape');
    await expect.poll(() => counts(firefox).then((c) => [c.articles, c.highlights])).toEqual([1, 1]);
    await firefox.reloadExtensionPage(panel);
    await expect.poll(() => textOf(panel, '.hl-list'), { timeout: 20_000 }).toContain(NOTE);
    expect((await counts(firefox)).knowledge).toBe(0);

    // The library opened from the private window says where to find it instead of showing an empty one.
    const library = await firefox.openExtensionPageBeside(tabId, '/library.html');
    await expect.poll(() => textOf(library, 'h1')).toBe('Your library opens in a normal window');

    // The same article in a normal window caches what it looks up: the counts above could have been otherwise.
    // (Another query string, so the two tabs are told apart by URL; the article's canonical URL is the same.)
    const normal = await firefox.newPage();
    await normal.goto(`${server.url}/seed/?window=normal`);
    const normalPanel = await firefox.openPanel(await firefox.tabIdOf(normal));
    expect(await firefox.inExtension(async (id: number) => (await (globalThis as unknown as { browser: { tabs: { get(id: number): Promise<{ incognito: boolean }> } } }).browser.tabs.get(id)).incognito, await firefox.tabIdOf(normal))).toBe(false);
    await expect.poll(() => counts(firefox).then((c) => c.knowledge), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await textOf(normalPanel, '.private-notice')).toBeNull();
  });
});
