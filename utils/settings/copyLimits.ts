/* A plain module (no database, no extension storage): the content script's settings import reaches it. */

/** Bounds on the reader's saved copies of articles (issue 17), in UTF-8 bytes of HTML + text. */
export interface CopyLimits {
  /** Largest copy of one article; a larger article is kept as text only, or not at all. */
  perArticleBytes: number;
  /** All copies together; past it no new copy is kept (existing ones are never evicted behind the reader's back). */
  totalBytes: number;
}

/**
 * Defaults. The largest article of ../shared/pages is well under 1 MB as HTML + text (`npm run bench` prints the
 * median and max), so 2 MB per article leaves room; 200 MB is about a thousand long reads.
 */
export const DEFAULT_COPY_LIMITS: CopyLimits = { perArticleBytes: 2_000_000, totalBytes: 200_000_000 };
