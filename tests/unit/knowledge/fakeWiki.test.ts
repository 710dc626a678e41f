import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';

// The fake must speak the real wire formats, or tests against it prove nothing about the real APIs.
let wiki: FakeWiki;
beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(async () => {
  await wiki.close();
});

describe('fake Wikipedia/Wikidata server', () => {
  it('answers CORS preflights allowing Api-User-Agent', async () => {
    const res = await fetch(`${wiki.url}/en/w/api.php?action=query`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'api-user-agent' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Api-User-Agent/i);
  });

  it('batched query: normalisation, redirects, missing and invalid titles, formatversion=2 shapes', async () => {
    const q = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', redirects: '1', prop: 'pageprops|description', titles: 'kim_Jong-un|Nowhere Land|Bad<Title|Russia' });
    const res = await fetch(`${wiki.url}/en/w/api.php?${q}`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await res.json();
    expect(body.batchcomplete).toBe(true);
    expect(body.query.normalized).toEqual([{ fromencoded: false, from: 'kim_Jong-un', to: 'Kim Jong-un' }]);
    expect(body.query.redirects).toEqual([{ from: 'Kim Jong-un', to: 'Kim Jong Un' }]);
    expect(body.query.pages).toEqual(
      expect.arrayContaining([
        { ns: 0, title: 'Nowhere Land', missing: true },
        expect.objectContaining({ title: 'Bad<Title', invalid: true }),
        expect.objectContaining({ title: 'Kim Jong Un', pageid: 29461911, pageprops: { wikibase_item: 'Q56226' } }),
      ]),
    );
  });

  it('gives at most 20 extracts per request and continues, as TextExtracts does', async () => {
    const titles = ['Vladimir Putin', 'Kim Jong Un', 'Xi Jinping', 'Russia', 'China', 'North Korea', 'South Korea', 'Ukraine', 'United States', 'Pyongyang', 'Moscow', 'Soviet Union', 'Lake Khasan', 'Mickey Mouse', 'Donald Duck', 'Warsaw Pact', 'The New School', 'United Nations', 'Moscow Kremlin', 'Vostochny Cosmodrome', 'Nina Khrushcheva'];
    const q = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', prop: 'extracts', exintro: '1', exsentences: '2', titles: titles.join('|') });
    const body = await (await fetch(`${wiki.url}/en/w/api.php?${q}`)).json();
    expect(body.query.pages.filter((p: { extract?: string }) => p.extract)).toHaveLength(20);
    expect(body.continue).toMatchObject({ excontinue: 20 });
  });

  it('generator=links: the pages a disambiguation page lists, with their props, in formatversion=2 shape', async () => {
    const q = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', redirects: '1', generator: 'links', gplnamespace: '0', gpllimit: 'max', prop: 'pageprops|description|extracts', exintro: '1', exsentences: '2', titles: 'Khasan' });
    const body = await (await fetch(`${wiki.url}/en/w/api.php?${q}`)).json();
    expect(body.batchcomplete).toBe(true);
    const titles = body.query.pages.map((p: { title: string }) => p.title);
    expect(titles).toEqual(expect.arrayContaining(['Khasan, Primorsky Krai', 'Lake Khasan', 'Battle of Lake Khasan', 'Khasansky District', 'Russia']));
    // The disambiguation page itself is not in the generated set; a red link comes back missing.
    expect(titles).not.toContain('Khasan');
    expect(body.query.pages).toEqual(expect.arrayContaining([{ ns: 0, title: 'Urban-type settlement', missing: true }]));
    const lake = body.query.pages.find((p: { title: string }) => p.title === 'Lake Khasan');
    expect(lake).toMatchObject({ pageprops: { wikibase_item: 'Q1335862' }, description: 'Lake in Primorsky Krai, Russia' });
    expect(lake.extract).toMatch(/^<p><b>Lake Khasan<\/b>/);
  });

  it('serves more than one language: English, German and French', async () => {
    const ask = async (lang: string, title: string) => {
      const q = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', prop: 'pageprops', titles: title });
      return (await (await fetch(`${wiki.url}/${lang}/w/api.php?${q}`)).json()).query.pages[0];
    };
    expect(await ask('de', 'Russland')).toMatchObject({ pageprops: { wikibase_item: 'Q159' } });
    expect(await ask('fr', 'Moscou')).toMatchObject({ pageprops: { wikibase_item: 'Q649' } });
    expect(await ask('fr', 'Kim Jong Un')).toMatchObject({ missing: true });
  });

  it('REST summary: 302 for a redirect, the summary profile content type, 404 as problem+json', async () => {
    const res = await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Kim_Jong-un`);
    expect(res.url).toMatch(/\/summary\/Kim_Jong_Un$/);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/Summary/1.5.0"');
    const body = await res.json();
    expect(body).toMatchObject({ type: 'standard', title: 'Kim_Jong_Un', wikibase_item: 'Q56226', titles: { canonical: 'Kim_Jong_Un' } });
    const dis = await (await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Khasan`)).json();
    expect(dis.type).toBe('disambiguation');
    const missing = await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Sadsd`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });

  it('has the same keys as the real recordings (REST summary, REST 404, Action API page)', async () => {
    const real = (f: string) => JSON.parse(readFileSync(new URL(`../../fixtures/wiki/real/${f}`, import.meta.url), 'utf8'));
    const keys = (o: object) => Object.keys(o).sort();
    const moscow = await (await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Moscow`)).json();
    expect(keys(moscow)).toEqual(keys(real('rest-page-summary-Moscow.json')));
    expect(keys(moscow.content_urls.desktop)).toEqual(keys(real('rest-page-summary-Moscow.json').content_urls.desktop));
    const notFound = await (await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Sadsd`)).json();
    expect(keys(notFound)).toEqual(keys(real('rest-not-found.json')));
    const q = new URLSearchParams({ action: 'query', format: 'json', formatversion: '2', prop: 'description|pageimages|coordinates|pageprops|info', piprop: 'thumbnail', inprop: 'url', titles: 'Pyongyang' });
    const page = (await (await fetch(`${wiki.url}/en/w/api.php?${q}`)).json()).query.pages[0];
    const realKeys = new Set([
      ...real('action-query-pageprops-redirects-Earth-Ninja.json').query.pages.flatMap((p: object) => Object.keys(p)),
      ...real('action-search-generator-prefixsearch-Barack.json').query.pages.flatMap((p: object) => Object.keys(p)),
    ]);
    for (const k of Object.keys(page)) expect(realKeys, k).toContain(k);
  });

  it('serves a hostile extract_html for sanitiser tests', async () => {
    const body = await (await fetch(`${wiki.url}/en/api/rest_v1/page/summary/Evil_Corp`)).json();
    expect(body.extract_html).toMatch(/<script>alert\("x"\)<\/script>/);
    expect(body.extract_html).toMatch(/onerror="alert\(1\)"/);
  });

  it('wbgetentities: props and languages filters, missing ids, invalid ids as an HTTP-200 error', async () => {
    const body = await (await fetch(`${wiki.url}/wikidata/w/api.php?action=wbgetentities&ids=Q4018|Q99999999&props=labels&languages=en&format=json`)).json();
    expect(body).toEqual({ entities: { Q4018: { type: 'item', id: 'Q4018', labels: { en: { language: 'en', value: 'Primorsky Krai' } } }, Q99999999: { id: 'Q99999999', missing: '' } }, success: 1 });
    const err = await fetch(`${wiki.url}/wikidata/w/api.php?action=wbgetentities&ids=User%20talk:X&format=json`);
    expect(err.status).toBe(200);
    expect((await err.json()).error.code).toBe('no-such-entity');
  });

  it('records requests with their headers', async () => {
    wiki.reset();
    await fetch(`${wiki.url}/en/w/api.php?action=query&formatversion=2&titles=Russia`, { headers: { 'Api-User-Agent': 'Backstory/test' } });
    expect(wiki.apiRequests()).toHaveLength(1);
    expect(wiki.apiRequests()[0]).toMatchObject({ method: 'GET', path: '/en/w/api.php', query: { titles: 'Russia' }, headers: { 'api-user-agent': 'Backstory/test' } });
  });
});
