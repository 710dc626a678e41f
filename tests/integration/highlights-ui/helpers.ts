import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import type { PanelHighlight } from '../../../components/highlights/HighlightsPanel';
import type { HighlightColor } from '../../../utils/highlights/types';

/** The seed article's text (the extraction's fixture), so quotes, offsets and context are real. */
// A string path, not `new URL(…, import.meta.url)`: under jsdom, URL is jsdom's and fileURLToPath refuses it.
export const SEED_TEXT = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/entities/axis-of-outcasts.txt'), 'utf8');

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
    quote: { type: 'TextQuoteSelector', exact, prefix: SEED_TEXT.slice(Math.max(0, start - 32), start), suffix: SEED_TEXT.slice(end, end + 32) },
    position: { type: 'TextPositionSelector', start, end },
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

/** Runs axe-core on a rendered state and fails on serious or critical violations (colour contrast is off: jsdom cannot compute it). */
export async function expectAccessible(root: Element): Promise<void> {
  const results = await axe.run(root, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  if (serious.length > 0) throw new Error(`axe found serious violations:\n${serious.join('\n')}`);
}
