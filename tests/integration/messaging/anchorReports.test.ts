import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetAnchors, getTabState, recordAnchors, setTabState } from '../../../entrypoints/background/tabState';
import type { PageAnalysis, TabState } from '../../../utils/messaging/tabState';

/*
 * The page's anchor report (which saved highlights it could not place) and the analysis of the same page load reach
 * the background in any order and the analysis can be stored more than once (the page's own report and the panel's
 * "open"): the orphan list must survive every such order (the orphan e2e lost it under CI load).
 */

const URL_A = 'https://news.example/a';

function ready(url: string): TabState {
  const analysis = { url, extraction: { kind: 'article', article: { canonicalUrl: url } } } as unknown as PageAnalysis;
  return { status: 'ready', url, analysis };
}

async function orphansOf(tabId: number): Promise<string[] | undefined> {
  const state = await getTabState(tabId);
  return state?.status === 'ready' ? state.orphaned : undefined;
}

describe('anchor reports kept per tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows a report at once when the tab already has the analysis', async () => {
    await setTabState(3, ready(URL_A));
    expect(await recordAnchors(3, URL_A, ['h1'])).toBe(true);
    expect(await orphansOf(3)).toEqual(['h1']);
  });

  it('keeps a report that beat its analysis, through every later write of that analysis', async () => {
    await setTabState(3, { status: 'working', url: URL_A });
    expect(await recordAnchors(3, URL_A, ['h1'])).toBe(false);
    await setTabState(3, ready(URL_A));
    expect(await orphansOf(3)).toEqual(['h1']);
    // The same analysis stored again (the panel's open after the page's own report): the list stays.
    await setTabState(3, { status: 'working', url: URL_A });
    await setTabState(3, ready(URL_A));
    expect(await orphansOf(3)).toEqual(['h1']);
  });

  it('does not give a report to another article or another tab', async () => {
    await recordAnchors(3, URL_A, ['h1']);
    await setTabState(3, ready('https://news.example/b'));
    await setTabState(4, ready(URL_A));
    expect(await orphansOf(3)).toBeUndefined();
    expect(await orphansOf(4)).toBeUndefined();
  });

  it('forgets the report when the tab navigates, and a newer report replaces an older one', async () => {
    await recordAnchors(3, URL_A, ['h1']);
    await forgetAnchors(3);
    await setTabState(3, ready(URL_A));
    expect(await orphansOf(3)).toBeUndefined();
    await recordAnchors(3, URL_A, ['h2']);
    await recordAnchors(3, URL_A, []);
    expect(await orphansOf(3)).toEqual([]);
  });
});
