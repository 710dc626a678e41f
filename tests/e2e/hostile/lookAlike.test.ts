import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../../scripts/lib/launch';
import type { StaticServer } from '../../../scripts/lib/staticServer';
import { PAGES_DIR, sendFromPage, setup, teardown } from '../support/fixture';
import { painted } from '../support/page';

/*
 * Issue #13, end to end in Chromium: Mallory's page on a look-alike subdomain names Alice's article as its canonical
 * and runs a hostile script. It must get none of Alice's highlights or notes, learn nothing from a WXT postMessage,
 * and a message forged from its own content-script world for Alice's record must be refused.
 */

const SEED = readFileSync(resolve(PAGES_DIR, 'seed/index.html'), 'utf8');
const ALICE = 'http://alice.github.io/p/axis-of-outcasts';
const MALLORY = 'http://mallory.github.io/p/axis-of-outcasts';
const SECRET = 'meet the source at six';
const QUOTE = 'The scene was practically cartoonish';

/** The page script Mallory ships: records every message event, and what it can read of Backstory's paint. */
const HOSTILE_SCRIPT = `<script>
  window.__seen = [];
  window.addEventListener('message', (e) => window.__seen.push(JSON.stringify(e.data)), true);
</script>`;

declare const chrome: {
  scripting: { executeScript(o: { target: { tabId: number }; func: (...a: never[]) => unknown; args?: unknown[] }): Promise<Array<{ result: unknown }>> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

describe('a look-alike subdomain gets nothing', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await setup());
    const mallory = SEED.replace(/<link rel="canonical"[^>]*>/, `<link rel="canonical" href="${ALICE}">`).replace('<head>', `<head>${HOSTILE_SCRIPT}`);
    // Registered after the launch's "local only" route, so these win: no DNS, no network.
    await browser.context.route('http://alice.github.io/**', (route) => route.fulfill({ body: SEED, contentType: 'text/html; charset=utf-8' }));
    await browser.context.route('http://mallory.github.io/**', (route) => route.fulfill({ body: mallory, contentType: 'text/html; charset=utf-8' }));
  });
  afterAll(() => teardown({ server, browser }));

  it('paints and lists nothing of Alice’s, tells the page nothing, and refuses a forged content-script message', async () => {
    // Alice's page: a highlight with a note, saved under her article's key.
    const alice = await browser.context.newPage();
    await alice.goto(ALICE);
    const alicePanel = await browser.openPanel(await browser.tabIdOf(alice));
    await alicePanel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    const created = (await sendFromPage(alicePanel, 'highlight/create', {
      article: { url: ALICE, pageUrl: ALICE, title: 'Axis of outcasts', byline: null, authors: [], siteName: null, lang: 'en', publishedTime: null, excerpt: null },
      quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: QUOTE.length },
      color: 'green',
      note: SECRET,
    })) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);
    await expect.poll(() => painted(alice, 'backstory-green'), { timeout: 20_000 }).toEqual([QUOTE]);

    // Mallory's page, with Alice's article as its canonical: nothing is painted on its own, nor after the reader
    // opens Backstory there, and the panel lists nothing of Alice's.
    const mallory = await browser.context.newPage();
    await mallory.goto(MALLORY);
    await mallory.waitForTimeout(1500);
    expect(await painted(mallory, 'backstory-green')).toEqual([]);
    const malloryTab = await browser.tabIdOf(mallory);
    const panel = await browser.openPanel(malloryTab);
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    await mallory.waitForTimeout(1000);
    expect(await painted(mallory, 'backstory-green')).toEqual([]);
    const listed = (await panel.locator('.hl-panel').textContent()) ?? '';
    expect(listed).not.toContain(SECRET);
    expect(listed).not.toContain(QUOTE.slice(0, 20));

    // Messages forged from Mallory's own content-script world for Alice's records are refused.
    const forged = await browser.worker.evaluate(
      async ([tabId, url, id]) => {
        const [list] = await chrome.scripting.executeScript({
          target: { tabId },
          func: (u: never) => chrome.runtime.sendMessage({ type: 'highlights/list', payload: { url: u } }),
          args: [url],
        });
        const [remove] = await chrome.scripting.executeScript({
          target: { tabId },
          func: (i: never) => chrome.runtime.sendMessage({ type: 'highlight/delete', payload: { id: i } }),
          args: [id],
        });
        return { list: list!.result, remove: remove!.result };
      },
      [malloryTab, ALICE, created.data.id] as const,
    );
    expect(forged.list).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(forged.remove).toEqual({ ok: true, data: { deleted: null } });
    const still = (await sendFromPage(alicePanel, 'highlights/list', { url: ALICE })) as { data: Array<{ note: string }> };
    expect(still.data.map((h) => h.note)).toEqual([SECRET]);

    // The page never heard from WXT (finding 8): no "content-script-started" postMessage naming the extension.
    const seen = await mallory.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((m) => m.includes('content-script-started') || m.includes(browser.extensionId))).toEqual([]);
  });
});
