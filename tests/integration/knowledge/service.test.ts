import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createKnowledgeService } from '../../../entrypoints/background/knowledge';
import { BackstoryDB } from '../../../utils/db/schema';
import type { TabState } from '../../../utils/messaging/tabState';
import { endpoints, lookupsEnabled } from '../../../components/platform/settings';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/*
 * The background's knowledge service: the look-ups of an article start when its analysis is ready, and the panel's
 * request for the same article shares them instead of asking again; every request names Backstory with a contact URL.
 */

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/wiki/${name}`, import.meta.url), 'utf8');
const PKG = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { homepage: string };

let wiki: FakeWiki;
beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(() => wiki.close());
beforeEach(async () => {
  fakeBrowser.reset();
  // The fake browser has no manifest: the built one's version comes from package.json too.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Backstory', version: '0.1.0' });
  wiki.reset();
  await endpoints.setValue(wiki.endpoints);
  await lookupsEnabled.setValue(true);
});

function readyState(): TabState {
  const entities = (JSON.parse(fixture('seed-entities.json')) as Array<{ id: string; type: 'person' | 'place' | 'organization' | 'other'; name: string; aliases: string[] }>).map((e) => ({ ...e, mentions: [] }));
  const article = {
    title: 'Axis of outcasts', byline: null, authors: [], siteName: null, publishedTime: '2023-10-02T05:30:00.000Z', modifiedTime: null, lang: 'en', dir: 'ltr' as const,
    excerpt: null, text: SEED_TEXT, html: '', wordCount: 1000, readingMinutes: 5, leadImage: null, canonicalUrl: 'https://www.dailymeridian.example/opinion/axis',
  };
  return { status: 'ready', url: article.canonicalUrl, analysis: { url: article.canonicalUrl, extraction: { kind: 'article', article }, entities } } as unknown as TabState;
}

describe('the background knowledge service', () => {
  it('starts the look-ups with the analysis and shares them with the panel’s request: three requests in all', async () => {
    const db = new BackstoryDB(`service-${Date.now()}`);
    const service = createKnowledgeService(db);
    const state = readyState();
    service.prefetch?.(state);
    if (state.status !== 'ready' || state.analysis.extraction.kind !== 'article') throw new Error('bad state');
    const { article } = state.analysis.extraction;
    const results = await service.lookup({
      entities: state.analysis.entities.map(({ id, type, name, aliases }) => ({ id, type, name, aliases })),
      lang: article.lang,
      site: 'dailymeridian.example',
      context: article.text,
    });
    expect(results['person:vladimir-putin']).toMatchObject({ status: 'linked', card: { title: 'Vladimir Putin', detailed: false } });
    expect(wiki.apiRequests()).toHaveLength(3);
    for (const r of wiki.apiRequests()) expect(r.headers['api-user-agent']).toMatch(new RegExp(`^Backstory/\\S+ \\(${PKG.homepage.replace(/[.]/g, '\\.')}; `));
    // A card opened afterwards loads its details: two requests, once.
    const putin = results['person:vladimir-putin'];
    if (putin?.status !== 'linked') throw new Error('not linked');
    const opened = await service.details?.({ entity: { id: 'person:vladimir-putin', type: 'person', name: 'Vladimir Putin', aliases: [] }, lang: 'en', card: putin.card });
    expect(opened).toMatchObject({ status: 'linked', card: { detailed: true } });
    expect(wiki.apiRequests()).toHaveLength(5);
    db.close();
    await db.delete();
  });

  it('sends nothing when look-ups are off, prefetch included', async () => {
    await lookupsEnabled.setValue(false);
    const db = new BackstoryDB(`service-off-${Date.now()}`);
    const service = createKnowledgeService(db);
    service.prefetch?.(readyState());
    const r = await service.lookup({ entities: [{ id: 'person:x', type: 'person', name: 'Vladimir Putin', aliases: [] }], lang: 'en', site: 'x', context: '' });
    expect(r['person:x']).toMatchObject({ status: 'error', reason: 'disabled' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(wiki.requests).toHaveLength(0);
    db.close();
    await db.delete();
  });
});
