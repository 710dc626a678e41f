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

/** Version of the anchoring scheme that wrote a highlight's selectors; bump when the text index changes shape. */
export const ANCHOR_SCHEME_VERSION = 1;

/** A highlight's stored selectors, as anchoring reads them. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Where a highlight landed in the article text, or why it could not be placed (orphaned: listed, never guessed). */
export type AnchorResult =
  | { status: 'anchored'; start: number; end: number; method: 'position' | 'exact' | 'fuzzy'; score: number }
  | { status: 'orphaned'; reason: string };
