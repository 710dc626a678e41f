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
