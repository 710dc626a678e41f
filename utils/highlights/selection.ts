/** The longest passage a reader may highlight (the bad-input bar; also the selector schema's limit). */
export const MAX_SELECTION_LENGTH = 50_000;

/** What the live text index offers selection checks: DOM Range → offsets in Article.text, null when outside it. */
export interface RangeOffsetIndex {
  fromRange(range: Range): { start: number; end: number } | null;
}

/** Why a selection cannot become a highlight. */
export type SelectionRejection = 'empty' | 'whitespace' | 'too-long' | 'editable' | 'outside-article';

/** A selection turned into article-text offsets, or a reason (and a sentence for the reader) why not. */
export type SelectionCheck =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: SelectionRejection; message: string };

const MESSAGES: Record<SelectionRejection, string> = {
  empty: 'Select some text to highlight.',
  whitespace: 'The selection is only blank space.',
  'too-long': `That selection is too long to highlight (over ${MAX_SELECTION_LENGTH.toLocaleString('en')} characters).`,
  editable: 'Text in form fields and editable areas cannot be highlighted.',
  'outside-article': 'Only text in the article can be highlighted.',
};

const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/**
 * Checks a selection and turns it into offsets in Article.text, trimmed of surrounding whitespace.
 * `text` is Article.text (the space `index` maps into). Never throws: a detached or foreign range is "outside".
 */
export function selectionToOffsets(range: Range, index: RangeOffsetIndex, text: string): SelectionCheck {
  const reject = (reason: SelectionRejection): SelectionCheck => ({ ok: false, reason, message: MESSAGES[reason] });
  try {
    if (isInEditable(range.startContainer) || isInEditable(range.endContainer)) return reject('editable');
    // Selecting inside an <input> gives a range around the element itself, not into its value.
    const first = range.startContainer.childNodes[range.startOffset];
    if (first && first.nodeType === 1 && (first as Element).matches(EDITABLE)) return reject('editable');
    if (range.collapsed) return reject('empty');
    const raw = range.toString();
    if (raw.length === 0) return reject('empty');
    if (raw.trim().length === 0) return reject('whitespace');
    // Checked before mapping too: mapping a whole-page selection is the expensive step.
    if (raw.length > MAX_SELECTION_LENGTH * 2) return reject('too-long');
    const offsets = index.fromRange(range);
    if (!offsets) return reject('outside-article');
    return offsetsToHighlight(text, offsets.start, offsets.end);
  } catch {
    return reject('outside-article');
  }
}

/** The offset half of selectionToOffsets: trims whitespace and applies the empty/whitespace/length rules. */
export function offsetsToHighlight(text: string, start: number, end: number): SelectionCheck {
  const reject = (reason: SelectionRejection): SelectionCheck => ({ ok: false, reason, message: MESSAGES[reason] });
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) return reject('outside-article');
  if (end <= start) return reject('empty');
  let s = start;
  let e = end;
  // Whitespace at the edges (a triple-click takes the paragraph break) would put "\n\n" into the quote.
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  if (e <= s) return reject('whitespace');
  if (e - s > MAX_SELECTION_LENGTH) return reject('too-long');
  return { ok: true, start: s, end: e };
}

function isInEditable(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  if (el.closest(EDITABLE)) return true;
  // A selection inside a shadow root (an input's UA shadow, a widget) reports the host's subtree; check the host too.
  const root = el.getRootNode();
  const host = (root as ShadowRoot).host as Element | undefined;
  return host ? isInEditable(host) : false;
}
