import * as v from 'valibot';
import { HIGHLIGHT_COLORS, HIGHLIGHT_SCOPES } from '../highlights/types';
import { normalizeTags } from './tagForm';
import { parseHttpUrl } from '../url/httpUrl';

/*
 * THE record schema (issue #13): the one definition of what a saved article, highlight, note or link choice may
 * hold. Messages (utils/messaging/schemas.ts), the JSON backup and W3C import (utils/library/), the tag editor and
 * undo all parse with these, so whatever can be saved can be restored, exported and imported again, and nothing
 * one path refuses can enter through another. Pure valibot: content scripts bundle it without the database.
 */

/** Longest URL kept (browsers accept more; no article URL needs it). */
export const MAX_URL_LENGTH = 4000;
/** Longest tag, and most tags on one record. */
export const MAX_TAG_LENGTH = 100;
/** Most tags on one record. */
export const MAX_TAGS = 100;
/** Longest note on a highlight. */
export const MAX_HIGHLIGHT_NOTE = 100_000;
/** Longest note on a whole article. */
export const MAX_ARTICLE_NOTE = 1_000_000;
/** Longest highlighted passage. */
export const MAX_QUOTE = 50_000;
/** Longest quote context kept on each side (anchoring reads 32). */
export const MAX_QUOTE_CONTEXT = 200;
/** Largest text offset: six times the longest article text an analysis may carry. */
export const MAX_OFFSET = 12_000_000;
/**
 * How far ahead of this machine's clock a time may be: another machine's clock may run a little fast, but a
 * `modified` in the year 275760 must not win every later merge.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));
const nullableStr = (max: number) => v.nullable(str(max));

/** A record id: a UUID string (primary keys travel between machines and must never collide). */
export const IdSchema = v.pipe(v.string(), v.uuid('must be a UUID'));

/** True for an absolute http(s) URL; `javascript:`, `data:` and relative URLs are not article addresses. */
export function isHttpUrl(value: string): boolean {
  // The literal prefix too: new URL('http:example.com') parses, but a record's address is written out in full.
  return /^https?:\/\//i.test(value) && parseHttpUrl(value) !== null;
}

/** An article address: an absolute http(s) URL of at most MAX_URL_LENGTH characters. */
export const HttpUrlSchema = v.pipe(str(MAX_URL_LENGTH), v.check(isHttpUrl, 'must be an http(s) URL'));

/** A time in epoch milliseconds: a whole number from 1970 up to a day past this machine's clock. */
export const TimeSchema = v.pipe(
  v.number(),
  v.integer('must be a whole number of milliseconds'),
  v.minValue(0, 'must not be before 1970'),
  v.check((t) => t <= Date.now() + MAX_CLOCK_SKEW_MS, 'must not be in the future'),
);

/**
 * A tag list as stored: each tag trimmed, inner spaces collapsed, no leading "#", duplicates (ignoring case)
 * dropped — then 1 to MAX_TAG_LENGTH characters each and at most MAX_TAGS of them.
 */
export const TagsSchema = v.pipe(
  v.array(v.string()),
  v.maxLength(MAX_TAGS * 10, `must have at most ${MAX_TAGS} tags`),
  v.transform((tags: string[]) => normalizeTags(tags)),
  v.maxLength(MAX_TAGS, `must have at most ${MAX_TAGS} tags`),
  v.check((tags) => tags.every((t) => t.length <= MAX_TAG_LENGTH), `each tag must be at most ${MAX_TAG_LENGTH} characters`),
);

/** Highlight colour. */
export const ColorSchema = v.picklist(HIGHLIGHT_COLORS);

/** W3C TextQuoteSelector as stored. */
export const QuoteSelectorSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_QUOTE, `must be at most ${MAX_QUOTE} characters`)),
  prefix: str(MAX_QUOTE_CONTEXT),
  suffix: str(MAX_QUOTE_CONTEXT),
});

const offset = v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative'), v.maxValue(MAX_OFFSET, 'is beyond any article'));

/** W3C TextPositionSelector as stored: end after start. */
export const PositionSelectorSchema = v.pipe(
  v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((p) => p.end > p.start, 'end must be after start'),
);

/** Which text a highlight's offsets count in; absent in records written before anchor scheme 2: 'article'. */
export const ScopeSchema = v.optional(v.picklist(HIGHLIGHT_SCOPES), 'article');

/** W3C XPathSelector as describeStructure writes it: element steps only (/html[1]/body[1]/…/p[3]), no expressions. */
export const XPathSelectorSchema = v.object({
  type: v.literal('XPathSelector'),
  value: v.pipe(v.string(), v.maxLength(4000), v.regex(/^(\/[a-z][a-z0-9-]*\[\d{1,5}\])+$/, 'must be a path of element steps such as /html[1]/body[1]/p[2]')),
});

/** A highlight's structural selector; absent in records written before anchor scheme 2: null. */
export const StructureSchema = v.optional(v.nullable(XPathSelectorSchema), null);

/** An entity remembered with a saved article. */
export const StoredEntitySchema = v.object({
  key: str(300),
  name: str(300),
  type: v.picklist(['person', 'place', 'organization', 'other']),
  mentions: v.pipe(v.number(), v.integer(), v.minValue(0)),
  qid: v.nullable(v.pipe(v.string(), v.regex(/^Q\d{1,12}$/, 'must be a Wikidata id such as Q42'))),
});

/** A saved article (ArticleRecord). */
export const ArticleRecordSchema = v.object({
  id: IdSchema,
  url: HttpUrlSchema,
  pageUrl: HttpUrlSchema,
  title: str(2000),
  byline: nullableStr(2000),
  authors: v.pipe(v.array(str(300)), v.maxLength(100)),
  siteName: nullableStr(500),
  site: str(500),
  lang: nullableStr(50),
  publishedTime: nullableStr(100),
  excerpt: nullableStr(5000),
  entities: v.pipe(v.array(StoredEntitySchema), v.maxLength(5000)),
  entityKeys: v.pipe(v.array(str(300)), v.maxLength(5000)),
  tags: TagsSchema,
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

/** The article fields a page sends when the reader saves something on it (ArticleRef). */
export const ArticleRefSchema = v.pick(ArticleRecordSchema, ['url', 'pageUrl', 'title', 'byline', 'authors', 'siteName', 'lang', 'publishedTime', 'excerpt']);

/** A highlight's note. */
export const HighlightNoteSchema = str(MAX_HIGHLIGHT_NOTE);
/** An article note's body. */
export const ArticleNoteSchema = str(MAX_ARTICLE_NOTE);
/** anchorVersion: the anchoring scheme that wrote the selectors (2 today, 1 before issue 14; a newer build may write more). */
export const AnchorVersionSchema = v.pipe(v.number(), v.integer(), v.minValue(1, 'must be 1 or more'), v.maxValue(1000));

/** A saved highlight (HighlightRecord). */
export const HighlightRecordSchema = v.object({
  id: IdSchema,
  articleId: IdSchema,
  url: HttpUrlSchema,
  quote: QuoteSelectorSchema,
  position: PositionSelectorSchema,
  color: ColorSchema,
  note: HighlightNoteSchema,
  tags: TagsSchema,
  anchorVersion: AnchorVersionSchema,
  scope: ScopeSchema,
  structure: StructureSchema,
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

/** A note on a whole article (NoteRecord). */
export const NoteRecordSchema = v.object({
  id: IdSchema,
  articleId: IdSchema,
  url: HttpUrlSchema,
  body: ArticleNoteSchema,
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

/** A reader's choice of Wikipedia page for a name on a site (LinkChoiceRecord). */
export const LinkChoiceRecordSchema = v.object({
  id: IdSchema,
  site: str(500),
  name: str(300),
  title: nullableStr(500),
  lang: str(20),
  updatedAt: TimeSchema,
});

/** Longest saved copy's HTML or text, in characters (the settings' per-article cap counts bytes; this bounds an import). */
export const MAX_COPY_CHARS = 20_000_000;

/**
 * The reader's copy of an article (CopyRecord, issue 17). Its HTML is sanitised again whenever it is shown, so a
 * hostile backup can carry markup but never run it; the hash must look like SHA-256.
 */
export const CopyRecordSchema = v.object({
  id: IdSchema,
  articleId: IdSchema,
  url: HttpUrlSchema,
  title: str(2000),
  byline: nullableStr(2000),
  siteName: nullableStr(500),
  lang: nullableStr(50),
  dir: v.picklist(['ltr', 'rtl']),
  publishedTime: nullableStr(100),
  modifiedTime: nullableStr(100),
  excerpt: nullableStr(5000),
  leadImage: v.nullable(HttpUrlSchema),
  html: str(MAX_COPY_CHARS),
  text: str(MAX_COPY_CHARS),
  textOnly: v.boolean(),
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hex digest')),
  extractedAt: TimeSchema,
  bytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  createdAt: TimeSchema,
  updatedAt: TimeSchema,
});

/** An entity type the reading history follows. */
const FollowedTypeSchema = v.picklist(['person', 'place', 'organization']);
/** A Wikidata item id. */
const QidSchema = v.pipe(v.string(), v.regex(/^Q\d{1,12}$/, 'must be a Wikidata id such as Q42'));
/** An identity key of the history (utils/history/identity.ts): a Wikidata id, or "type:normalised name". */
export const EntityKeySchema = v.pipe(
  str(320),
  v.check((k) => /^Q\d{1,12}$/.test(k) || /^(person|place|organization):\S/.test(k), 'must be a Wikidata id or "type:name"'),
);

/** An article in the reading history (ReadRecord). */
export const ReadRecordSchema = v.object({
  id: IdSchema,
  url: HttpUrlSchema,
  pageUrl: HttpUrlSchema,
  title: str(2000),
  siteName: nullableStr(500),
  site: str(500),
  lang: nullableStr(50),
  publishedTime: nullableStr(100),
  at: TimeSchema,
  readAt: TimeSchema,
  entityKeys: v.pipe(v.array(EntityKeySchema), v.maxLength(5000)),
  updatedAt: TimeSchema,
});

/** A person, place or organisation of the reading history (EntityRecord). */
export const EntityRecordSchema = v.object({
  id: IdSchema,
  key: EntityKeySchema,
  qid: v.nullable(QidSchema),
  name: str(300),
  type: FollowedTypeSchema,
  names: v.pipe(v.array(str(300)), v.maxLength(200)),
  aliasKeys: v.pipe(v.array(EntityKeySchema), v.maxLength(200)),
  updatedAt: TimeSchema,
});

/** One entity in one read article (MentionRecord). */
export const MentionRecordSchema = v.object({
  id: IdSchema,
  readId: IdSchema,
  entityKey: EntityKeySchema,
  at: TimeSchema,
  name: str(300),
  type: FollowedTypeSchema,
  count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000)),
  sentence: str(1000),
  paragraphs: v.pipe(
    v.array(v.pipe(v.tuple([offset, offset]), v.check(([s, e]) => e >= s, 'end must not be before start'))),
    v.maxLength(200),
  ),
  updatedAt: TimeSchema,
});
