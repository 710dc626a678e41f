import type { PanelHighlight } from '../../../components/highlights/HighlightsPanel';
import { describe } from '../../../utils/highlights/describe';
import type { HighlightColor } from '../../../utils/highlights/types';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/** The seed article's text (the extraction's fixture), so quotes, offsets and context are real. */
export { SEED_TEXT };

/** A highlight record over `exact` as it occurs in the seed text, with selectors built the way anchoring stores them. */
export function seedHighlight(
  exact: string,
  options: { id: string; color?: HighlightColor; note?: string; anchored?: boolean; createdAt?: number },
): PanelHighlight {
  const start = SEED_TEXT.indexOf(exact);
  if (start === -1) throw new Error(`not in the seed text: ${exact}`);
  const end = start + exact.length;
  return {
    id: options.id,
    articleId: 'article-axis-of-outcasts',
    url: 'https://asiatimes.com/2023/10/axis-of-outcasts-putin-and-kims-cartoon-summit/',
    // The product's own selector builder, so the context length and slicing cannot drift from what anchoring stores.
    ...describe(SEED_TEXT, start, end),
    color: options.color ?? 'yellow',
    note: options.note ?? '',
    tags: [],
    anchorVersion: 1,
    scope: 'article',
    structure: null,
    createdAt: options.createdAt ?? 1_696_224_600_000,
    updatedAt: options.createdAt ?? 1_696_224_600_000,
    anchored: options.anchored ?? true,
  };
}
