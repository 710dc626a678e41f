import type { EntityType } from '../entities/types';
import type { WdEntity } from './wikidataEntities';

/** One key fact shown on a card ("Born", "7 October 1952 (age 74)"). */
export interface KeyFact {
  /** Stable id of the fact kind: 'born' | 'died' | 'office' | 'citizenship' | 'occupation' | 'country' | 'region' | 'population' | 'coordinates' | 'founded' | 'headquarters' | ... */
  kind: string;
  /** Human label in English ("Born"). */
  label: string;
  /** Display value ("7 October 1952 (age 74)"); as of the article's date when the card has one (`factsAsOf`). */
  value: string;
  /** Today's value, when the facts are told as of an article's date and today's differs ("683 (2021)"). */
  now?: string;
}

/** A candidate Wikipedia article for an entity (for the reader's "choose another" control). */
export interface LinkCandidate {
  title: string;
  description: string | null;
  qid: string | null;
}

/**
 * How an entity was matched to its Wikipedia article, so the card can say how sure it is and why:
 * - `title`: a name the article uses is the article's exact title (`asked`);
 * - `redirect`: `asked` is a redirect (or another spelling) that Wikipedia resolves to the article;
 * - `context`: `asked` is a disambiguation page (`via`); the article was picked among its `candidates` by the
 *   `words` the text around the mentions shares with the article's description and first lines;
 * - `reader`: the reader chose it.
 */
export interface MatchInfo {
  method: 'title' | 'redirect' | 'context' | 'reader';
  /** The name or alias that was looked up. */
  asked: string;
  /** The disambiguation page the candidates came from (`context`). */
  via?: string;
  /** Context words shared with the chosen article (`context`), most telling first. */
  words?: string[];
  /** How many candidates were weighed (`context`). */
  candidates?: number;
}

/** Why a name has no card: no article by that name, an article of another kind, or several that the text cannot tell apart. */
export type MissReason = 'no-article' | 'wrong-type' | 'ambiguous';

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
  /** First sentences of the summary, as sanitised HTML; null until the card is opened (see `detailed`). */
  extractHtml: string | null;
  /** Thumbnail URL and size. */
  thumbnail: { url: string; width: number; height: number } | null;
  /** Link to read more. */
  pageUrl: string;
  /** Key facts from Wikidata: today's, or as of `factsAsOf` with today's value in `now` where it differs. */
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
  /**
   * True once the lead sentences and the labels the facts need (offices, countries...) are loaded. A list is
   * answered without them (three requests for a whole article); they come when the reader opens the card.
   */
  detailed?: boolean;
  /** The entity type the facts are told for ('other' for a character, whose item has no real-life facts). */
  factsType?: EntityType;
  /** The statements facts are made from (a compact Wikidata item), so facts can be told as of any date. */
  item?: WdEntity;
  /** Labels of the items those statements refer to, in the card's languages. */
  labels?: Record<string, string>;
  /** ISO date (YYYY-MM-DD) the facts are told as of: the article's publication date, when it has one. */
  factsAsOf?: string;
}

/** The outcome of linking one entity. */
export type LinkResult =
  | { status: 'linked'; card: KnowledgeCard; candidates: LinkCandidate[]; chosenByReader: boolean; match?: MatchInfo }
  | { status: 'unlinked'; reason: 'no-confident-match' | 'reader-chose-none'; candidates: LinkCandidate[]; miss?: MissReason }
  | { status: 'error'; reason: 'offline' | 'timeout' | 'http' | 'malformed' | 'disabled'; message: string };
