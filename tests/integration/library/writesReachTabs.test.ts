import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { notifyTabs } from '../../../entrypoints/background/notifyTabs';
import { setTabState } from '../../../entrypoints/background/tabState';
import type { BackstoryDB } from '../../../utils/db/schema';
import type { DeletedArticle } from '../../../utils/library/deleteArticle';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';
import { SAVED_CHANGED_KEY } from '../../../components/platform/privateWindows';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { fill, freshDb } from './testDb';

/*
 * Issue #19, item 2: the library page wrote Dexie itself, so deleting an article there never reached the tabs
 * showing it (its highlights stayed painted; a note typed on one was silently lost). The library now writes through
 * the background, whose handlers tell the tabs with the panel's own path (notifyTabs → content/highlightsChanged).
 */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const LIBRARY: SenderInfo = { id: OPTS.extensionId, url: `${OPTS.extensionOrigin}/library.html` };
const lib = seedLibrary();
const axis = lib.articles.find((a) => a.url.includes('thedailystar'))!;
const grain = lib.articles.find((a) => a.url.includes('theguardian'))!;
const AXIS_TAB = 5;
const GRAIN_TAB = 6;
const OTHER_TAB = 7;

const knowledge: KnowledgeService = {
  lookup: async () => ({}),
  choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
};

/** A tab whose analyser has read `url` (what tabsShowing looks for). */
const showing = (url: string) => ({
  status: 'ready' as const,
  url,
  analysis: {
    url,
    extraction: {
      kind: 'article' as const,
      article: { title: 'T', byline: null, authors: [], siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr' as const, excerpt: null, text: 't', html: '<p>t</p>', wordCount: 1, readingMinutes: 1, leadImage: null, canonicalUrl: url },
    },
    entities: [],
    analyzedAt: 1,
  },
});

let db: BackstoryDB;
let told: Array<{ tabId: number; message: unknown }>;
let pending: Promise<void>[];
let call: (type: string, payload: unknown) => ReturnType<typeof dispatch>;

/** Every notification the handlers started, finished (the background does not wait for them; the test must). */
const settled = () => Promise.all(pending);

beforeEach(async () => {
  fakeBrowser.reset();
  db = await freshDb();
  await fill(db, lib);
  told = [];
  pending = [];
  // The content scripts of three tabs: two show saved articles, one a page with nothing saved.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: unknown) => {
    told.push({ tabId, message });
    return { ok: true, data: { painted: 0 } };
  }) as never);
  await setTabState(AXIS_TAB, showing(axis.url));
  await setTabState(GRAIN_TAB, showing(grain.url));
  await setTabState(OTHER_TAB, { status: 'idle', url: 'https://example.com/' });
  const handlers = createHandlers({ db, knowledge, onHighlightsChanged: (url) => void pending.push(notifyTabs(url)) });
  call = (type, payload) => dispatch(toBackground, handlers, { type, payload }, LIBRARY, OPTS);
});
afterEach(async () => {
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

const repaints = () => told.filter((t) => (t.message as { type: string }).type === 'content/highlightsChanged');

describe('library writes reach the open tabs', () => {
  it('deleting an article in the library tells the tab showing it to repaint (its highlights are gone), and only that tab', async () => {
    const reply = await call('article/delete', { id: axis.id });
    expect(reply.ok).toBe(true);
    await settled();
    expect(await db.highlights.where('articleId').equals(axis.id).count()).toBe(0);
    expect(repaints()).toEqual([{ tabId: AXIS_TAB, message: { type: 'content/highlightsChanged', payload: { url: axis.url } } }]);
    // A private window's sidebar, which cannot watch Dexie, hears of it too.
    expect((await fakeBrowser.storage.session.get(SAVED_CHANGED_KEY))[SAVED_CHANGED_KEY]).toMatchObject({ url: axis.url });
  });

  it('undo puts the article back exactly as it was and repaints the tab again', async () => {
    const deleted = await call('article/delete', { id: axis.id });
    if (!deleted.ok) throw new Error(JSON.stringify(deleted));
    const record = (deleted.data as { deleted: DeletedArticle }).deleted;
    expect(record.highlights).toHaveLength(2);
    await settled();
    told = [];
    expect(await call('article/restore', { deleted: record })).toEqual({ ok: true, data: { restored: true } });
    await settled();
    expect((await db.highlights.where('articleId').equals(axis.id).toArray()).map((h) => h.id).sort()).toEqual(record.highlights.map((h) => h.id).sort());
    expect(repaints().map((t) => t.tabId)).toEqual([AXIS_TAB]);
  });

  it('refuses an undo that would put another article’s records under this one', async () => {
    const deleted = await call('article/delete', { id: axis.id });
    if (!deleted.ok) throw new Error(JSON.stringify(deleted));
    const record = (deleted.data as { deleted: DeletedArticle }).deleted;
    const forged = { ...record, highlights: record.highlights.map((h) => ({ ...h, articleId: grain.id })) };
    expect(await call('article/restore', { deleted: forged })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
  });

  it('deleting everything tells every tab that showed a saved article', async () => {
    expect(await call('library/clear', {})).toEqual({ ok: true, data: { cleared: true } });
    await settled();
    expect(await db.articles.count()).toBe(0);
    expect(repaints().map((t) => t.tabId).sort()).toEqual([AXIS_TAB, GRAIN_TAB]);
  });

  it('renaming or deleting a tag tells the tabs whose highlights carry it', async () => {
    const tagged = lib.highlights.find((h) => h.tags.length > 0)!;
    const tag = tagged.tags[0]!;
    const reply = await call('tags/delete', { tag });
    expect(reply).toMatchObject({ ok: true });
    await settled();
    expect(repaints().map((t) => (t.message as { payload: { url: string } }).payload.url)).toContain(tagged.url);
    expect(await call('tags/rename', { from: 'no such tag', to: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-message', message: 'A tag cannot be empty.' } });
  });

  it('an import the library page wrote itself is announced: every tab showing a saved article repaints', async () => {
    expect(await call('library/changed', {})).toEqual({ ok: true, data: { notified: 2 } });
    await settled();
    expect(repaints().map((t) => t.tabId).sort()).toEqual([AXIS_TAB, GRAIN_TAB]);
  });

  it('a content script may send none of the library’s writes', async () => {
    const page: SenderInfo = { id: OPTS.extensionId, url: axis.url, tab: { id: AXIS_TAB, url: axis.url }, frameId: 0 };
    const handlers = createHandlers({ db, knowledge });
    for (const [type, payload] of [
      ['article/delete', { id: axis.id }],
      ['library/clear', {}],
      ['tags/delete', { tag: 'russia' }],
      ['article/tags', { id: axis.id, tags: [] }],
      ['library/changed', {}],
    ] as const) {
      expect(await dispatch(toBackground, handlers, { type, payload }, page, OPTS), type).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await db.articles.count()).toBe(2);
  });
});
