import { Dexie, type EntityTable } from 'dexie';
import type { ArticleRef } from '../article/types';
import type { EntityType } from '../entities/types';
import type { KnowledgeCard, LinkCandidate, MatchInfo, MissReason } from '../knowledge/types';
import type { HighlightColor, TextPositionSelector, TextQuoteSelector } from '../highlights/types';

/*
 * THE SCHEMA POLICY (docs/decisions/002-database-schema.md)
 * A `version(n)` block that has shipped is never edited. A change is a new `version(n + 1)` with its
 * `.upgrade()` and a fixture of version n under tests/fixtures/db/ that the migration harness opens.
 * Every primary key is a string UUID (crypto.randomUUID()), never an auto-increment: imports merge by id and
 * Dexie Cloud sync needs globally unique keys. Only fields that are queried are indexed.
 */

/** An entity as remembered with a saved article (for "every article that mentions Xi Jinping"). */
export interface StoredEntity {
  /** Normalised key: lower-cased name, or the Wikidata id when linked ("q7747"). */
  key: string;
  name: string;
  type: EntityType;
  mentions: number;
  qid: string | null;
}

/**
 * A saved article: the anchor for its highlights and notes. The fields a page sends (ArticleRef: canonical URL as the
 * unique key, the page URL, title, byline, authors, site name, language, date, excerpt) plus what the database adds.
 */
export interface ArticleRecord extends ArticleRef {
  /** UUID. */
  id: string;
  /** Host name, for the site filter. */
  site: string;
  /** Entities found when the article was read. */
  entities: StoredEntity[];
  /** `entities[].key`, indexed (multiEntry) for the entity filter. */
  entityKeys: string[];
  /** Reader's tags. */
  tags: string[];
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds of the last edit: newest edit wins on import. */
  updatedAt: number;
}

/** A highlighted passage, anchored by W3C selectors. */
export interface HighlightRecord {
  /** UUID. */
  id: string;
  /** ArticleRecord.id. */
  articleId: string;
  /** Canonical URL of the article (denormalised so a page can look its highlights up in one query). */
  url: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  color: HighlightColor;
  /** The reader's note on this highlight (light Markdown). */
  note: string;
  tags: string[];
  /** ANCHOR_SCHEME_VERSION that wrote the selectors. */
  anchorVersion: number;
  createdAt: number;
  updatedAt: number;
}

/** A note on the whole article (one per article in the UI; the table allows more). */
export interface NoteRecord {
  /** UUID. */
  id: string;
  articleId: string;
  url: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

/** Cached background knowledge for one Wikipedia title or Wikidata item. */
export interface KnowledgeRecord {
  /** UUID. */
  id: string;
  /** `${lang}:${title}` for a resolved name or `wd:${qid}`; unique. */
  key: string;
  /** The card, or null for "no such page" (negative cache) and for a name that points at a title's record. */
  card: KnowledgeCard | null;
  candidates: LinkCandidate[];
  /** For a name's record: the key of the title record holding its card (not indexed; added in 0.2, no migration). */
  target?: string;
  /** For a name's record: how the name was matched to that title. */
  match?: MatchInfo;
  /** For a name's record without a card: why there is none. */
  miss?: MissReason;
  /** Epoch milliseconds when fetched: freshness window and pruning. */
  fetchedAt: number;
}

/** A reader's correction of an entity link, remembered per site and name. */
export interface LinkChoiceRecord {
  /** UUID. */
  id: string;
  site: string;
  /** Lower-cased entity name. */
  name: string;
  /** Chosen Wikipedia title, or null for "none". */
  title: string | null;
  lang: string;
  updatedAt: number;
}

/**
 * The reader's own copy of an article (issue 17): kept when they first highlight or annotate it, so it stays
 * readable when the page is edited, paywalled or gone. One per article. Only sanitised HTML is ever stored.
 */
export interface CopyRecord {
  /** UUID. */
  id: string;
  /** ArticleRecord.id (unique: one copy per article). */
  articleId: string;
  /** Canonical URL of the article (denormalised, like highlights). */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl';
  publishedTime: string | null;
  modifiedTime: string | null;
  excerpt: string | null;
  /** URL of the lead image (never the image itself). */
  leadImage: string | null;
  /** The article's sanitised HTML as extracted (sanitised again whenever it is shown). */
  html: string;
  /** The article's plain text (Article.text): highlight selectors count offsets in it. */
  text: string;
  /** Whether `html` was rebuilt from the text because the extracted HTML exceeded the per-article cap. */
  textOnly: boolean;
  /** SHA-256 (hex) of `text`: compared with the live article's to tell "changed since you saved it". */
  contentHash: string;
  /** Epoch milliseconds when the article was extracted from the page. */
  extractedAt: number;
  /** UTF-8 bytes of html + text: what the budget counts. */
  bytes: number;
  createdAt: number;
  updatedAt: number;
}

/**
 * Version 1 of the stores — shipped in 0.1.0. DO NOT EDIT: the migration harness checks it against the fixture
 * recorded when it shipped (tests/fixtures/db/v1.json).
 */
export const STORES_V1 = {
  articles: 'id, &url, site, createdAt, updatedAt, *tags, *entityKeys',
  highlights: 'id, articleId, url, color, createdAt, updatedAt, *tags',
  notes: 'id, articleId, url, updatedAt',
  knowledge: 'id, &key, fetchedAt',
  linkChoices: 'id, &[site+name]',
} as const;

/** Version 4 (issue 17): only what it adds. Copies are looked up by article and URL; `extractedAt` orders them; `bytes` is indexed so the budget sums index keys without loading a single copy. */
export const STORES_V4 = {
  copies: 'id, &articleId, url, extractedAt, bytes',
} as const;

/** Backstory's database. Opened only in extension contexts (background, side panel, library), never in a content script. */
export class BackstoryDB extends Dexie {
  articles!: EntityTable<ArticleRecord, 'id'>;
  highlights!: EntityTable<HighlightRecord, 'id'>;
  notes!: EntityTable<NoteRecord, 'id'>;
  knowledge!: EntityTable<KnowledgeRecord, 'id'>;
  linkChoices!: EntityTable<LinkChoiceRecord, 'id'>;
  copies!: EntityTable<CopyRecord, 'id'>;

  constructor(name = 'backstory') {
    super(name);
    this.version(1).stores(STORES_V1);
    // Version 4 (issue 17): the reader's copies. A new table only, so no upgrade function: old records are untouched.
    this.version(4).stores(STORES_V4);
  }
}

/** Every table name, for export, import and "delete everything". */
export const TABLES = ['articles', 'highlights', 'notes', 'knowledge', 'linkChoices', 'copies'] as const;

/** A new globally unique record id. */
export function newId(): string {
  return crypto.randomUUID();
}
