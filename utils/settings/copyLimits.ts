/* A plain module (no database, no extension storage): the content script's settings import reaches it. */

/** Bounds on the reader's saved copies of articles (issue 17), in UTF-8 bytes of HTML + text. */
export interface CopyLimits {
  /** Largest copy of one article; a larger article is kept as text only, or not at all. */
  perArticleBytes: number;
  /** All copies together; past it no new copy is kept (existing ones are never evicted behind the reader's back). */
  totalBytes: number;
}

/**
 * Defaults. Over ../shared/pages a copy (HTML + text) is 14 kB at the median and 43 kB at most (`npm run bench --
 * copies`, 2026-12-03), so 2 MB per article only stops pathological pages; 200 MB holds thousands of long reads.
 */
export const DEFAULT_COPY_LIMITS: CopyLimits = { perArticleBytes: 2_000_000, totalBytes: 200_000_000 };
