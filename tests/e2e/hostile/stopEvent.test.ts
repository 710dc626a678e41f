import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../../scripts/lib/launch';
import type { StaticServer } from '../../../scripts/lib/staticServer';
import { clickInPage, noteFrames } from '../support/inPageChromium';
import { sendFromPage, setup, teardown } from '../support/fixture';
import { clickPainted, painted, selectText } from '../support/page';

/*
 * Issue #13: a page could shut the analyser down. WXT stops an older copy of a content script when it sees a
 * "content-script-started" CustomEvent on document, named from the extension id and the entrypoint (both public).
 * The page dispatches exactly that event, for both content scripts; Backstory must keep painting and working.
 */

const QUOTE = 'The scene was practically cartoonish';

describe('a page cannot stop Backstory’s content scripts', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    ({ server, browser } = await setup());
  });
  afterAll(() => teardown({ server, browser }));

  it('keeps its highlights painted and its note opening after the page dispatches WXT’s stop event', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    await selectText(page, QUOTE);
    await clickInPage(browser, page, 'Highlight green');
    await expect.poll(() => painted(page, 'backstory-green'), { timeout: 10_000 }).toEqual([QUOTE]);

    // What a page script can do: it knows the (public) extension id and WXT's event names.
    await page.evaluate((id) => {
      for (const entrypoint of ['analyzer', 'content']) {
        for (const name of [`${id}:${entrypoint}:wxt:content-script-started`, 'wxt:content-script-started']) {
          document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: entrypoint, messageId: 'page-forged' } }));
        }
      }
    }, browser.extensionId);
    await page.waitForTimeout(500);

    // Still painted (an invalidated analyser clears its paint), and a click still opens the note.
    expect(await painted(page, 'backstory-green')).toEqual([QUOTE]);
    await clickPainted(page, 'backstory-green');
    await expect.poll(() => noteFrames(page), { timeout: 10_000 }).toBe(1);
    // And it still answers the panel.
    const tabId = await browser.tabIdOf(page);
    expect(await sendFromPage(panel, 'tab/open', { tabId })).toMatchObject({ ok: true, data: { status: 'ready' } });
  });
});
