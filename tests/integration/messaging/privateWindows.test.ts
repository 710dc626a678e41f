import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';
import { concernsPrivateWindow, type GetTab } from '../../../components/platform/privateWindows';

/*
 * Private windows (#18), in the background's handlers: the same code runs in Chromium and Firefox, which both mark a
 * private tab with tabs.Tab.incognito. The Firefox tier (tests/e2e-firefox/private.test.ts) checks it end to end.
 */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const URL_A = 'https://news.example/a';
const PRIVATE_TAB = 11;
const NORMAL_TAB = 7;
const CONTENT: SenderInfo = { id: 'backstory-test', url: URL_A, tab: { id: NORMAL_TAB, url: URL_A, incognito: false } };
const PRIVATE_CONTENT: SenderInfo = { id: 'backstory-test', url: URL_A, tab: { id: PRIVATE_TAB, url: URL_A, incognito: true } };
/** The sidebar: an extension page with no tab of its own; it names the tab it shows in the payload. */
const SIDEBAR: SenderInfo = { id: 'backstory-test', url: 'chrome-extension://backstory-test/sidepanel.html' };

const ARTICLE_REF = { url: URL_A, pageUrl: URL_A, title: 'A title', byline: null, authors: [], siteName: null, lang: 'en', publishedTime: null, excerpt: null };
const HIGHLIGHT = {
  article: ARTICLE_REF,
  quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 10, end: 22 },
  color: 'green',
};
const ENTITY = { id: 'p:putin', type: 'person', name: 'Vladimir Putin', aliases: [], mentions: [{ start: 0, end: 14, text: 'Vladimir Putin' }] };
const ANALYSIS = {
  url: URL_A,
  extraction: {
    kind: 'article',
    article: {
      title: 'A title', byline: null, authors: [], siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr',
      excerpt: null, text: 'Vladimir Putin met Kim Jong Un.', html: '<p>Vladimir Putin met Kim Jong Un.</p>', wordCount: 6,
      readingMinutes: 1, leadImage: null, canonicalUrl: URL_A,
    },
  },
  entities: [ENTITY],
  analyzedAt: 1,
};
const LOOKUP = { entities: [{ id: ENTITY.id, type: 'person', name: ENTITY.name, aliases: [] }], lang: 'en', site: 'news.example', context: 'Vladimir Putin' };

const tabs: GetTab = async (tabId) => ({ [PRIVATE_TAB]: { incognito: true }, [NORMAL_TAB]: { incognito: false } })[tabId];

let db: BackstoryDB;
let persisted: boolean[];
let call: (type: string, payload: unknown, sender: SenderInfo) => ReturnType<typeof dispatch>;

beforeEach(() => {
  fakeBrowser.reset();
  db = new BackstoryDB(`private-${crypto.randomUUID()}`);
  persisted = [];
  const knowledge: KnowledgeService = {
    lookup: async ({ entities }, opts) => {
      persisted.push(opts?.persist ?? true);
      return Object.fromEntries(entities.map((e) => [e.id, { status: 'unlinked', reason: 'no-confident-match', candidates: [] }]));
    },
    choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
  };
  const handlers = createHandlers({ db, knowledge, isPrivate: (ctx, tabId) => concernsPrivateWindow(ctx, tabId, tabs) });
  call = (type, payload, sender) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('an article read in a private window', () => {
  it('does not write its entities onto the saved article, which a normal window does', async () => {
    await call('highlight/create', HIGHLIGHT, CONTENT);
    expect(await call('page/analysis', { analysis: ANALYSIS }, PRIVATE_CONTENT)).toMatchObject({ ok: true });
    expect((await db.articles.toArray())[0]!.entityKeys).toEqual([]);
    await call('page/analysis', { analysis: ANALYSIS }, CONTENT);
    expect((await db.articles.toArray())[0]!.entityKeys).toEqual(['vladimir putin']);
  });

  it('has its look-ups answered but not cached, whether the page or the sidebar asks', async () => {
    expect(await call('knowledge/lookup', LOOKUP, PRIVATE_CONTENT)).toMatchObject({ ok: true });
    expect(await call('knowledge/lookup', { ...LOOKUP, tabId: PRIVATE_TAB }, SIDEBAR)).toMatchObject({ ok: true });
    expect(await call('knowledge/lookup', { ...LOOKUP, tabId: NORMAL_TAB }, SIDEBAR)).toMatchObject({ ok: true });
    expect(await call('knowledge/lookup', LOOKUP, CONTENT)).toMatchObject({ ok: true });
    expect(persisted).toEqual([false, false, true, true]);
  });

  it('writes no article record while the reader only reads, and keeps what the reader saves', async () => {
    await call('page/hello', { url: URL_A, canonical: null }, PRIVATE_CONTENT);
    await call('page/analysis', { analysis: ANALYSIS }, PRIVATE_CONTENT);
    await call('knowledge/lookup', LOOKUP, PRIVATE_CONTENT);
    expect([await db.articles.count(), await db.highlights.count(), await db.notes.count(), await db.knowledge.count()]).toEqual([0, 0, 0, 0]);
    // Saving explicitly is the reader's choice, in a private window too.
    expect(await call('highlight/create', HIGHLIGHT, PRIVATE_CONTENT)).toMatchObject({ ok: true });
    expect(await call('note/save', { article: ARTICLE_REF, body: 'kept on purpose' }, SIDEBAR)).toMatchObject({ ok: true });
    expect([await db.articles.count(), await db.highlights.count(), await db.notes.count()]).toEqual([1, 1, 1]);
  });

  it('gives a sidebar that cannot read Dexie the saved highlights and note through the background', async () => {
    expect(await call('article/saved', { url: URL_A }, SIDEBAR)).toEqual({ ok: true, data: { highlights: [], note: null } });
    await call('highlight/create', HIGHLIGHT, PRIVATE_CONTENT);
    await call('note/save', { article: ARTICLE_REF, body: 'kept' }, SIDEBAR);
    const reply = await call('article/saved', { url: URL_A }, SIDEBAR);
    expect(reply).toMatchObject({ ok: true, data: { highlights: [{ quote: { exact: 'quoted words' } }], note: { body: 'kept' } } });
    // Only extension pages may ask: a page's content script reads its own highlights through highlights/list.
    expect(await call('article/saved', { url: URL_A }, CONTENT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
