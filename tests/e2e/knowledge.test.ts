import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../scripts/lib/launch';
import type { StaticServer } from '../../scripts/lib/staticServer';
import { type FakeWiki, startFakeWiki } from '../../scripts/lib/fakeWiki';
import { setup, teardown } from './support/fixture';

/*
 * Issue 15 in the built extension: background as of the article's date, in the article's language with English as
 * the flagged fallback, three requests for the list and none on a revisit (no-matches included), pictures that fail
 * to load, and a mention flash that a newer flash never cuts short. Everything goes to the fake Wikipedia/Wikidata on
 * 127.0.0.1; thumbnails (upload.wikimedia.org) are refused, as an image blocker or a dead network would.
 */

const ARTICLES = resolve(import.meta.dirname, '../fixtures/wiki/articles');

/** Serves one of the invented articles (tests/fixtures/wiki/articles) at a URL of the page server. */
async function serveArticle(browser: ExtensionBrowser, server: StaticServer, file: string): Promise<string> {
  const url = `${server.url}/issue-15/${file.replace(/\.html$/, '')}/`;
  const html = readFileSync(resolve(ARTICLES, file), 'utf8');
  await browser.context.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  return url;
}

const row = (panel: Page, name: string) => panel.locator('.entity', { has: panel.locator('.entity-name', { hasText: new RegExp(`^${name}$`) }) });

async function openCard(panel: Page, name: string) {
  const r = row(panel, name);
  await r.locator('.entity-toggle').click();
  return r.locator('.entity-card');
}

describe('background that is right for the article’s date and language', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki({ latencyMs: 20 });
    ({ server, browser } = await setup({ wiki: wiki.endpoints }));
  });
  afterAll(async () => {
    await teardown({ server, browser });
    await wiki?.close();
  });

  it('a 2011 article: the office Putin held then and Khasan’s 2010 census, today’s values one line below', async () => {
    const page = await browser.context.newPage();
    await page.goto(await serveArticle(browser, server, 'putin-khasan-2011.html'));
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await expect.poll(() => row(panel, 'Vladimir Putin').locator('.entity-description').textContent(), { timeout: 20_000 }).toMatch(/President of Russia/);

    const putin = await openCard(panel, 'Vladimir Putin');
    await expect.poll(() => putin.locator('.card-facts-date').textContent()).toMatch(/^As of 2[34] August 2011, the article’s date$/);
    const office = putin.locator('.card-fact', { has: panel.locator('dt', { hasText: /^Office$/ }) });
    await expect.poll(() => office.locator('dd').textContent()).toBe('Prime Minister of Russia (2008–2012)now: President of Russia (since 2012)');
    await expect.poll(() => putin.locator('.card-fact', { has: panel.locator('dt', { hasText: 'Born' }) }).locator('dd').textContent()).toMatch(/^7 October 1952 \(58 at the time\)now: age \d+$/);
    // The lead sentences arrive once the card is open.
    await expect.poll(() => putin.locator('.card-extract').textContent()).toMatch(/^Vladimir Vladimirovich Putin/);

    const khasan = await openCard(panel, 'Khasan');
    const population = khasan.locator('.card-fact', { has: panel.locator('dt', { hasText: 'Population' }) });
    await expect.poll(() => population.locator('dd').textContent()).toBe('742 (2010)now: 683 (2021)');
    // A guess among the disambiguation page's articles says so, with the correction one click away.
    await expect.poll(() => khasan.locator('.card-match-reason').textContent()).toMatch(/^A guess: “Khasan” has several meanings/);
    expect(await khasan.getByRole('button', { name: 'Lake Khasan', exact: true }).count()).toBe(1);
    await khasan.getByRole('button', { name: 'Lake Khasan', exact: true }).click();
    await expect.poll(() => khasan.locator('.card-title').textContent()).toBe('Lake Khasan');
    await expect.poll(() => khasan.locator('.card-match-reason').textContent()).toBe('You chose this article.');
    await panel.close();
    await page.close();
  });

  it('thumbnails that cannot load fall back to the initial-letter avatar', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    const putin = row(panel, 'Vladimir Putin');
    await expect.poll(() => putin.locator('.entity-description').textContent(), { timeout: 20_000 }).toMatch(/President of Russia/);
    // The picture was asked for (and refused, as upload.wikimedia.org is out of reach), so the row shows the initial.
    await expect.poll(() => putin.locator('.entity-thumb-initial').textContent()).toBe('V');
    expect(await putin.locator('img.entity-thumb').count()).toBe(0);
    const card = await openCard(panel, 'Vladimir Putin');
    await expect.poll(() => card.locator('.card-description').textContent()).toMatch(/President of Russia/);
    await expect.poll(() => card.locator('img.card-picture').count()).toBe(0);
    await panel.close();
    await page.close();
  });

  it('a German article: German Wikipedia first, English as the flagged fallback', async () => {
    const page = await browser.context.newPage();
    await page.goto(await serveArticle(browser, server, 'putin-de-2024.html'));
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    await expect.poll(() => row(panel, 'Wladimir Putin').locator('.entity-description').textContent(), { timeout: 20_000 }).toBe('russischer Politiker, Präsident Russlands');
    const putin = await openCard(panel, 'Wladimir Putin');
    await expect.poll(() => putin.getByRole('link', { name: /From Wikipedia/ }).getAttribute('href')).toBe('https://de.wikipedia.org/wiki/Wladimir_Putin');
    expect(await putin.locator('.card-source').textContent()).not.toMatch(/English Wikipedia/);
    const kim = await openCard(panel, 'Kim Jong-un');
    await expect.poll(() => kim.locator('.card-source').textContent()).toMatch(/English Wikipedia \(no article in this page’s language\)/);
    expect(await kim.getByRole('link', { name: /From Wikipedia/ }).getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Kim_Jong_Un');
    const paths = wiki.apiRequests().map((r) => r.path);
    expect(paths).toContain('/de/w/api.php');
    expect(paths).toContain('/en/w/api.php');
    await panel.close();
    await page.close();
  });
});

describe('three requests for the seed’s list, none on a revisit', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let wiki: FakeWiki;

  beforeAll(async () => {
    wiki = await startFakeWiki();
    ({ server, browser } = await setup({ wiki: wiki.endpoints }));
  });
  afterAll(async () => {
    await teardown({ server, browser });
    await wiki?.close();
  });

  it('caches the names without an article too: reopening the panel asks nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const tabId = await browser.tabIdOf(page);
    let panel = await browser.openPanel(tabId);
    await expect.poll(() => row(panel, 'Vladimir Putin').locator('.entity-description').textContent(), { timeout: 20_000 }).toMatch(/President of Russia/);
    await expect.poll(() => row(panel, 'Khasan').locator('.entity-description').textContent()).toMatch(/Primorsky Krai/);
    const cold = wiki.apiRequests();
    expect(cold.length).toBeLessThanOrEqual(3);
    // The book title has no Wikipedia article; the card says so.
    const book = panel.locator('.entity', { hasText: 'In Putin’s Footsteps' });
    await book.locator('.entity-toggle').click();
    await expect.poll(() => book.locator('.card-status').textContent()).toMatch(/^Wikipedia has no article named “In Putin’s Footsteps/);
    await panel.close();

    panel = await browser.openPanel(tabId);
    await expect.poll(() => row(panel, 'Vladimir Putin').locator('.entity-description').textContent(), { timeout: 20_000 }).toMatch(/President of Russia/);
    const again = panel.locator('.entity', { hasText: 'In Putin’s Footsteps' });
    await again.locator('.entity-toggle').click();
    await expect.poll(() => again.locator('.card-status').textContent()).toMatch(/^Wikipedia has no article named/);
    expect(wiki.apiRequests().length).toBe(cold.length);
    await panel.close();
    await page.close();
  });

  it('a newer mention flash is never cut short by the previous one’s timer', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/seed/`);
    const panel = await browser.openPanel(await browser.tabIdOf(page));
    const card = await openCard(panel, 'Vladimir Putin');
    const next = card.getByRole('button', { name: /Next/ });
    const flashing = () => page.evaluate(() => CSS.highlights.has('backstory-flash'));
    await next.click();
    await expect.poll(flashing).toBe(true);
    // The second flash starts 1.5 s into the first; when the first one's 2.5 s are up, the second must still show.
    await page.waitForTimeout(1500);
    await next.click();
    await expect.poll(() => card.locator('.mentions-position').textContent()).toMatch(/^2 of /);
    await page.waitForTimeout(1600);
    expect(await flashing()).toBe(true);
    // And it does end, on its own timer.
    await expect.poll(flashing, { timeout: 5_000 }).toBe(false);
    await panel.close();
    await page.close();
  });
});
