import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openTab } from '../../../entrypoints/background/analysis';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { getTabState } from '../../../entrypoints/background/tabState';
import { BackstoryDB } from '../../../utils/db/schema';
import { toBackground } from '../../../utils/messaging/protocol';
import { dispatch, type SenderInfo } from '../../../utils/messaging/router';
import type { PageAnalysis, TabState } from '../../../utils/messaging/tabState';

/*
 * The panel page asks the background to open its tab twice (entrypoints/panel-early.ts as the page loads, the app once
 * it has rendered): the second request joins the first, so the analyser is injected and asked once.
 */

const URL_A = 'https://news.example/a';
const OPTS = { extensionId: 'backstory-test', extensionOrigin: 'chrome-extension://backstory-test' };
const analysis = { url: URL_A, extraction: { kind: 'not-article', reason: 'test' }, entities: [], analyzedAt: 0 } as unknown as PageAnalysis;

describe('openTab', () => {
  let injected: ReturnType<typeof vi.fn>;
  let asked: ReturnType<typeof vi.fn>;
  let tabId: number;
  beforeEach(async () => {
    fakeBrowser.reset();
    tabId = (await fakeBrowser.tabs.create({ url: URL_A })).id!;
    injected = vi.fn(async () => []);
    asked = vi.fn(async () => {
      await new Promise((done) => setTimeout(done, 20));
      return { ok: true, data: analysis };
    });
    (fakeBrowser as unknown as { scripting: { executeScript: unknown } }).scripting = { executeScript: injected };
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(asked as never);
  });

  it('joins an opening of the same page under way instead of analysing twice', async () => {
    const [first, second] = await Promise.all([openTab(tabId, false), openTab(tabId, false)]);
    expect(first).toEqual(second);
    expect(first.status).toBe('ready');
    expect(injected).toHaveBeenCalledTimes(1);
    expect(asked).toHaveBeenCalledTimes(1);
    expect((await getTabState(tabId))?.status).toBe('ready');
  });

  it('runs again when forced, and reuses the stored analysis afterwards', async () => {
    await openTab(tabId, false);
    await openTab(tabId, true);
    expect(asked).toHaveBeenCalledTimes(2);
    await openTab(tabId, false);
    expect(asked).toHaveBeenCalledTimes(2);
  });
});

describe('tab/open', () => {
  it("starts an opening's look-ups once when the panel's two asks join it", async () => {
    fakeBrowser.reset();
    const db = new BackstoryDB(`open-${crypto.randomUUID()}`);
    const prefetched: TabState[] = [];
    const joined: TabState = { status: 'ready', url: URL_A, analysis };
    let fresh = 0;
    const handlers = createHandlers({
      db,
      knowledge: { lookup: async () => ({}), choose: async () => ({ status: 'unlinked', reason: 'reader-chose-none', candidates: [] }), prefetch: (state) => void prefetched.push(state) },
      // The first two answers are one opening's (the same object); the third a later, separate one.
      openTab: async () => (fresh++ < 2 ? joined : { ...joined }),
      historyOn: async () => false,
    });
    const PANEL: SenderInfo = { id: 'backstory-test', url: 'chrome-extension://backstory-test/sidepanel.html' };
    const open = () => dispatch(toBackground, handlers, { type: 'tab/open', payload: { tabId: 3, force: false } }, PANEL, OPTS);
    await open();
    await open();
    expect(prefetched).toHaveLength(1);
    await open();
    expect(prefetched).toHaveLength(2);
    db.close();
    await Dexie.delete(db.name);
  });
});
