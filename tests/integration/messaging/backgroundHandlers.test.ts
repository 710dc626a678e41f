import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';
import type { TabState } from '../../../utils/messaging/tabState';

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const PANEL: SenderInfo = { id: 'backstory-test', url: 'chrome-extension://backstory-test/sidepanel.html' };
const CONTENT: SenderInfo = { id: 'backstory-test', url: 'https://news.example/a', tab: { id: 7, url: 'https://news.example/a' } };
const STRANGER: SenderInfo = { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/x.html' };

const ARTICLE = {
  url: 'https://news.example/a',
  pageUrl: 'https://news.example/a?utm_source=x',
  title: 'A title',
  byline: 'By Someone',
  authors: ['Someone'],
  siteName: 'News',
  lang: 'en',
  publishedTime: null,
  excerpt: null,
};
const HIGHLIGHT = {
  article: ARTICLE,
  quote: { type: 'TextQuoteSelector', exact: 'quoted words', prefix: 'before ', suffix: ' after' },
  position: { type: 'TextPositionSelector', start: 10, end: 22 },
  color: 'green',
};

const knowledge: KnowledgeService = {
  lookup: async ({ entities }) => Object.fromEntries(entities.map((e) => [e.id, { status: 'unlinked', reason: 'no-confident-match', candidates: [] }])),
  choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
};

let db: BackstoryDB;
let call: (type: string, payload: unknown, sender?: SenderInfo) => ReturnType<typeof dispatch>;
let opened: number[];

beforeEach(() => {
  fakeBrowser.reset();
  db = new BackstoryDB(`handlers-${crypto.randomUUID()}`);
  opened = [];
  const handlers = createHandlers({
    db,
    knowledge,
    openTab: async (tabId) => ({ status: 'idle', url: `tab ${tabId}` }),
    onSavedPage: (tabId) => opened.push(tabId),
  });
  call = (type, payload, sender = PANEL) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('background message handlers', () => {
  it('creates a highlight and its article in one go, then lists it', async () => {
    const created = await call('highlight/create', HIGHLIGHT, CONTENT);
    expect(created.ok).toBe(true);
    const listed = await call('highlights/list', { url: ARTICLE.url });
    expect(listed).toMatchObject({ ok: true, data: [{ color: 'green', quote: { exact: 'quoted words' }, note: '' }] });
    const articles = await db.articles.toArray();
    expect(articles).toHaveLength(1);
    expect(articles[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(articles[0]!.site).toBe('news.example');
  });

  it('updates, deletes and restores a highlight (undo puts back the same record)', async () => {
    const created = await call('highlight/create', HIGHLIGHT);
    if (!created.ok) throw new Error('create failed');
    const id = (created.data as { id: string }).id;
    const updated = await call('highlight/update', { id, note: 'my note', color: 'pink' });
    expect(updated).toMatchObject({ ok: true, data: { note: 'my note', color: 'pink' } });
    const deleted = await call('highlight/delete', { id });
    if (!deleted.ok) throw new Error('delete failed');
    expect(await db.highlights.count()).toBe(0);
    const record = (deleted.data as { deleted: unknown }).deleted;
    const restored = await call('highlight/restore', { record });
    expect(restored.ok).toBe(true);
    expect(await db.highlights.get(id)).toEqual(record);
  });

  it('answers an update of a missing highlight with not-found', async () => {
    const reply = await call('highlight/update', { id: crypto.randomUUID(), note: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps one article note per article and updates it', async () => {
    await call('note/save', { article: ARTICLE, body: 'first' });
    await call('note/save', { article: ARTICLE, body: 'second' });
    const notes = await db.notes.toArray();
    expect(notes.map((n) => n.body)).toEqual(['second']);
  });

  it('says whether a page has saved work, and asks for the analyser on such a page', async () => {
    expect(await call('page/hello', { url: ARTICLE.url, canonical: null }, CONTENT)).toMatchObject({ ok: true, data: { saved: false } });
    expect(opened).toEqual([]);
    await call('highlight/create', HIGHLIGHT);
    expect(await call('page/hello', { url: 'https://news.example/a?x', canonical: ARTICLE.url }, CONTENT)).toMatchObject({
      ok: true,
      data: { saved: true },
    });
    expect(opened).toEqual([7]);
  });

  it('stores the analysis a content script reports as the tab state the side panel reads', async () => {
    const analysis = {
      url: 'https://news.example/a',
      extraction: { kind: 'not-article', reason: 'listing', message: 'A list of stories.', title: 'Home', url: 'https://news.example/a' },
      entities: [],
      analyzedAt: 1,
    };
    expect(await call('page/analysis', { analysis }, CONTENT)).toMatchObject({ ok: true });
    const stored = (await fakeBrowser.storage.session.get('tab:7'))['tab:7'] as TabState;
    expect(stored).toMatchObject({ status: 'ready', analysis: { extraction: { reason: 'listing' } } });
  });

  describe('bad input', () => {
    it.each([
      ['not an object', 'hello'],
      ['no type', { payload: {} }],
      ['a number as type', { type: 5, payload: {} }],
    ])('rejects a message that is %s', async (_label, message) => {
      const handlers = createHandlers({ db, knowledge });
      const reply = await dispatch(toBackground, handlers, message, PANEL, OPTS);
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    });

    it('rejects an unknown message type', async () => {
      expect(await call('db/dropEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
    });

    it('names the bad field of an invalid payload', async () => {
      const reply = await call('highlight/create', { ...HIGHLIGHT, color: 'octarine' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
      expect(!reply.ok && reply.error.message).toMatch(/color/);
      expect(await db.highlights.count()).toBe(0);
    });

    it('rejects a position whose end is not after its start', async () => {
      const reply = await call('highlight/create', { ...HIGHLIGHT, position: { type: 'TextPositionSelector', start: 5, end: 5 } });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    });

    it('refuses messages from other extensions and page-only messages from content scripts', async () => {
      expect(await call('highlights/list', { url: 'x' }, STRANGER)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('tab/open', { tabId: 1 }, CONTENT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('page/analysis', { analysis: {} }, PANEL)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });

    it('turns a handler crash into an internal error reply', async () => {
      const handlers = createHandlers({
        db,
        knowledge: { ...knowledge, lookup: async () => Promise.reject(new Error('boom')) },
      });
      const reply = await dispatch(
        toBackground,
        handlers,
        { type: 'knowledge/lookup', payload: { entities: [], lang: 'en', site: 'x', context: '' } },
        PANEL,
        OPTS,
      );
      expect(reply).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
    });
  });
});
