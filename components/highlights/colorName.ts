import type { HighlightColor } from '../../utils/highlights/types';

/** A colour's name for people and screen readers: "yellow" → "Yellow". */
export function colorName(color: HighlightColor): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}
