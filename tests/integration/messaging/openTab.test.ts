import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openTab } from '../../../entrypoints/background/analysis';
import { getTabState } from '../../../entrypoints/background/tabState';
import type { PageAnalysis } from '../../../utils/messaging/tabState';

/*
 * The panel page asks the background to open its tab twice (entrypoints/panel-early.ts as the page loads, the app once
 * it has rendered): the second request joins the first, so the analyser is injected and asked once.
 */

const URL_A = 'https://news.example/a';
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
