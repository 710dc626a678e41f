import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { continuesProps } from '../../../utils/knowledge/queryTitles';
import { parseQueryResponse, toWikiPage } from '../../../utils/knowledge/wikiPage';
import { actionApiUrl, wbGetEntitiesUrl, wikiLang } from '../../../utils/knowledge/wikiUrls';

const real = (file: string) => JSON.parse(readFileSync(new URL(`../../fixtures/wiki/real/${file}`, import.meta.url), 'utf8')) as unknown;

describe('Action API responses (real recordings)', () => {
  it('reads pageprops.wikibase_item and titles from a batched query', () => {
    const body = parseQueryResponse(real('action-query-pageprops-redirects-Earth-Ninja.json'));
    const pages = (body.query?.pages ?? []).map(toWikiPage);
    expect(pages.map((p) => [p?.title, p?.qid, p?.disambiguation])).toEqual([
      ['Earth', 'Q2', false],
      ['Ninja', 'Q9402', false],
    ]);
    expect(pages[0]?.url).toBe('https://en.wikipedia.org/wiki/Earth');
  });

  it('reads description, thumbnail, coordinates and search rank from a 2026 search response', () => {
    const body = parseQueryResponse(real('action-search-generator-prefixsearch-Barack.json'));
    const pages = (body.query?.pages ?? []).map(toWikiPage);
    const sr = pages.find((p) => p?.title === 'Barack Obama Sr.');
    expect(sr).toMatchObject({ description: 'Kenyan economist (1934–1982)', index: 3, coordinates: { lat: 41.878, lon: -87.6298 } });
    expect(sr?.thumbnail?.url).toMatch(/^https:\/\/upload\.wikimedia\.org\/.*330px-/);
    expect(body.continue).toMatchObject({ gpsoffset: 6 });
    // More search results are not fetched: only prop continuations (TextExtracts' excontinue) are followed.
    expect(continuesProps(body.continue ?? {})).toBe(false);
    expect(continuesProps({ excontinue: 20, continue: '||description' })).toBe(true);
  });

  it('reads the normalized list of a batched query', () => {
    const body = parseQueryResponse(real('action-query-pageimages-pageterms-Joe_Biden-Barack_Obama.json'));
    expect(body.query?.normalized?.length).toBeGreaterThan(0);
  });

  it('an error envelope sent with HTTP 200 is an error', () => {
    expect(() => parseQueryResponse(real('action-error-badvalue.json'))).toThrow(/badvalue/);
  });

  it('a body of the wrong shape is malformed', () => {
    expect(() => parseQueryResponse({ query: { pages: [{ pageid: 1 }] } })).toThrow(/Unexpected/);
  });
});

describe('URLs', () => {
  const endpoints = { wikipedia: 'https://{lang}.wikipedia.org', wikidata: 'https://www.wikidata.org' };
  it('puts only valid language codes into the host', () => {
    expect(wikiLang('de')).toBe('de');
    // A page's region or script subtag names no Wikipedia of its own; a few editions have two-part codes.
    expect(wikiLang('en-GB')).toBe('en');
    expect(wikiLang('pt_BR')).toBe('pt');
    expect(wikiLang('de-DE')).toBe('de');
    expect(wikiLang('es-419')).toBe('es');
    expect(wikiLang('zh-Hant-TW')).toBe('zh');
    expect(wikiLang('zh-yue')).toBe('zh-yue');
    expect(wikiLang('be-tarask')).toBe('be-tarask');
    expect(wikiLang('evil.com/x')).toBe('en');
    expect(wikiLang(null)).toBe('en');
    expect(actionApiUrl(endpoints, 'evil.com#', { titles: 'A|B' })).toMatch(/^https:\/\/en\.wikipedia\.org\/w\/api\.php\?action=query&format=json&formatversion=2&origin=\*/);
  });
  it('builds wbgetentities with wikibase-sdk, adding origin and maxlag', () => {
    const url = new URL(wbGetEntitiesUrl(endpoints, ['Q7747', 'Q159'], ['labels', 'claims'], ['en']));
    expect(url.pathname).toBe('/w/api.php');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ action: 'wbgetentities', ids: 'Q7747|Q159', props: 'labels|claims', languages: 'en', origin: '*', maxlag: '5' });
  });
});
