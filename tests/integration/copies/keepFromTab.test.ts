import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { setTabState } from '../../../entrypoints/background/tabState';
import type { Article } from '../../../utils/article/types';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';

/* The background keeps the reader's copy from the tab's own analysis when they first save something (issue 17). */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const PANEL: SenderInfo = { id: 'backstory-test', url: 'chrome-extension://backstory-test/sidepanel.html' };
const CONTENT: SenderInfo = { id: 'backstory-test', url: 'https://news.example/a', tab: { id: 7, url: 'https://news.example/a' } };
const PRIVATE_CONTENT: SenderInfo = { ...CONTENT, tab: { id: 7, url: 'https://news.example/a', incognito: true } };

const TEXT = 'Before the quoted words after them.\n\nSecond paragraph.';
const ARTICLE: Article = {
  title: 'A title', byline: 'By Someone', authors: ['Someone'], siteName: 'News', publishedTime: null, modifiedTime: null,
  lang: 'en', dir: 'ltr', excerpt: null, text: TEXT, html: '<div><p>Before the <em>quoted words</em> after them.</p><p>Second paragraph.</p></div>',
  wordCount: 8, readingMinutes: 1, leadImage: 'https://news.example/lead.jpg', canonicalUrl: 'https://news.example/a',
};
const REF = { url: ARTICLE.canonicalUrl, pageUrl: 'https://news.example/a', title: 'A title', byline: null, authors: [], siteName: null, lang: 'en', publishedTime: null, excerpt: null };
const HIGHLIGHT = {
  article: REF,
  quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'Before the ', suffix: ' after them.' },
  position: { type: 'TextPositionSelector', start: 11, end: 23 },
  color: 'green',
};
const knowledge: KnowledgeService = { lookup: async () => ({}), choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }) };

let db: BackstoryDB;
let call: (type: string, payload: unknown, sender?: SenderInfo) => ReturnType<typeof dispatch>;
let everyArticle = false;

beforeEach(async () => {
  fakeBrowser.reset();
  everyArticle = false;
  db = new BackstoryDB(`copies-${crypto.randomUUID()}`);
  const handlers = createHandlers({ db, knowledge, openTab: async () => ({ status: 'idle', url: null }), keepEveryArticle: async () => everyArticle });
  call = (type, payload, sender = PANEL) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const analysis = (article: Article) => ({ status: 'ready' as const, url: 'https://news.example/a', analysis: { url: 'https://news.example/a', extraction: { kind: 'article' as const, article }, entities: [], analyzedAt: 1 } });

describe('keeping the copy in the background', () => {
  it('keeps the tab article’s sanitised HTML and text with the first highlight, and only once', async () => {
    await setTabState(7, analysis(ARTICLE));
    expect((await call('highlight/create', HIGHLIGHT, CONTENT)).ok).toBe(true);
    const copies = await db.copies.toArray();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({ url: ARTICLE.canonicalUrl, text: TEXT, html: ARTICLE.html, leadImage: 'https://news.example/lead.jpg', textOnly: false });
    expect(copies[0]!.articleId).toBe((await db.articles.toArray())[0]!.id);
    // The page is later edited: the copy stays the one the reader highlighted.
    await setTabState(7, analysis({ ...ARTICLE, text: 'Edited.', html: '<p>Edited.</p>' }));
    expect((await call('highlight/create', { ...HIGHLIGHT, position: { type: 'TextPositionSelector', start: 0, end: 6 }, quote: { ...HIGHLIGHT.quote, exact: 'Before' } }, CONTENT)).ok).toBe(true);
    expect((await db.copies.toArray()).map((c) => c.text)).toEqual([TEXT]);
  });

  it('keeps nothing when the tab shows another article than the one saved on', async () => {
    await setTabState(7, analysis({ ...ARTICLE, canonicalUrl: 'https://news.example/other' }));
    expect((await call('highlight/create', HIGHLIGHT, CONTENT)).ok).toBe(true);
    expect(await db.copies.count()).toBe(0);
  });

  it('keeps the copy when the panel saves the article note for a tab', async () => {
    await setTabState(7, analysis(ARTICLE));
    expect((await call('note/save', { article: REF, body: 'my thoughts', tabId: 7 })).ok).toBe(true);
    expect(await db.copies.count()).toBe(1);
  });

  it('keeps a copy of every opened article only when the reader chose so, and never in a private window', async () => {
    const state = analysis(ARTICLE);
    expect((await call('page/analysis', { analysis: state.analysis }, CONTENT)).ok).toBe(true);
    expect(await db.copies.count()).toBe(0);
    everyArticle = true;
    expect((await call('page/analysis', { analysis: state.analysis }, PRIVATE_CONTENT)).ok).toBe(true);
    expect(await db.articles.count()).toBe(0);
    expect((await call('page/analysis', { analysis: state.analysis }, CONTENT)).ok).toBe(true);
    expect(await db.articles.count()).toBe(1);
    expect(await db.copies.count()).toBe(1);
  });
});
