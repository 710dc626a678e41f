import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxExtensionBrowser } from '../../scripts/lib/launchFirefox';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { painted, selectText } from '../e2e/support/page';
import { clickButton, clickInPageFirefox, drive, setupFirefox, teardownFirefox, textOf } from './support/firefox';

const QUOTE = 'a slap in the face for Chinese President Xi Jinping';
const NOTE = 'Beijing will not forget this snub';

/** The one file in `dir` whose name ends with `suffix`, once the download has finished. */
async function downloaded(dir: string, suffix: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(() => {
      // While downloading, Firefox keeps an empty placeholder under the final name beside "<name>.part".
      const files = existsSync(dir) ? readdirSync(dir) : [];
      found = files.find((f) => f.endsWith(suffix));
      const done = found && !files.some((f) => f.endsWith('.part')) && statSync(join(dir, found)).size > 0;
      return done ? found : undefined;
    })
    .toBeDefined();
  return join(dir, found!);
}

describe('the library in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxExtensionBrowser;

  beforeAll(async () => {
    ({ server, firefox } = await setupFirefox());
  });
  afterAll(() => teardownFirefox({ server, firefox }));

  it('exports the JSON backup, deletes everything, imports the backup, and shows it all again', async () => {
    const page = await firefox.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await firefox.openPanel(await firefox.tabIdOf(page));
    await expect.poll(() => textOf(panel, 'h1.article-title'), { timeout: 20_000 }).not.toBeNull();
    await selectText(drive(page), QUOTE);
    await clickInPageFirefox(firefox, page, 'Highlight pink');
    await expect.poll(() => painted(drive(page), 'backstory-pink'), { timeout: 10_000 }).toEqual([QUOTE]);
    await clickButton(panel, /^Add note on/);
    await panel.keyboard.type(NOTE);
    await panel.keyboard.press('Escape');
    await expect.poll(() => textOf(panel, '.hl-list'), { timeout: 10_000 }).toContain(NOTE);

    const library = await firefox.openExtensionPage('/library.html');
    await expect.poll(() => textOf(library, '.count'), { timeout: 20_000 }).toMatch(/^1 saved/);

    // The JSON backup, downloaded as a reader's browser saves it.
    await clickButton(library, 'JSON backup');
    const backupPath = await downloaded(firefox.downloadsDir, '.json');
    const json = JSON.parse(await readFile(backupPath, 'utf8')) as { format: string; highlights: Array<{ note: string; quote: { exact: string } }> };
    expect(json.format).toBe('backstory-backup');
    expect(json.highlights.map((h) => [h.quote.exact, h.note])).toEqual([[QUOTE, NOTE]]);

    // Delete everything (behind a confirmation): the page loses its highlight.
    await clickButton(library, 'Delete everything…');
    await clickButton(library, 'Delete everything', '[role="dialog"]');
    await expect.poll(() => textOf(library, '.count'), { timeout: 10_000 }).toMatch(/^0 saved/);
    await page.reload();
    await firefox.reloadExtensionPage(panel);
    await expect.poll(() => textOf(panel, 'h1.article-title'), { timeout: 20_000 }).not.toBeNull();
    expect(await painted(drive(page), 'backstory-pink')).toEqual([]);
    expect(await textOf(panel, '.hl-list')).toBeNull();

    // Import the backup: preview, confirm, and everything is back on the page and in the panel.
    const input = (await library.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(backupPath);
    await expect.poll(() => textOf(library, '[role="dialog"]'), { timeout: 10_000 }).toMatch(/1/);
    await clickButton(library, 'Import', '[role="dialog"]');
    await expect.poll(() => textOf(library, '.count'), { timeout: 10_000 }).toMatch(/^1 saved/);
    await page.reload();
    await expect.poll(() => painted(drive(page), 'backstory-pink'), { timeout: 20_000 }).toEqual([QUOTE]);
    await firefox.reloadExtensionPage(panel);
    await expect.poll(() => textOf(panel, '.hl-list'), { timeout: 20_000 }).toContain(NOTE);
  });
});
