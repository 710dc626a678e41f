import type { TextPositionSelector, TextQuoteSelector } from './types';

/** Characters of context stored each side of a quote (the W3C selector contract). */
export const CONTEXT_LENGTH = 32;

/** W3C selectors for the passage [start, end) of the article text: quote with 32 chars of context, and position. */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`describe: invalid range [${start}, ${end}) for a text of ${text.length} chars`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
