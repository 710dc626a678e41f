import type { Endpoints } from '../settings/endpoints';
import type { WikiClient } from './wikiClient';
import { pageProps, queryPages } from './queryTitles';
import { toWikiPage, type WikiPage } from './wikiPage';

/** Full-text search (CirrusSearch) returning candidate articles with the same props as a title look-up, best first. */
export async function searchPages(client: WikiClient, endpoints: Endpoints, lang: string, search: string, limit = 6): Promise<WikiPage[]> {
  const { pages } = await queryPages(client, endpoints, lang, {
    ...pageProps(),
    generator: 'search',
    gsrsearch: search,
    gsrnamespace: '0',
    gsrlimit: String(limit),
    redirects: '1',
  });
  return pages
    .map(toWikiPage)
    .filter((p): p is WikiPage => p !== null)
    .sort((a, b) => (a.index ?? 99) - (b.index ?? 99));
}
