import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/launch';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { setup, teardown } from './support/fixture';
import { clickInPage, noteFrame } from './support/inPageChromium';
import { clickPainted, painted, selectText } from './support/page';

const QUOTE = 'a slap in the face for Chinese President Xi Jinping';
const NOTE = 'Beijing will not forget this snub';

describe('the library in Chromium', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await setup());
  });
  afterAll(() => teardown({ server, browser }));

  it('finds a highlight by its note and by an entity, exports, deletes everything, imports, and shows it all again', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    await selectText(page, QUOTE);
    await clickInPage(browser, page, 'Highlight pink');
    await expect.poll(() => painted(page, 'backstory-pink'), { timeout: 10_000 }).toEqual([QUOTE]);
    await clickPainted(page, 'backstory-pink');
    await (await noteFrame(page)).getByRole('textbox', { name: /note/i }).fill(NOTE);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.locator('.hl-panel').textContent(), { timeout: 10_000 }).toContain(NOTE);

    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/library.html`);
    const search = library.getByLabel('Search titles, highlights, notes and tags');
    await search.fill('snub');
    const results = library.getByRole('list', { name: 'Saved articles' });
    await expect.poll(() => results.textContent(), { timeout: 20_000 }).toContain('Axis of outcasts');
    await expect.poll(() => results.locator('mark').allTextContents()).toContain('snub');

    // By entity: every article that mentions Kim Jong Un.
    await search.fill('');
    const mentions = library.getByLabel('Mentions');
    await mentions.fill('Kim Jong Un');
    await mentions.press('Tab');
    // "1 article matches" (not "1 saved article"): the filter is applied and the page has re-rendered.
    await expect.poll(() => library.locator('.count').textContent()).toBe('1 article matches');
    await expect.poll(() => mentions.inputValue()).toBe('Kim Jong-un');
    await mentions.fill('Donald Trump');
    await mentions.press('Tab');
    await expect.poll(() => library.locator('.count').textContent()).toBe('0 articles match');
    await library.getByRole('button', { name: 'Clear filters' }).click();

    // Export Markdown and the JSON backup.
    const [markdown] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'Markdown (one file)' }).click()]);
    const md = await readFile((await markdown.path())!, 'utf8');
    expect(md).toContain('title: "Axis of outcasts');
    expect(md).toContain(QUOTE);
    expect(md).toContain(NOTE);
    const [backup] = await Promise.all([library.waitForEvent('download'), library.getByRole('button', { name: 'JSON backup' }).click()]);
    const backupPath = (await backup.path())!;
    const json = JSON.parse(await readFile(backupPath, 'utf8')) as { format: string; highlights: Array<{ note: string }> };
    expect(json.format).toBe('backstory-backup');
    expect(json.highlights.map((h) => h.note)).toEqual([NOTE]);

    // Delete everything (behind a confirmation): the page loses its highlight.
    await library.getByRole('button', { name: 'Delete everything…' }).click();
    await library.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
    await expect.poll(() => library.locator('.count').textContent(), { timeout: 10_000 }).toMatch(/^0 saved/);
    // …at once, without a reload: the library deletes through the background, which tells the tab (#19).
    await expect.poll(() => painted(page, 'backstory-pink'), { timeout: 10_000 }).toEqual([]);
    await page.reload();
    await panel.reload();
    await panel.locator('h1.article-title').waitFor({ timeout: 20_000 });
    expect(await painted(page, 'backstory-pink')).toEqual([]);

    // Import the backup: preview, confirm, and everything is back on the page.
    await library.getByLabel('Import a Backstory backup or W3C annotations (JSON)').setInputFiles(backupPath);
    const preview = library.getByRole('dialog');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/1/);
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => library.locator('.count').textContent(), { timeout: 10_000 }).toMatch(/^1 saved/);
    // The library announces the import it wrote (library/changed): the open page repaints without a reload.
    await expect.poll(() => painted(page, 'backstory-pink'), { timeout: 20_000 }).toEqual([QUOTE]);
    await page.reload();
    await expect.poll(() => painted(page, 'backstory-pink'), { timeout: 20_000 }).toEqual([QUOTE]);
    await panel.reload();
    await expect.poll(() => panel.locator('.hl-panel').textContent(), { timeout: 20_000 }).toContain(NOTE);

    // Deleting the article in the library unpaints the open page (#19: its highlight stayed painted until a reload).
    await library.getByRole('button', { name: /Delete “Axis of outcasts.*” with its highlights and notes/ }).click();
    await expect.poll(() => painted(page, 'backstory-pink'), { timeout: 10_000 }).toEqual([]);
  });
});
