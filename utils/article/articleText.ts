/**
 * The article's plain text: the one string every later stage (entity mentions, highlight selectors, the live index)
 * counts offsets in. Paragraphs are separated by "\n\n"; inside a paragraph every whitespace run is one space.
 */

/** Separator between paragraphs of `Article.text`. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** Elements that start a new paragraph. `br` too: Readability keeps `<br>`-separated lines inside one `<p>`. */
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'SELECT', 'TEXTAREA', 'BUTTON']);

/** Whether an element starts a paragraph of `Article.text` (shared with the live index so both cut text alike). */
export function isBlockElement(el: Element): boolean {
  return BLOCK_TAGS.has(el.nodeName.toUpperCase());
}

/** Whether an element's text is left out of `Article.text`. */
export function isSkippedElement(el: Element): boolean {
  return SKIP_TAGS.has(el.nodeName.toUpperCase());
}

/** Collapses whitespace runs to one space and trims. */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * The paragraphs of an element's text. Iterative (not recursive): pages with thousands of nested elements must not
 * overflow the stack.
 */
export function paragraphsOf(root: Node): string[] {
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    const p = collapseWhitespace(buf);
    if (p !== '') out.push(p);
    buf = '';
  };
  // Stack of [node, leaving]; `leaving` marks the second visit of a block element.
  const stack: Array<[Node, boolean]> = [[root, false]];
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (leaving) {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      buf += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11 && node.nodeType !== 9) continue;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (isSkippedElement(el)) continue;
      if (isBlockElement(el)) {
        flush();
        stack.push([node, true]);
      }
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i]!, false]);
  }
  flush();
  return out;
}

/** Splits free text (a JSON-LD `articleBody`) into paragraphs on line breaks. */
export function paragraphsOfPlainText(s: string): string[] {
  return s
    .split(/\r?\n\s*(?:\r?\n\s*)*|\u2029/)
    .map(collapseWhitespace)
    .filter((p) => p !== '');
}

/** Words in a text: runs of letters or digits (an apostrophe or hyphen inside a word does not split it). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/**
 * Reading time in whole minutes at 230 words a minute (the commonly cited adult silent-reading rate), at least 1 for
 * a non-empty text. Scripts without spaces (Chinese, Japanese, Thai) count ~500 characters a minute instead.
 */
export function readingMinutes(text: string, words: number): number {
  if (text.trim() === '') return 0;
  const cjk = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu) ?? []).length;
  const minutes = cjk > text.length / 3 ? cjk / 500 : words / 230;
  return Math.max(1, Math.round(minutes));
}
