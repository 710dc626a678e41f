import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from '../highlights/types';

/*
 * Valibot schemas for the data that crosses contexts. Anything that arrives in a message is hostile until one
 * of these has parsed it (a compromised page can talk to the content script; the content script is the page's).
 */

const MAX_TEXT = 2_000_000;
const str = (max = 10_000) => v.pipe(v.string(), v.maxLength(max));
const nullableStr = (max = 10_000) => v.nullable(str(max));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A mention offset pair. */
export const MentionSchema = v.object({ start: offset, end: offset, text: str(1000) });

/** An entity found in the article. */
export const EntitySchema = v.object({
  id: str(300),
  type: v.picklist(['person', 'place', 'organization', 'other']),
  name: str(300),
  aliases: v.pipe(v.array(str(300)), v.maxLength(200)),
  mentions: v.pipe(v.array(MentionSchema), v.maxLength(20_000)),
  fictional: v.optional(v.boolean()),
});

/** An extracted article. */
export const ArticleSchema = v.object({
  title: str(2000),
  byline: nullableStr(2000),
  authors: v.pipe(v.array(str(300)), v.maxLength(100)),
  siteName: nullableStr(500),
  publishedTime: nullableStr(100),
  modifiedTime: nullableStr(100),
  lang: nullableStr(50),
  dir: v.picklist(['ltr', 'rtl']),
  excerpt: nullableStr(5000),
  text: str(MAX_TEXT),
  html: str(MAX_TEXT * 3),
  wordCount: offset,
  readingMinutes: offset,
  leadImage: nullableStr(4000),
  canonicalUrl: str(4000),
});

/** Extraction outcome. */
export const ExtractionSchema = v.variant('kind', [
  v.object({ kind: v.literal('article'), article: ArticleSchema }),
  v.object({
    kind: v.literal('not-article'),
    reason: v.picklist(['empty', 'not-readerable', 'too-short', 'listing', 'video', 'app', 'timeout', 'error']),
    message: str(2000),
    title: nullableStr(2000),
    url: str(4000),
  }),
]);

/** A whole page analysis as the content script reports it. */
export const PageAnalysisSchema = v.object({
  url: str(4000),
  extraction: ExtractionSchema,
  entities: v.pipe(v.array(EntitySchema), v.maxLength(5000)),
  /** The language path the entities were read in (utils/entities/languages). */
  language: v.optional(v.object({ lang: str(50), name: str(200), entities: v.picklist(['full', 'basic', 'none']) })),
  analyzedAt: v.number(),
});

/*
 * Record fields come from THE record schema (utils/records/recordSchema.ts), so a message can carry only what the
 * database, the backup and the import all accept.
 */
export {
  ArticleRefSchema,
  ColorSchema,
  HighlightRecordSchema,
  HttpUrlSchema,
  IdSchema,
  PositionSelectorSchema,
  QuoteSelectorSchema,
  ScopeSchema,
  StructureSchema,
  TagsSchema,
  XPathSelectorSchema,
} from '../records/recordSchema';
