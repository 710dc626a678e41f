/** W3C Web Annotation TextQuoteSelector: the quoted text with up to 32 characters of context each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the article's live text index. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The colours a reader can highlight in. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
/** One of HIGHLIGHT_COLORS. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * Version of the anchoring scheme that wrote a highlight's selectors; bump when the text index changes shape.
 * 1: quote + position in Article.text. 2 (issue 14): also `scope` (which text the offsets count in) and `structure`.
 */
export const ANCHOR_SCHEME_VERSION = 2;

/** Which text a highlight's offsets count in: the extracted article, or the page's whole readable text. */
export const HIGHLIGHT_SCOPES = ['article', 'page'] as const;
/** One of HIGHLIGHT_SCOPES. */
export type HighlightScope = (typeof HIGHLIGHT_SCOPES)[number];

/**
 * W3C Web Annotation XPathSelector of the block element holding a highlight's start, as Hypothesis stores a
 * RangeSelector: evidence that tells an original from a copy when quote and context tie, never used alone.
 */
export interface XPathSelector {
  type: 'XPathSelector';
  value: string;
}

/** A highlight's stored selectors, as anchoring reads them. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** A saved highlight's selectors, as placing it on a page reads them (scheme 2; scheme 1 records read as article, no structure). */
export interface StoredSelectors extends HighlightSelectors {
  scope: HighlightScope;
  structure: XPathSelector | null;
}

/** Where a highlight landed in the article text, or why it could not be placed (orphaned: listed, never guessed). */
export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; score: number }
  | { status: 'orphaned'; reason: string };
