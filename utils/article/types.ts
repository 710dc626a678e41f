/** The article Backstory works on: what extraction returns and every later stage reads. */
export interface Article {
  /** Headline, cleaned of site-name suffixes. */
  title: string;
  /** Byline as printed (may be null when the page names nobody). */
  byline: string | null;
  /** Authors as a list, split from the byline or taken from structured data. */
  authors: string[];
  /** Publisher's name, e.g. "The Guardian". */
  siteName: string | null;
  /** ISO 8601 publication time, when the page gives one. */
  publishedTime: string | null;
  /** ISO 8601 last-modified time, when the page gives one. */
  modifiedTime: string | null;
  /** BCP 47 language tag of the article ("en", "fr-FR"), when known. */
  lang: string | null;
  /** Text direction. */
  dir: 'ltr' | 'rtl';
  /** Standfirst / description. */
  excerpt: string | null;
  /** The article's plain text: paragraphs separated by "\n\n". Offsets of mentions and highlights refer to it. */
  text: string;
  /** The article's HTML, sanitised with DOMPurify. */
  html: string;
  /** Words in `text`. */
  wordCount: number;
  /** Estimated reading time in whole minutes (at least 1 for a non-empty article). */
  readingMinutes: number;
  /** Absolute URL of the lead image, when the page names one. */
  leadImage: string | null;
  /** The key under which this article's highlights and notes live (see canonicalUrl()). */
  canonicalUrl: string;
  /**
   * Where `text` came from: Readability's pick of the page's markup, or the page's JSON-LD `articleBody` (used when
   * the markup held a truncated body). Text from JSON-LD may not all be visible in the live page.
   */
  textSource?: 'readability' | 'json-ld';
}

/** Why a page was judged not to be an article. */
export type NotArticleReason = 'empty' | 'not-readerable' | 'too-short' | 'listing' | 'video' | 'app' | 'timeout' | 'error';

/** The outcome of extraction: an article, or a clear statement that the page is not one. */
export type ExtractionResult =
  | { kind: 'article'; article: Article }
  | { kind: 'not-article'; reason: NotArticleReason; message: string; title: string | null; url: string };

/** The fields of an article the background stores when the reader saves something on it. */
export interface ArticleRef {
  /** Canonical URL: the article key. */
  url: string;
  /** The URL the reader was on. */
  pageUrl: string;
  title: string;
  byline: string | null;
  authors: string[];
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  excerpt: string | null;
}
