/** One key fact shown on a card ("Born", "7 October 1952 (age 74)"). */
export interface KeyFact {
  /** Stable id of the fact kind: 'born' | 'died' | 'office' | 'citizenship' | 'occupation' | 'country' | 'region' | 'population' | 'coordinates' | 'founded' | 'headquarters' | ... */
  kind: string;
  /** Human label in English ("Born"). */
  label: string;
  /** Display value ("7 October 1952 (age 74)"). */
  value: string;
}

/** A candidate Wikipedia article for an entity (for the reader's "choose another" control). */
export interface LinkCandidate {
  title: string;
  description: string | null;
  qid: string | null;
}

/** Background knowledge about one entity, as shown on its card. */
export interface KnowledgeCard {
  /** Wikipedia language the card came from ("en"). */
  lang: string;
  /** True when the article's language had no match and English was used instead. */
  fellBackToEnglish: boolean;
  /** Canonical Wikipedia title. */
  title: string;
  /** Wikidata item id ("Q7747"), when known. */
  qid: string | null;
  /** Short description ("President of Russia since 2012"). */
  description: string | null;
  /** First sentences of the summary, as sanitised HTML. */
  extractHtml: string | null;
  /** Thumbnail URL and size. */
  thumbnail: { url: string; width: number; height: number } | null;
  /** Link to read more. */
  pageUrl: string;
  /** Key facts from Wikidata. */
  facts: KeyFact[];
  /** Coordinates for places. */
  coordinates: { lat: number; lon: number } | null;
  /** True when Wikidata says this is a fictional character rather than a real person. */
  fictional: boolean;
  /** Epoch ms when the card was fetched (cache freshness). */
  fetchedAt?: number;
  /** True when served from a cache entry older than the freshness window while a refresh is attempted. */
  stale?: boolean;
  /** True when Wikidata could not be reached: facts are missing and the card is not cached, so it is retried. */
  factsMissing?: boolean;
}

/** The outcome of linking one entity. */
export type LinkResult =
  | { status: 'linked'; card: KnowledgeCard; candidates: LinkCandidate[]; chosenByReader: boolean }
  | { status: 'unlinked'; reason: 'no-confident-match' | 'reader-chose-none'; candidates: LinkCandidate[] }
  | { status: 'error'; reason: 'offline' | 'timeout' | 'http' | 'malformed' | 'disabled'; message: string };
