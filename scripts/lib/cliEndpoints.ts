import { endpointsFromBase } from '../../utils/knowledge/wikiUrls';
import { DEFAULT_ENDPOINTS, type Endpoints } from '../../utils/settings/endpoints';

/**
 * The endpoints for `--wiki` / `--wikidata`. A base with `{lang}` (or a wikipedia.org host) is a Wikipedia base as in
 * the settings, with Wikidata public unless given; any other base is laid out like scripts/lib/fakeWiki.ts
 * (`/{lang}/w/api.php` and `/wikidata/w/api.php`), which endpointsFromBase describes.
 */
export function endpointsFor(wiki: string | null, wikidata: string | null): Endpoints {
  const trim = (u: string) => u.replace(/\/+$/, '');
  let endpoints: Endpoints;
  if (!wiki) endpoints = DEFAULT_ENDPOINTS;
  else if (wiki.includes('{lang}') || /^https?:\/\/([^/]+\.)?wikipedia\.org(\/|$)/i.test(wiki)) {
    endpoints = { wikipedia: trim(wiki), wikidata: DEFAULT_ENDPOINTS.wikidata };
  } else endpoints = endpointsFromBase(wiki);
  return wikidata ? { ...endpoints, wikidata: trim(wikidata) } : endpoints;
}
