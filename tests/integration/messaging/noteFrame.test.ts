import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers, type KnowledgeService } from '../../../entrypoints/background/handlers';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';

/*
 * Issue #13, finding 2: the page saw every note as it was typed, and every note came to the content script (in the
 * page's renderer). Notes are now read and written only in the note frame, an extension page framed into the
 * article; the frame learns which highlight it edits from its tab's grant, which only the page's own content script
 * can ask for, and only for its own article's highlight.
 */

const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const ALICE_URL = 'https://alice.example/2026/notes-on-the-summit';
const MALLORY_URL = 'https://mallory.example/totally-alice';
const SECRET = 'Alice’s private note: meet the source at 6';
const content = (url: string, tabId: number): SenderInfo => ({ id: OPTS.extensionId, url, tab: { id: tabId, url }, frameId: 0 });
/** The note frame inside a tab showing `tabUrl`. */
const frameIn = (tabId: number, tabUrl: string): SenderInfo => ({
  id: OPTS.extensionId,
  url: `${OPTS.extensionOrigin}/note-frame.html`,
  tab: { id: tabId, url: tabUrl },
  frameId: 7,
});
const ALICE = content(ALICE_URL, 1);
const MALLORY = content(MALLORY_URL, 2);
const PANEL: SenderInfo = { id: OPTS.extensionId, url: `${OPTS.extensionOrigin}/sidepanel.html` };

const articleRef = (url: string) => ({ url, pageUrl: url, title: 'Notes', byline: null, authors: [], siteName: null, lang: 'en', publishedTime: null, excerpt: null });
const selectors = {
  quote: { type: 'TextQuoteSelector', exact: 'the summit', prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: 10 },
};
const knowledge: KnowledgeService = {
  lookup: async () => ({}),
  choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }),
};

let db: BackstoryDB;
let closed: number[];
let call: (type: string, payload: unknown, sender: SenderInfo) => ReturnType<typeof dispatch>;
let id: string;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new BackstoryDB(`note-frame-${crypto.randomUUID()}`);
  closed = [];
  const handlers = createHandlers({ db, knowledge, openTab: async () => ({ status: 'idle', url: null }), closeNote: (tabId) => closed.push(tabId) });
  call = (type, payload, sender) => dispatch(toBackground, handlers, { type, payload }, sender, OPTS);
  const created = await call('highlight/create', { article: articleRef(ALICE_URL), ...selectors, color: 'green', note: SECRET }, PANEL);
  if (!created.ok) throw new Error(JSON.stringify(created));
  id = (created.data as { id: string }).id;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('notes never pass through the page', () => {
  it('gives a content script its own article’s highlights without their notes', async () => {
    const listed = await call('highlights/list', { url: ALICE_URL }, ALICE);
    expect(listed).toMatchObject({ ok: true, data: [{ id, note: '' }] });
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    for (const [type, payload] of [
      ['highlight/update', { id, color: 'blue' }],
      ['highlight/delete', { id }],
    ] as const) {
      const reply = await call(type, payload, ALICE);
      expect(reply.ok).toBe(true);
      expect(JSON.stringify(reply)).not.toContain(SECRET);
    }
  });

  it('refuses note text from a content script, even its own article’s', async () => {
    expect(await call('highlight/update', { id, note: 'typed in the page' }, ALICE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('highlight/create', { article: articleRef(ALICE_URL), ...selectors, color: 'blue', note: 'typed in the page' }, ALICE)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await db.highlights.get(id))?.note).toBe(SECRET);
    expect(await db.highlights.count()).toBe(1);
  });

  it('still lets the side panel read and write notes', async () => {
    expect(await call('highlight/update', { id, note: 'edited in the panel' }, PANEL)).toMatchObject({ ok: true, data: { note: 'edited in the panel' } });
    expect(await call('highlights/list', { url: ALICE_URL }, PANEL)).toMatchObject({ ok: true, data: [{ note: 'edited in the panel' }] });
  });
});

describe('the note frame gets its highlight from its tab’s grant', () => {
  it('shows the note the page’s own content script opened, and nothing before that', async () => {
    expect(await call('noteFrame/highlight', {}, frameIn(1, ALICE_URL))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('note/open', { id }, ALICE)).toEqual({ ok: true, data: { granted: true } });
    expect(await call('noteFrame/highlight', {}, frameIn(1, ALICE_URL))).toMatchObject({ ok: true, data: { id, note: SECRET } });
  });

  it('gives another site’s tab nothing: no grant for its content script, no note for a frame in it', async () => {
    expect(await call('note/open', { id }, MALLORY)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Mallory frames note-frame.html into her own page: her tab has no grant.
    expect(await call('noteFrame/highlight', {}, frameIn(2, MALLORY_URL))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // Alice's tab navigated to Mallory's page after the grant: the grant no longer fits the tab's page.
    await call('note/open', { id }, ALICE);
    const reply = await call('noteFrame/highlight', {}, frameIn(1, MALLORY_URL));
    expect(reply).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(JSON.stringify(reply)).not.toContain(SECRET);
  });

  it('answers only a frame inside a tab, and never a content script', async () => {
    await call('note/open', { id }, ALICE);
    expect(await call('noteFrame/highlight', {}, PANEL)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('noteFrame/highlight', {}, ALICE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('noteFrame/close', {}, ALICE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('closing the frame ends the grant and tells the page to remove it', async () => {
    await call('note/open', { id }, ALICE);
    expect(await call('noteFrame/close', {}, frameIn(1, ALICE_URL))).toEqual({ ok: true, data: { closed: true } });
    expect(closed).toEqual([1]);
    expect(await call('noteFrame/highlight', {}, frameIn(1, ALICE_URL))).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
