/**
 * API endpoints, configurable so the tests and the CLI can point at a local server.
 * `{lang}` in the Wikipedia base is replaced by the language code. A plain module (no extension storage), so Node
 * code such as the CLI can import it.
 */
export interface Endpoints {
  wikipedia: string;
  wikidata: string;
}

/** Default endpoints: the public Wikimedia APIs. */
export const DEFAULT_ENDPOINTS: Endpoints = {
  wikipedia: 'https://{lang}.wikipedia.org',
  wikidata: 'https://www.wikidata.org',
};

/** True for an endpoint base the look-ups may use: https anywhere, plain http only to this machine, no credentials. */
export function isUsableEndpoint(base: string): boolean {
  let url: URL;
  try {
    url = new URL(base.replace('{lang}', 'en'));
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = url.hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * The endpoints to use, given whatever the settings hold. Settings live in extension storage, which content scripts
 * can write too (issue #13): the background runs this before every look-up, so a page cannot send the article's
 * names to a server of its own over plain http, or to anything that is not a URL. Anything unusable gives the
 * public Wikimedia APIs.
 */
export function usableEndpoints(value: unknown): Endpoints {
  if (typeof value !== 'object' || value === null) return DEFAULT_ENDPOINTS;
  const { wikipedia, wikidata } = value as Partial<Record<keyof Endpoints, unknown>>;
  if (typeof wikipedia !== 'string' || typeof wikidata !== 'string') return DEFAULT_ENDPOINTS;
  if (!isUsableEndpoint(wikipedia) || !isUsableEndpoint(wikidata)) return DEFAULT_ENDPOINTS;
  return { wikipedia, wikidata };
}
