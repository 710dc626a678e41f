/**
 * `## copies` (issue 17): what the reader's saved copies cost and how fast the reader view shows one.
 * - Stored size per article over ../shared/pages (real news pages): the copy (sanitised HTML + text, UTF-8), median
 *   and max, beside the page as downloaded (the baseline a "save page" would store) and the text alone.
 * - The reader view's time to first paint in the built extension in headless Chromium: from navigation start until
 *   200 highlights are in CSS.highlights, beside the same copy with no highlights (until its first paragraph is in
 *   the DOM), interleaved runs in the same browser.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { quietDom } from '../lib/quietDom';
import { extractArticle } from '../../utils/article/extractArticle';
import { contentHash } from '../../utils/article/contentHash';
import { DEFAULT_COPY_LIMITS, utf8Bytes } from '../../utils/db/copies';
import { formatBytes } from '../../utils/format/bytes';
import { describe as describeRange } from '../../utils/highlights/describe';
import type { Article } from '../../utils/article/types';
import { EXTENSION_DIR, launchExtension } from '../lib/launch';
import { seededRandom } from '../lib/seededRandom';
import { median } from './support/measure';
import { hasSharedPages, SHARED_PAGES_DIR, sharedPageFile, sharedPageNames } from '../lib/sharedPages';

const SEED = resolve(import.meta.dirname, '../../tests/fixtures/pages/seed/index.html');
const RUNS = 7;
const HIGHLIGHTS = 200;

const load = (html: string, url: string) => quietDom(html, url).window.document;

/** Copy sizes over ../shared/pages. */
function sizes(): string[] {
  if (!hasSharedPages()) return [`WARNING: stored size per article: ../shared/pages not found (${SHARED_PAGES_DIR}), skipped`];
  const names = sharedPageNames();
  const copy: number[] = [];
  const page: number[] = [];
  const text: number[] = [];
  let over = 0;
  let largest = '';
  for (const name of names) {
    const source = readFileSync(sharedPageFile(name), 'utf8');
    const result = extractArticle(load(source, `https://${name}.example/article`), `https://${name}.example/article`, { budgetMs: 60_000, force: true });
    if (result.kind !== 'article') continue;
    const bytes = utf8Bytes(result.article.html) + utf8Bytes(result.article.text);
    if (bytes > Math.max(...copy, 0)) largest = name;
    copy.push(bytes);
    page.push(utf8Bytes(source));
    text.push(utf8Bytes(result.article.text));
    if (bytes > DEFAULT_COPY_LIMITS.perArticleBytes) over++;
  }
  const kb = (b: number) => formatBytes(Math.round(b));
  return [
    `stored size per article over ../shared/pages (${copy.length} of ${names.length} pages extracted; UTF-8 of sanitised HTML + text):`,
    `  copy: median ${kb(median(copy))}, max ${kb(Math.max(...copy))} (${largest}); ${over} over the default per-article cap of ${kb(DEFAULT_COPY_LIMITS.perArticleBytes)}`,
    `  baseline, the page as downloaded: median ${kb(median(page))}, max ${kb(Math.max(...page))}; the text alone: median ${kb(median(text))}, max ${kb(Math.max(...text))}`,
    `  at the median, the default total budget of ${kb(DEFAULT_COPY_LIMITS.totalBytes)} holds about ${Math.floor(DEFAULT_COPY_LIMITS.totalBytes / median(copy))} copies`,
  ];
}

/** `count` non-overlapping word-aligned passages of 1–8 words. */
function passages(text: string, count: number): Array<{ start: number; end: number }> {
  const words = Array.from(text.matchAll(/\S+/g), (m) => ({ start: m.index, end: m.index + m[0].length }));
  const random = seededRandom(17);
  const taken = new Uint8Array(words.length);
  const out: Array<{ start: number; end: number }> = [];
  for (let attempt = 0; out.length < count && attempt < count * 50; attempt++) {
    const first = Math.floor(random() * words.length);
    const last = Math.min(words.length - 1, first + Math.floor(random() * 8));
    let free = true;
    for (let k = Math.max(0, first - 1); k <= Math.min(words.length - 1, last + 1); k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = first; k <= last; k++) taken[k] = 1;
    out.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return out;
}

/** The reader view's first paint in the built extension. */
async function readerPaint(): Promise<string[]> {
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) {
    const built = spawnSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
    if (built.status !== 0) throw new Error('wxt build failed');
  }
  const url = 'https://news.example/axis-of-outcasts';
  const result = extractArticle(load(readFileSync(SEED, 'utf8'), url), url, { budgetMs: 60_000 });
  if (result.kind !== 'article') throw new Error('the seed did not extract');
  const article: Article = result.article;
  // The seed is short; the 200 highlights go into it repeated until it is a long read (about 60,000 characters).
  const paragraphs = article.text.split('\n\n');
  const longParas: string[] = [];
  while (longParas.join('\n\n').length < 60_000) longParas.push(...paragraphs);
  const text = longParas.join('\n\n');
  const html = longParas.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('');
  const now = Date.now();
  const makeArticle = (id: string, u: string) => ({
    id, url: u, pageUrl: u, title: article.title, byline: article.byline, authors: article.authors, siteName: article.siteName, site: 'news.example',
    lang: article.lang, publishedTime: article.publishedTime, excerpt: article.excerpt, entities: [], entityKeys: [], tags: [], createdAt: now, updatedAt: now,
  });
  const makeCopy = async (articleId: string, u: string) => ({
    id: crypto.randomUUID(), articleId, url: u, title: article.title, byline: article.byline, siteName: article.siteName, lang: article.lang, dir: article.dir,
    publishedTime: article.publishedTime, modifiedTime: article.modifiedTime, excerpt: article.excerpt, leadImage: null, html, text, textOnly: false,
    contentHash: await contentHash(text), extractedAt: now, bytes: utf8Bytes(html) + utf8Bytes(text), createdAt: now, updatedAt: now,
  });
  const withId = crypto.randomUUID();
  const bareId = crypto.randomUUID();
  const withUrl = `${url}?with`;
  const bareUrl = `${url}?bare`;
  const highlights = passages(text, HIGHLIGHTS).map((p, i) => ({
    id: crypto.randomUUID(), articleId: withId, url: withUrl, ...describeRange(text, p.start, p.end), color: (['yellow', 'green', 'blue', 'pink', 'purple'] as const)[i % 5],
    note: i % 4 === 0 ? `Note ${i}` : '', tags: [], anchorVersion: 1, createdAt: now, updatedAt: now,
  }));
  const records = {
    articles: [makeArticle(withId, withUrl), makeArticle(bareId, bareUrl)],
    copies: [await makeCopy(withId, withUrl), await makeCopy(bareId, bareUrl)],
    highlights,
  };

  const browser = await launchExtension({});
  try {
    // The library page opens the database with the current schema; the records go in through IndexedDB itself.
    const setupPage = await browser.context.newPage();
    await setupPage.goto(`chrome-extension://${browser.extensionId}/library.html`);
    await setupPage.waitForSelector('.library');
    await setupPage.evaluate(
      (data) =>
        new Promise<void>((done, fail) => {
          const open = indexedDB.open('backstory');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const idb = open.result;
            const tx = idb.transaction(Object.keys(data), 'readwrite');
            for (const [store, rows] of Object.entries(data)) for (const row of rows as object[]) tx.objectStore(store).put(row);
            tx.oncomplete = () => {
              idb.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
      records,
    );
    await setupPage.close();
    const page = await browser.context.newPage();
    const open = async (id: string, ready: string, count: number): Promise<number> => {
      await page.goto(`chrome-extension://${browser.extensionId}/reader.html?article=${id}`);
      const handle = await page.waitForFunction(
        ([selector, n]) => {
          if (!document.querySelector(selector as string)) return false;
          let painted = 0;
          for (const h of CSS.highlights.values()) painted += (h as unknown as Set<Range>).size;
          return painted >= (n as number) ? performance.now() : false;
        },
        [ready, count] as const,
        { polling: 'raf', timeout: 30_000 },
      );
      return (await handle.jsonValue()) as number;
    };
    const withTimes: number[] = [];
    const bareTimes: number[] = [];
    await open(withId, '.reader-body p', HIGHLIGHTS);
    await open(bareId, '.reader-body p', 0);
    for (let i = 0; i < RUNS; i++) {
      withTimes.push(await open(withId, '.reader-body p', HIGHLIGHTS));
      bareTimes.push(await open(bareId, '.reader-body p', 0));
    }
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    return [
      `reader view, headless Chromium ${browser.context.browser()?.version() ?? ''}, the built extension, a ${Math.round(text.length / 1000)}k-character copy, median of ${RUNS} (interleaved), ms from navigation start:`,
      `  with ${highlights.length} highlights painted (CSS Custom Highlight API): ${ms(median(withTimes))} (worst ${ms(Math.max(...withTimes))})`,
      `  baseline, the same copy without highlights (first paragraph in the DOM): ${ms(median(bareTimes))} (worst ${ms(Math.max(...bareTimes))})`,
    ];
  } finally {
    await browser.close();
  }
}

/** Prints the section. */
export async function run(): Promise<void> {
  const lines = [...sizes(), ...(await readerPaint())];
  console.log('## copies');
  for (const line of lines) console.log(line);
}
