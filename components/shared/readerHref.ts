/** The reader view's address for an article (and, optionally, one highlight in it). */
export function readerHref(articleId: string, highlightId?: string): string {
  return `/reader.html?article=${encodeURIComponent(articleId)}${highlightId ? `#highlight=${encodeURIComponent(highlightId)}` : ''}`;
}
