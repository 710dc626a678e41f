import { HIGHLIGHT_COLORS, type HighlightColor } from './types';

/** Prefix of every name Backstory registers in CSS.highlights, so it cannot clash with the page's own highlights. */
export const HIGHLIGHT_NAME_PREFIX = 'backstory-';

/** The CSS.highlights name for a colour. */
export function highlightName(color: HighlightColor): string {
  return `${HIGHLIGHT_NAME_PREFIX}${color}`;
}

/**
 * Translucent fills: over a white page they read as pastel markers under dark text, over a dark page as deep tints
 * under light text, so the text colour is left alone (`inherit`) and stays readable either way: every fill keeps
 * black-on-white, white-on-black and light-grey-on-dark-grey text at 4.5:1 or more (tested). Yellow is dimmer because
 * it is the brightest hue.
 */
const FILLS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 200, 0, 0.35)',
  green: 'rgba(64, 200, 90, 0.4)',
  blue: 'rgba(70, 150, 255, 0.4)',
  pink: 'rgba(255, 90, 170, 0.4)',
  purple: 'rgba(160, 100, 255, 0.4)',
};

/** The fill of a colour (for the side panel's swatches, so they match the page). */
export function highlightFill(color: HighlightColor): string {
  return FILLS[color];
}

/**
 * The stylesheet the caller injects into the page: `::highlight(backstory-<colour>)` for the Custom Highlight API
 * and `mark[data-backstory]` for the wrapping fallback.
 */
export function highlightCss(): string {
  const rules: string[] = [];
  for (const color of HIGHLIGHT_COLORS) {
    // An underline in the same hue marks the passage even where a page paints its own background over ours.
    const fill = FILLS[color];
    const line = fill.replace(/0\.\d+\)$/, '0.9)');
    rules.push(
      `::highlight(${highlightName(color)}) { background-color: ${fill}; color: inherit; text-decoration: underline 2px ${line}; }`,
      `mark[data-backstory][data-backstory-color="${color}"] { background-color: ${fill}; color: inherit; text-decoration: underline 2px ${line}; padding: 0; margin: 0; border-radius: 0; font: inherit; }`,
    );
  }
  return rules.join('\n');
}
