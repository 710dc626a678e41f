import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/launch';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { PAGES_DIR, setup, teardown } from './support/fixture';

/** The English real pages (Readability's test pages), with the metadata Readability expects of them. */
const ENGLISH = ['bbc-1', 'breitbart', 'cnn', 'guardian-1', 'herald-sun-1', 'nytimes-1', 'nytimes-2', 'salon-1', 'seattletimes-1', 'telegraph', 'wapo-1', 'yahoo-1'];

const normalise = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the article header on real news pages', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    ({ server, browser } = await setup());
  });
  afterAll(() => teardown({ server, browser }));

  it.each(ENGLISH)('shows the title and byline of %s', async (name) => {
    const expected = JSON.parse(readFileSync(resolve(PAGES_DIR, name, 'expected-metadata.json'), 'utf8')) as { title: string; byline?: string | null };
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/${name}/source.html`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    // The header drops a trailing site name ("… - Breitbart"), which Readability's expected title keeps.
    const titles = [normalise(expected.title), normalise(expected.title.replace(/\s+[-|–—]\s+[^-|–—]+$/, ''))];
    await panel.locator('h1.article-title').waitFor({ timeout: 30_000 });
    expect(titles).toContain(normalise(await panel.locator('h1.article-title').textContent()));
    const header = normalise(await panel.locator('.article-header').textContent()).toLowerCase();
    // seattletimes-1's expected "byline" is its dateline (Readability's own quirk): the author is shown instead.
    if (expected.byline && name !== 'seattletimes-1') {
      const surname = expected.byline.replace(/^by\s+/i, '').replace(/\d.*$/, '').split(/[,|]| and /)[0]!.trim().split(/\s+/).pop()!.toLowerCase();
      expect(header).toContain(surname);
    }
    expect(header).toMatch(/min read/);
    await panel.close();
    await page.close();
  });
});
