import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../scripts/lib/launch';
import { type StaticServer, startStaticServer } from '../../scripts/lib/staticServer';
import { PAGES_DIR, setup, teardown } from './support/fixture';
import { clickInPage, noteFrame } from './support/inPageChromium';
import { clickPainted, painted, selectText } from './support/page';
import { resolve } from 'node:path';

/*
 * Issue 17's "Done when", in Chromium with the built extension: the reader's own copy of an article outlives the
 * page, shows their highlights and notes, takes new ones that the live page paints, and says what changed.
 */

const SEED = readFileSync(resolve(PAGES_DIR, 'seed/index.html'), 'utf8');
const QUOTE = 'The scene was practically cartoonish';
const NOTE = 'Mickey Mouse diplomacy';
const NEW_QUOTE = 'stood in comical contrast';

describe('the reader view of a saved copy', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let port: number;
  let reader: Page;

  beforeAll(async () => {
    ({ server, browser } = await setup());
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await teardown({ server, browser });
  });

  it('keeps a copy with the first highlight, and shows it with the highlight and note once the page is gone', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const tabId = await browser.tabIdOf(page);
    const panel = await browser.openPanel(tabId);
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    await selectText(page, QUOTE);
    await clickInPage(browser, page, 'Highlight green');
    await expect.poll(() => painted(page, 'backstory-green'), { timeout: 10_000 }).toEqual([QUOTE]);
    await clickPainted(page, 'backstory-green');
    await (await noteFrame(page)).getByRole('textbox', { name: /note/i }).fill(NOTE);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.hl-panel').textContent(), { timeout: 10_000 }).toContain(NOTE);
    // The copy was kept: the panel offers the reader view.
    await panel.getByRole('link', { name: 'Open in reader view' }).waitFor({ timeout: 10_000 });

    // The page server stops: the live page is gone, and the panel offers the copy by itself.
    await server.close();
    await page.reload().catch(() => undefined);
    await expect.poll(() => panel.locator('.copy-offer').textContent().catch(() => ''), { timeout: 20_000 }).toContain('Read your copy');

    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    const opened = browser.context.waitForEvent('page');
    await library.getByRole('link', { name: /Read your copy of/ }).click();
    reader = await opened;
    await reader.waitForLoadState();
    expect(new URL(reader.url()).pathname).toBe('/reader.html');
    await reader.locator('.reader-body p').first().waitFor({ timeout: 20_000 });
    expect(await reader.locator('.reader-body').textContent()).toContain('When North Korean leader Kim Jong-un stepped out');
    // The highlight is painted in the copy with the Custom Highlight API, and its note is beside it.
    await expect.poll(() => painted(reader, 'backstory-green'), { timeout: 10_000 }).toEqual([QUOTE]);
    await expect.poll(() => reader.locator('.reader-side .hl-panel').textContent(), { timeout: 10_000 }).toContain(NOTE);
    // Hostile-safe: no script element came with the copy, and images stay unloaded by default.
    expect(await reader.locator('.reader-body script, .reader-body iframe, .reader-body form').count()).toBe(0);
    expect(await reader.locator('.reader-body img').count()).toBe(0);
    // Clean typography on the reader's terms: dark theme, larger text, wider column, kept for the next copy opened.
    const body = reader.locator('.reader-body');
    const before = await body.evaluate((el) => ({ size: parseFloat(getComputedStyle(el).fontSize), width: el.getBoundingClientRect().width }));
    await reader.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await reader.getByRole('button', { name: 'Larger text' }).click();
    await reader.getByRole('combobox', { name: 'Width' }).selectOption('wide');
    await expect
      .poll(() => reader.locator('.reader').evaluate((el) => getComputedStyle(el).backgroundColor))
      .toBe('rgb(23, 23, 26)');
    await expect.poll(() => body.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(before.size + 1);
    expect(await body.evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(before.width);
    await library.close();
    await panel.close();
    await page.close();
  });

  it('saves a highlight made in the copy exactly like a live one: the live page paints it when it is back', async () => {
    await selectText(reader, NEW_QUOTE);
    await reader.getByRole('button', { name: 'Highlight blue' }).click();
    await expect.poll(() => painted(reader, 'backstory-blue'), { timeout: 10_000 }).toEqual([NEW_QUOTE]);

    server = await startStaticServer(PAGES_DIR, port);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    // Nobody opens the panel: the page has saved highlights, so Backstory paints both on its own.
    await expect.poll(() => painted(page, 'backstory-blue'), { timeout: 20_000 }).toEqual([NEW_QUOTE]);
    expect(await painted(page, 'backstory-green')).toEqual([QUOTE]);
    await page.close();
  });

  it('says the article changed since, with the word diff, and shows the orphaned highlight in the copy', async () => {
    // One paragraph reworded, the highlighted one removed.
    const edited = SEED.replace('Of course, the artillery and weapons that Putin evidently wants', 'Of course, the shells and missiles that Putin reportedly wants').replace(
      /<p>MOSCOW:[\s\S]*?<\/p>/,
      '',
    );
    expect(edited).not.toBe(SEED);
    server.override('/seed/', edited);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });

    const changes = panel.locator('.changed-since');
    await expect.poll(() => changes.textContent().catch(() => ''), { timeout: 20_000 }).toContain('This article was changed since you highlighted it');
    // The removed paragraph holds the reader's highlights: it is listed first.
    expect(await changes.locator('.changed-item').first().getAttribute('class')).toContain('changed-removed');
    expect(await changes.locator('.changed-item').first().textContent()).toContain('has your highlight');
    expect(await changes.locator('del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('artillery')]));
    expect(await changes.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('missiles')]));

    // Both highlights are orphans on the live page, and each shows its passage in the saved copy with its context.
    const orphans = panel.locator('.hl-orphans');
    await expect.poll(() => orphans.textContent().catch(() => ''), { timeout: 20_000 }).toContain(NEW_QUOTE);
    const orphan = orphans.locator('li.hl-orphan').filter({ has: panel.locator('.hl-orphan-quote', { hasText: NEW_QUOTE }) });
    const inCopy = orphan.locator('.hl-in-copy');
    expect(await inCopy.locator('mark').textContent()).toBe(NEW_QUOTE);
    expect(await inCopy.textContent()).toContain('…');
    expect(await inCopy.getByRole('link', { name: 'Show in your copy' }).getAttribute('href')).toMatch(/^\/reader\.html\?article=[0-9a-f-]{36}#highlight=[0-9a-f-]{36}$/);
    expect(await painted(page, 'backstory-blue')).toEqual([]);

    // Re-attach on the live page: select the passage's new place and re-attach the orphan to it.
    await selectText(page, 'the shells and missiles');
    await orphan.getByRole('button', { name: /Re-attach to selection/ }).click();
    await expect.poll(() => painted(page, 'backstory-blue'), { timeout: 10_000 }).toEqual(['the shells and missiles']);
    await panel.close();
    await page.close();
  });
});
