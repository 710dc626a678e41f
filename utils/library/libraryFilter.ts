import type { ArticleRecord, HighlightRecord } from '../db/schema';
import type { HighlightColor } from '../highlights/types';

/**
 * What the reader narrowed the library to. Each list matches if ANY of its values matches; the lists combine with AND.
 * Article-level: site, entity, saved-date range. Highlight-level: colour. Tags apply to both: a highlight matches when it
 * or its article carries the tag.
 */
export interface LibraryFilter {
  /** ArticleRecord.site values. */
  sites?: string[];
  /** Highlight colours. */
  colors?: HighlightColor[];
  /** Tags (of articles or highlights). */
  tags?: string[];
  /** StoredEntity keys (ArticleRecord.entityKeys), e.g. "q56226" for Kim Jong Un. */
  entityKeys?: string[];
  /** Saved on or after (epoch ms). */
  from?: number;
  /** Saved on or before (epoch ms). */
  to?: number;
}

/** True when nothing is filtered. */
export function isEmptyFilter(filter: LibraryFilter): boolean {
  return !filter.sites?.length && !filter.colors?.length && !filter.tags?.length && !filter.entityKeys?.length && filter.from === undefined && filter.to === undefined;
}

/** Whether an article passes the article-level parts of a filter (site, entity, date). */
export function articlePasses(article: ArticleRecord, filter: LibraryFilter): boolean {
  if (filter.sites?.length && !filter.sites.includes(article.site)) return false;
  if (filter.entityKeys?.length && !filter.entityKeys.some((k) => article.entityKeys.includes(k))) return false;
  if (filter.from !== undefined && article.createdAt < filter.from) return false;
  if (filter.to !== undefined && article.createdAt > filter.to) return false;
  return true;
}

/** Whether a highlight passes the highlight-level parts of a filter (colour; tag on it or on its article). */
export function highlightPasses(highlight: HighlightRecord, article: ArticleRecord, filter: LibraryFilter): boolean {
  if (filter.colors?.length && !filter.colors.includes(highlight.color)) return false;
  if (filter.tags?.length && !filter.tags.some((t) => highlight.tags.includes(t) || article.tags.includes(t))) return false;
  return true;
}

/** Whether a highlight filter is set at all (then an article needs a passing highlight to be shown). */
export function hasHighlightFilter(filter: LibraryFilter): boolean {
  return Boolean(filter.colors?.length);
}
