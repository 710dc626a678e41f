import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/launch';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { type FakeWiki, startFakeWiki } from '../../scripts/lib/fakeWiki';
import { ARTIFACTS_DIR, setup, teardown } from './support/fixture';
import { settleScroll } from './support/page';
import { probe } from './support/inPageChromium';
import { inPageQuery } from './support/inPageUi';
import { axeScan, seriousViolations } from './support/panel';

/** Wikimedia's image server is out of reach in tests: thumbnails get a local stand-in so the layout is as a reader sees it. */
const THUMBNAIL = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="320" viewBox="0 0 320 320"><rect width="320" height="320" fill="#c9cdd3"/><circle cx="160" cy="125" r="62" fill="#8d949e"/><path d="M50 320c10-80 60-115 110-115s100 35 110 115z" fill="#8d949e"/></svg>`;

async function standInThumbnails(browser: ExtensionBrowser): Promise<void> {
  await browser.context.route('https://upload.wikimedia.org/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: THUMBNAIL }));
}

describe('the side panel on the seed article', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki();
    ({ server, browser } = await setup({ wiki: wiki.endpoints }));
    await standInThumbnails(browser);
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });
  afterAll(async () => {
    await teardown({ server, browser });
    await wiki?.close();
  });

  it('lists the people and places with mention counts, shows background, and steps through mentions in the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));

    const people = panel.getByRole('region', { name: /People/ });
    const places = panel.getByRole('region', { name: /Places/ });
    await people.waitFor({ timeout: 20_000 });
    const names = async (region: typeof people) => region.locator('.entity-name').allTextContents();
    const peopleNames = await names(people);
    expect(peopleNames.slice(0, 3).sort()).toEqual(['Kim Jong-un', 'Vladimir Putin', 'Xi Jinping'].sort());
    expect(peopleNames).toContain('Nina L. Khrushcheva');
    expect(peopleNames).not.toContain('Mickey Mouse');
    const placeNames = await names(places);
    for (const place of ['Russia', 'North Korea', 'China', 'South Korea', 'Ukraine', 'Khasan', 'Pyongyang', 'Moscow', 'Vostochny Cosmodrome']) {
      expect(placeNames).toContain(place);
    }
    const putinRow = people.locator('.entity', { hasText: 'Vladimir Putin' });
    const putinCount = Number((await putinRow.locator('.entity-count').textContent())?.replace(/\D+/g, ''));
    expect(putinCount).toBeGreaterThanOrEqual(10);

    // Background: Putin's description (from the fake Wikipedia) and key facts (from the fake Wikidata).
    await putinRow.locator('.entity-toggle').click();
    await expect.poll(() => putinRow.locator('.card-description').textContent(), { timeout: 20_000 }).toMatch(/President of Russia/);
    await expect.poll(() => putinRow.locator('.card-facts').textContent()).toMatch(/Born/);
    expect(await putinRow.getByRole('link', { name: /From Wikipedia/ }).count()).toBe(1);

    // Khasan is the settlement, not the lake.
    const khasan = places.locator('.entity', { hasText: 'Khasan' });
    await khasan.locator('.entity-toggle').click();
    await expect.poll(() => khasan.locator('.card-entity, .entity-card').first().textContent(), { timeout: 20_000 }).toMatch(/Primorsky/);
    expect(await khasan.locator('.entity-card').textContent()).not.toMatch(/^Lake Khasan/);

    // "Next mention" scrolls the page to the mention and flashes it with the Custom Highlight API.
    await page.evaluate(() => window.scrollTo(0, 0));
    const before = await page.evaluate(() => window.scrollY);
    const next = putinRow.getByRole('button', { name: /Next/ });
    for (let i = 0; i < 6; i++) await next.click();
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(before + 200);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('backstory-flash'))).toBe(true);
    const flashed = await page.evaluate(() => {
      const highlight = CSS.highlights.get('backstory-flash') as unknown as Set<Range> | undefined;
      return highlight ? [...highlight].map((r) => r.toString()) : [];
    });
    expect(flashed).toHaveLength(1);
    expect(flashed[0]).toMatch(/Putin/);

    // Underlined mentions (painted with the Highlight API, not in the DOM) open a preview card on click.
    await panel.getByLabel(/Underline these names/).check();
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { timeout: 10_000 }).toBeGreaterThan(30);
    await settleScroll(page);
    await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('backstory-mention') as unknown as Set<Range>)];
      ranges.find((r) => r.toString() === 'Vladimir Putin')!.startContainer.parentElement!.scrollIntoView({ block: 'center' });
    });
    await settleScroll(page);
    const spot = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('backstory-mention') as unknown as Set<Range>)];
      const range = ranges.find((r) => r.toString() === 'Vladimir Putin')!;
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(spot.x, spot.y);
    // The preview lives in a closed shadow root: looked at from the extension's own world.
    const preview = () => probe(browser, page, inPageQuery('dialog', 'About Vladimir Putin'));
    await expect.poll(async () => (await preview())?.text, { timeout: 10_000 }).toMatch(/President of Russia/);
    await page.keyboard.press('Escape');
    await expect.poll(preview).toBeNull();
    expect(await page.locator('mark, [data-backstory]:not(backstory-ui)').count()).toBe(0);

    // No request for names left the machine: everything went to the fake server, with our Api-User-Agent.
    expect(wiki.apiRequests().length).toBeGreaterThan(0);
    expect(wiki.apiRequests().every((r) => String(r.headers['api-user-agent'] ?? '').startsWith('Backstory/'))).toBe(true);

    // The narrowest side panel Chrome allows is about 320 px.
    await panel.setViewportSize({ width: 320, height: 1000 });
    await panel.evaluate(() => window.scrollTo(0, 0));
    await panel.screenshot({ path: `${ARTIFACTS_DIR}/sidepanel-light.png`, fullPage: false });
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(seriousViolations(await axeScan(panel))).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('follows the active tab when the reader switches tabs', async () => {
    const seed = await browser.context.newPage();
    await seed.goto(`${server.url}/seed/`);
    const windowId = await browser.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { windows: { getLastFocused(): Promise<{ id: number }> } } }).chrome;
      return (await api.windows.getLastFocused()).id;
    });
    const other = await browser.context.newPage();
    await other.goto(`${server.url}/bbc-1/source.html`);
    // The panel in a window of its own, following the first window's active tab.
    const panelPromise = browser.context.waitForEvent('page');
    await browser.worker.evaluate(
      async ([url]) => {
        const api = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
        await api.windows.create({ url, focused: false });
      },
      [`chrome-extension://${browser.extensionId}/sidepanel.html?windowId=${windowId}`] as const,
    );
    const panel = await panelPromise;
    await seed.bringToFront();
    await expect.poll(() => panel.locator('h1.article-title').textContent(), { timeout: 20_000 }).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    await other.bringToFront();
    await expect.poll(() => panel.locator('h1.article-title').textContent(), { timeout: 20_000 }).not.toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    await panel.close();
    await other.close();
    await seed.close();
  });

  it('has no serious accessibility problems in the not-an-article and unsupported states', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/section-front/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.getByText("This page doesn't look like an article").waitFor({ timeout: 20_000 });
    expect(seriousViolations(await axeScan(panel))).toEqual([]);
    await page.goto('about:blank');
    await panel.getByText('Nothing to read here').waitFor({ timeout: 20_000 });
    expect(seriousViolations(await axeScan(panel))).toEqual([]);
    await panel.close();
    await page.close();
  });

  it.each([
    ['working', { status: 'working', url: 'https://news.example/a' }, 'Reading the article…'],
    ['error', { status: 'error', url: 'https://news.example/a', message: 'Backstory could not read this page.' }, 'Something went wrong'],
    ['not opened yet', { status: 'idle', url: 'https://news.example/a' }, "Backstory isn't open on this page yet"],
  ])('renders the %s state accessibly', async (_name, state, heading) => {
    // A tab id that does not exist: the background cannot touch the state, so the panel shows exactly this one.
    const tabId = 2_000_000_000;
    await browser.worker.evaluate(
      async ([key, value]) => {
        const api = (globalThis as unknown as { chrome: { storage: { session: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.session.set({ [key]: value });
      },
      [`tab:${tabId}`, state] as const,
    );
    const panel = await browser.openPanel(tabId);
    await panel.getByRole('heading', { name: heading }).waitFor({ timeout: 10_000 });
    expect(seriousViolations(await axeScan(panel))).toEqual([]);
    await panel.close();
  });
});

describe('the side panel in dark mode, with look-ups off', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki();
    ({ server, browser } = await setup({ colorScheme: 'dark', wiki: wiki.endpoints, lookups: false }));
  });
  afterAll(async () => {
    await teardown({ server, browser });
    await wiki?.close();
  });

  it('lists the entities, says look-ups are off, and sends nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await panel.getByRole('region', { name: /People/ }).waitFor({ timeout: 20_000 });
    await panel.getByText(/look-ups are off/i).waitFor();
    await panel.locator('.entity', { hasText: 'Vladimir Putin' }).locator('.entity-toggle').click();
    await panel.waitForTimeout(1000);
    expect(wiki.requests).toEqual([]);
    await panel.setViewportSize({ width: 320, height: 1000 });
    await panel.screenshot({ path: `${ARTIFACTS_DIR}/sidepanel-dark.png` });
    expect(seriousViolations(await axeScan(panel))).toEqual([]);
  });
});
