import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionBrowser } from '../../scripts/lib/launch';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { newProfileDir, sendFromPage, setup, teardown } from './support/fixture';

const SEED_TITLE = 'Axis of outcasts: Putin and Kim’s cartoon summit';

describe('the extension in Chromium', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let profile: string;

  beforeAll(async () => {
    profile = await newProfileDir();
    ({ server, browser } = await setup({ userDataDir: profile }));
  });
  afterAll(async () => {
    await teardown({ server, browser });
    await rm(profile, { recursive: true, force: true });
  });

  it('runs the small content script on every page, which says hello to the background', async () => {
    // Record the hellos the background receives, from inside the service worker.
    await browser.worker.evaluate(() => {
      const log: string[] = [];
      (globalThis as unknown as { helloLog: string[] }).helloLog = log;
      (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string; payload?: { url?: string } }) => void): void } } } }).chrome.runtime.onMessage.addListener(
        (m) => {
          if (m?.type === 'page/hello' && m.payload?.url) log.push(m.payload.url);
        },
      );
    });
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    await expect
      .poll(() => browser.worker.evaluate(() => (globalThis as unknown as { helloLog: string[] }).helloLog), { timeout: 10_000 })
      .toContain(`${server.url}/seed/`);
    await page.close();
  });

  it("shows the seed article's title and byline in the side panel", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await expect.poll(() => panel.locator('h1.article-title').textContent(), { timeout: 20_000 }).toBe(SEED_TITLE);
    expect((await panel.locator('.article-byline').textContent())?.toLowerCase()).toContain('nina l. khrushcheva');
    await panel.close();
    await page.close();
  });

  it('shows the not-an-article state on a section front', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/section-front/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await expect
      .poll(() => panel.locator('.status-title').textContent(), { timeout: 20_000 })
      .toBe("This page doesn't look like an article");
    await expect.poll(() => panel.getByRole('button', { name: 'Try anyway' }).count()).toBe(1);
    await panel.close();
    await page.close();
  });

  it('answers a malformed message with a typed error instead of crashing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    const reply = (await sendFromPage(panel, 'highlight/create', { article: 'nope' })) as { ok: boolean; error?: { code: string } };
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('invalid-message');
    // The background is still alive and answering.
    const list = (await sendFromPage(panel, 'highlights/list', { url: 'https://example.invalid/a' })) as { ok: boolean };
    expect(list.ok).toBe(true);
    await panel.close();
    await page.close();
  });

  it('keeps a record written through the background across a browser restart', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    const url = `${server.url}/seed/`;
    const created = (await sendFromPage(panel, 'highlight/create', {
      article: { url, pageUrl: url, title: SEED_TITLE, byline: 'Nina L. Khrushcheva', authors: ['Nina L. Khrushcheva'], siteName: null, lang: 'en', publishedTime: null, excerpt: null },
      quote: { type: 'TextQuoteSelector', exact: 'railway station', prefix: 'armored train at a ', suffix: ' in the eastern' },
      position: { type: 'TextPositionSelector', start: 100, end: 115 },
      color: 'yellow',
      note: 'survives a restart',
    })) as { ok: boolean; data: { id: string } };
    expect(created.ok).toBe(true);

    await browser.close({ keepProfile: true });
    browser = await launchExtension({ userDataDir: profile });
    const again = await browser.context.newPage();
    await again.goto(`${server.url}/seed/`);
    const panel2 = await browser.openPanel(await browser.tabIdOf(again));
    const listed = (await sendFromPage(panel2, 'highlights/list', { url })) as { ok: boolean; data: Array<{ id: string; note: string }> };
    expect(listed.ok).toBe(true);
    expect(listed.data.map((h) => [h.id, h.note])).toEqual([[created.data.id, 'survives a restart']]);
  });
});
