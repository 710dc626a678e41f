import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { BackstoryDB } from '../../../utils/db/schema';
import { otherReadsCount } from '../../../utils/history/entityPage';
import type { LinkResult } from '../../../utils/knowledge/types';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';
import type { TabState } from '../../../utils/messaging/tabState';
import { concernsPrivateWindow, type GetTab } from '../../../components/platform/privateWindows';
import { historyEnabled } from '../../../components/platform/settings';

/*
 * The reading history through the background's handlers (issue 16): recorded when an analysis arrives, never in a
 * private window or with the setting off, linked by the look-ups, cleared only by an extension page.
 */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const URL_A = 'https://news.example/a';
const NORMAL_TAB = 7;
const PRIVATE_TAB = 11;
const content = (url: string, tab: number, incognito = false): SenderInfo => ({ id: 'backstory-test', url, tab: { id: tab, url, incognito } });
const PANEL: SenderInfo = { id: 'backstory-test', url: 'chrome-extension://backstory-test/sidepanel.html' };
const TEXT = 'Vladimir Putin met Kim Jong Un in Khasan.';
const ENTITY = { id: 'p:kim', type: 'person', name: 'Kim Jong Un', aliases: [], mentions: [{ start: 19, end: 30, text: 'Kim Jong Un' }] };
const analysis = (url: string) => ({
  url,
  extraction: {
    kind: 'article',
    article: {
      title: 'A title', byline: null, authors: [], siteName: 'News', publishedTime: '2024-03-01T00:00:00Z', modifiedTime: null, lang: 'en', dir: 'ltr',
      excerpt: null, text: TEXT, html: `<p>${TEXT}</p>`, wordCount: 8, readingMinutes: 1, leadImage: null, canonicalUrl: url,
    },
  },
  entities: [ENTITY],
  analyzedAt: 1,
});
const tabs: GetTab = async (tabId) => ({ [PRIVATE_TAB]: { incognito: true }, [NORMAL_TAB]: { incognito: false } })[tabId];
const LINKED: LinkResult = {
  status: 'linked',
  card: { lang: 'en', fellBackToEnglish: false, title: 'Kim Jong Un', qid: 'Q56226', description: null, extractHtml: null, thumbnail: null, pageUrl: 'https://en.wikipedia.org/wiki/Kim_Jong_Un', facts: [], coordinates: null, fictional: false },
  candidates: [],
  chosenByReader: false,
};

let db: BackstoryDB;
let call: (type: string, payload: unknown, sender: SenderInfo) => ReturnType<typeof dispatch>;

beforeEach(() => {
  fakeBrowser.reset();
  db = new BackstoryDB(`history-handlers-${crypto.randomUUID()}`);
  const knowledge: KnowledgeService = {
    lookup: async ({ entities }) => Object.fromEntries(entities.map((e) => [e.id, LINKED])),
    choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
  };
  const openTab = async (tabId: number): Promise<TabState> => ({ status: 'ready', url: URL_A, analysis: analysis(URL_A) as never });
  const handlers = createHandlers({ db, knowledge, openTab, isPrivate: (ctx, tabId) => concernsPrivateWindow(ctx, tabId, tabs) });
  call = (type, payload, sender) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('the reading history in the background', () => {
  it('remembers an article when its analysis arrives, from the page or from the panel opening it', async () => {
    expect(await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, NORMAL_TAB))).toMatchObject({ ok: true });
    expect(await db.reads.where('url').equals(URL_A).count()).toBe(1);
    expect(await otherReadsCount(db, 'person:kim jong un', 'https://elsewhere.example/')).toBe(1);
    await db.reads.clear();
    expect(await call('tab/open', { tabId: NORMAL_TAB }, PANEL)).toMatchObject({ ok: true });
    expect(await db.reads.count()).toBe(1);
  });

  it('remembers nothing from a private window, whoever sends the analysis', async () => {
    await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, PRIVATE_TAB, true));
    await call('tab/open', { tabId: PRIVATE_TAB }, PANEL);
    await call('knowledge/lookup', { entities: [ENTITY], lang: 'en', site: 'news.example', context: TEXT, tabId: PRIVATE_TAB }, PANEL);
    expect([await db.reads.count(), await db.entities.count(), await db.mentions.count()]).toEqual([0, 0, 0]);
  });

  it('remembers nothing while the setting is off', async () => {
    await historyEnabled.setValue(false);
    await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, NORMAL_TAB));
    await call('tab/open', { tabId: NORMAL_TAB }, PANEL);
    expect(await db.reads.count()).toBe(0);
    await historyEnabled.setValue(true);
    await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, NORMAL_TAB));
    expect(await db.reads.count()).toBe(1);
  });

  it('gives the names their Wikidata identity when the look-up links them', async () => {
    await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, NORMAL_TAB));
    expect(await call('knowledge/lookup', { entities: [ENTITY], lang: 'en', site: 'news.example', context: TEXT, tabId: NORMAL_TAB }, PANEL)).toMatchObject({ ok: true });
    expect((await db.mentions.toArray()).map((m) => m.entityKey)).toEqual(['Q56226']);
    expect(await db.entities.where('key').equals('Q56226').first()).toMatchObject({ name: 'Kim Jong Un', aliasKeys: ['person:kim jong un'] });
  });

  it('never records another site’s article that a page claims to be', async () => {
    await call('page/analysis', { analysis: analysis(URL_A) }, content('https://mallory.example/x', 3));
    expect(await db.reads.count()).toBe(0);
  });

  it('is cleared by an extension page, never by a page', async () => {
    await call('page/analysis', { analysis: analysis(URL_A) }, content(URL_A, NORMAL_TAB));
    expect(await call('history/clear', {}, content(URL_A, NORMAL_TAB))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.reads.count()).toBe(1);
    expect(await call('history/clear', {}, PANEL)).toEqual({ ok: true, data: { cleared: true } });
    expect([await db.reads.count(), await db.entities.count(), await db.mentions.count()]).toEqual([0, 0, 0]);
  });
});
