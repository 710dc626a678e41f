import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';

/*
 * Issue #13, finding 3: the background trusted any content script with any site's data. This walks the protocol
 * table: EVERY message a content script may send must have a forged case below, sent from mallory.github.io's
 * content script at alice.github.io's records. Each must leave Alice's records as they were and leak nothing of
 * them; the same payload from Alice's own page must work (so the refusal is the scope check, not a bad payload).
 */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const ALICE_URL = 'https://alice.github.io/2026/notes-on-the-summit';
const MALLORY_URL = 'https://mallory.github.io/totally-alice';
const content = (url: string, tabId: number): SenderInfo => ({ id: OPTS.extensionId, url, tab: { id: tabId, url }, frameId: 0 });
const ALICE = content(ALICE_URL, 1);
const MALLORY = content(MALLORY_URL, 2);
const PANEL: SenderInfo = { id: OPTS.extensionId, url: `${OPTS.extensionOrigin}/sidepanel.html` };
const SECRET = 'Alice’s private note: meet the source at 6';

const articleRef = (url: string) => ({ url, pageUrl: url, title: 'Notes on the summit', byline: null, authors: [], siteName: null, lang: 'en', publishedTime: null, excerpt: null });
const selectors = {
  quote: { type: 'TextQuoteSelector', exact: 'the summit', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 10 },
};
const analysisOf = (url: string) => ({
  url,
  extraction: {
    kind: 'article',
    article: { title: 'T', byline: null, authors: [], siteName: null, publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', excerpt: null, text: 'the summit', html: '<p>the summit</p>', wordCount: 2, readingMinutes: 1, leadImage: null, canonicalUrl: url },
  },
  entities: [],
  analyzedAt: 1,
});

/** A forged payload per content-sendable message, aimed at Alice's article; `works` = Alice's own page may send it. */
const FORGED: Record<string, { payload: (aliceHighlight: string) => unknown; works: boolean }> = {
  'page/hello': { payload: () => ({ url: ALICE_URL, canonical: ALICE_URL }), works: true },
  'page/analysis': { payload: () => ({ analysis: analysisOf(ALICE_URL) }), works: true },
  'page/anchors': { payload: (id) => ({ url: ALICE_URL, orphaned: [id] }), works: false },
  'highlights/list': { payload: () => ({ url: ALICE_URL }), works: true },
  'highlight/create': { payload: () => ({ article: articleRef(ALICE_URL), ...selectors, color: 'pink' }), works: true },
  'highlight/update': { payload: (id) => ({ id, color: 'pink' }), works: true },
  'note/open': { payload: (id) => ({ id }), works: true },
  'settings/underline': { payload: () => ({}), works: true },
  'highlight/delete': { payload: (id) => ({ id }), works: true },
  'article/entities': { payload: () => ({ url: ALICE_URL, entities: [] }), works: true },
  'knowledge/lookup': { payload: () => ({ entities: [], lang: 'en', site: 'alice.github.io', context: '' }), works: true },
};

const knowledge: KnowledgeService = {
  lookup: async () => ({}),
  choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
};

let db: BackstoryDB;
let opened: number[];
let call: (type: string, payload: unknown, sender: SenderInfo) => ReturnType<typeof dispatch>;
let aliceHighlight: string;

async function snapshot() {
  return { articles: await db.articles.toArray(), highlights: await db.highlights.toArray(), notes: await db.notes.toArray() };
}

beforeEach(async () => {
  fakeBrowser.reset();
  db = new BackstoryDB(`scope-${crypto.randomUUID()}`);
  opened = [];
  const handlers = createHandlers({ db, knowledge, openTab: async () => ({ status: 'idle', url: null }), onSavedPage: (tabId) => opened.push(tabId) });
  call = (type, payload, sender) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
  const created = await call('highlight/create', { article: articleRef(ALICE_URL), ...selectors, color: 'green', note: SECRET }, PANEL);
  if (!created.ok) throw new Error(JSON.stringify(created));
  aliceHighlight = (created.data as { id: string }).id;
  await call('note/save', { article: articleRef(ALICE_URL), body: SECRET }, PANEL);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const contentSendable = Object.entries(toBackground)
  .filter(([, def]) => def.from === 'content' || def.from === 'any')
  .map(([type]) => type);

describe('sender scope: the protocol table, walked', () => {
  it('has a forged case for every message a content script may send (add one for a new message)', () => {
    expect(contentSendable.filter((type) => !(type in FORGED))).toEqual([]);
  });

  it.each(contentSendable)('%s from mallory.github.io leaves alice.github.io’s records untouched and unleaked', async (type) => {
    const forged = FORGED[type];
    if (!forged) throw new Error(`no forged case for ${type}`);
    const before = await snapshot();
    const reply = await call(type, forged.payload(aliceHighlight), MALLORY);
    expect(await snapshot()).toEqual(before);
    const text = JSON.stringify(reply);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(aliceHighlight);
    expect(opened).toEqual([]);
    if (reply.ok) expect(reply.data).not.toEqual(expect.objectContaining({ saved: true }));
    // Nothing about Alice's article is put in Mallory's tab state for the side panel to show.
    const state = (await fakeBrowser.storage.session.get('tab:2'))['tab:2'] as { analysis?: { extraction?: { article?: { canonicalUrl?: string } } } } | undefined;
    expect(state?.analysis?.extraction?.article?.canonicalUrl).not.toBe(ALICE_URL);
  });

  it.each(contentSendable.filter((type) => FORGED[type]?.works))('%s from alice.github.io itself works (the refusal above is the scope check)', async (type) => {
    const reply = await call(type, FORGED[type]!.payload(aliceHighlight), ALICE);
    expect(reply).toMatchObject({ ok: true });
  });

  it('answers page/hello from the sender’s URL, not the payload’s', async () => {
    expect(await call('page/hello', { url: ALICE_URL, canonical: null }, MALLORY)).toEqual({ ok: true, data: { saved: false } });
    expect(await call('page/hello', { url: MALLORY_URL, canonical: null }, ALICE)).toEqual({ ok: true, data: { saved: true } });
  });

  it('records the page the reader was on from the sender, whatever the payload says', async () => {
    const reply = await call('highlight/create', { article: { ...articleRef(ALICE_URL), pageUrl: 'https://alice.github.io/else' }, ...selectors, color: 'blue' }, content(`${ALICE_URL}?utm_source=x`, 1));
    expect(reply.ok).toBe(true);
    expect((await db.articles.toArray())[0]!.pageUrl).toBe(`${ALICE_URL}?utm_source=x`);
  });
});

describe('sender scope: who may send at all', () => {
  it.each<[string, SenderInfo]>([
    ['another extension', { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/x.html' }],
    ['a web page (no extension id)', { url: ALICE_URL, tab: { id: 1, url: ALICE_URL } }],
    ['a subframe of Alice’s page', { ...ALICE, frameId: 3 }],
    ['a content script on a non-web page', content('file:///home/alice/notes.html', 5)],
  ])('refuses every message from %s', async (_label, sender) => {
    const before = await snapshot();
    for (const type of Object.keys(toBackground)) {
      const reply = await call(type, FORGED[type]?.payload(aliceHighlight) ?? {}, sender);
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it.each(['highlight/restore', 'note/save', 'tab/open', 'knowledge/choose'])('keeps %s to extension pages', async (type) => {
    expect(toBackground[type as keyof typeof toBackground].from).toBe('extension-page');
    expect(await call(type, {}, ALICE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('look-ups from a page speak for its own tab only', () => {
  it('refuses a content script naming another tab, and answers the same look-up for its own', async () => {
    const payload = { entities: [], lang: 'en', site: 'alice.github.io', context: '' };
    expect(await call('knowledge/lookup', { ...payload, tabId: 99 }, ALICE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('knowledge/lookup', { ...payload, tabId: 1 }, ALICE)).toMatchObject({ ok: true });
    // The side panel names the tab it shows: allowed.
    expect(await call('knowledge/lookup', { ...payload, tabId: 99 }, PANEL)).toMatchObject({ ok: true });
  });
});
