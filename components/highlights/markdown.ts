import { type ComponentChild, Fragment, h, type VNode } from 'preact';
import { httpUrl } from '../../utils/url/httpUrl';

/*
 * Light Markdown for notes: **bold** / __bold__, *italic* / _italic_, [label](https://…), bare http(s) URLs, and
 * line breaks (a blank line starts a new paragraph). Hand-written rather than marked/snarkdown because those emit
 * HTML strings, which would have to be injected with dangerouslySetInnerHTML and sanitised again; this parser emits
 * tokens that become Preact VNodes, so text is always a text node and nothing in a note can become markup.
 * Every delimiter search is cached and moves forward only, and a link's URL is scanned at most MAX_URL characters,
 * so hostile input ("**a " × 10,000, "[[[[…", "[a](" × 10,000) stays linear.
 */

/** An inline piece of a note. */
export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'link'; href: string; children: MdInline[] }
  | { type: 'br' };

/** A paragraph of a note. */
export interface MdParagraph {
  type: 'paragraph';
  children: MdInline[];
}

/** Nesting deeper than this is left as text: it bounds recursion on hostile input ("***…***"). */
const MAX_DEPTH = 4;
/** A link label or URL longer than this is not a link (bounds the look-ahead). */
const MAX_LINK_LABEL = 500;
const MAX_URL = 2048;

/** The URL if it is a well-formed http(s) URL, normalised; null for every other scheme (javascript:, data:, …). */
export function safeHref(raw: string): string | null {
  // Control characters and spaces are how "java\tscript:" tricks slip past naive checks: refuse them outright.
  if (raw.length === 0 || raw.length > MAX_URL || /[\s\u0000-\u001f\u007f<>"'`]/.test(raw)) return null;
  return httpUrl(raw);
}

/**
 * Finds the next occurrence of `needle` at or after a position that also passes `accept`. Calls come with
 * non-decreasing `from` inside one parse, so the last answer is reused while it is still ahead: linear overall.
 */
function makeFinder(s: string, needle: string, accept: (at: number) => boolean): (from: number) => number {
  let cachedFrom = -1;
  let cachedAt = -1;
  return (from) => {
    if (cachedFrom >= 0 && from >= cachedFrom && (cachedAt === -1 || from <= cachedAt)) return cachedAt;
    let at = s.indexOf(needle, from);
    while (at !== -1 && !accept(at)) at = s.indexOf(needle, at + 1);
    cachedFrom = from;
    cachedAt = at;
    return at;
  };
}

// ASCII fast paths: these run once or twice per character of the note.
const isSpace = (c: string | undefined): boolean => {
  if (c === undefined) return true;
  const code = c.charCodeAt(0);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(c);
};
const isWordChar = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}]/u.test(c);
};
/** Characters a backslash can escape. */
const ESCAPABLE = new Set(['\\', '*', '_', '[', ']', '(', ')', '`']);
/** Trailing characters that end a sentence rather than a bare URL. */
const URL_TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']']);

const count = (s: string, c: string): number => s.split(c).length - 1;

/** A bare URL without the sentence's punctuation after it, keeping a closing parenthesis the URL opened (Wikipedia). */
function trimUrlEnd(url: string): string {
  let end = url.length;
  while (end > 0 && URL_TRAILING.has(url[end - 1]!)) {
    if (url[end - 1] === ')' && count(url.slice(0, end), '(') >= count(url.slice(0, end), ')')) break;
    end -= 1;
  }
  return url.slice(0, end);
}

/**
 * End of a link's `(url)` opened before `from`: the `)` that balances, or -1 at whitespace or past MAX_URL.
 * `nextClose` (a cached finder) rules most candidates out without a scan: no `)` ahead, or only beyond the limit.
 */
function findUrlEnd(s: string, from: number, nextClose: (from: number) => number): number {
  const first = nextClose(from);
  if (first === -1 || first - from > MAX_URL) return -1;
  let depth = 0;
  const limit = Math.min(s.length, from + MAX_URL);
  for (let j = from; j < limit; j += 1) {
    const c = s[j]!;
    if (isSpace(c)) return -1;
    if (c === '(') depth += 1;
    else if (c === ')') {
      if (depth === 0) return j;
      depth -= 1;
    }
  }
  return -1;
}

/** Parses one line of inline Markdown into tokens. */
function parseInline(s: string, depth: number, allowLinks: boolean): MdInline[] {
  const out: MdInline[] = [];
  let text = '';
  const pushText = (t: string) => {
    text += t;
  };
  const flushText = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };

  const canNest = depth < MAX_DEPTH;
  // A closing delimiter follows a non-space; single * and _ must not be half of a ** or __ run.
  const closeStar2 = makeFinder(s, '**', (at) => !isSpace(s[at - 1]));
  const closeUnder2 = makeFinder(s, '__', (at) => !isSpace(s[at - 1]) && !isWordChar(s[at + 2]));
  const closeStar1 = makeFinder(s, '*', (at) => !isSpace(s[at - 1]) && s[at - 1] !== '*' && s[at + 1] !== '*');
  const closeUnder1 = makeFinder(
    s,
    '_',
    (at) => !isSpace(s[at - 1]) && s[at - 1] !== '_' && s[at + 1] !== '_' && !isWordChar(s[at + 1]),
  );
  const labelEnd = makeFinder(s, ']', () => true);
  const nextClose = makeFinder(s, ')', () => true);

  let i = 0;
  while (i < s.length) {
    const c = s[i]!;

    if (c === '\\' && i + 1 < s.length && ESCAPABLE.has(s[i + 1]!)) {
      pushText(s[i + 1]!);
      i += 2;
      continue;
    }

    if (c === '[' && allowLinks && canNest) {
      const close = labelEnd(i + 1);
      if (close !== -1 && close - i - 1 <= MAX_LINK_LABEL && close > i + 1 && s[close + 1] === '(') {
        const end = findUrlEnd(s, close + 2, nextClose);
        if (end !== -1) {
          const href = safeHref(s.slice(close + 2, end));
          if (href) {
            flushText();
            out.push({ type: 'link', href, children: parseInline(s.slice(i + 1, close), depth + 1, false) });
            i = end + 1;
            continue;
          }
          // An unsafe link stays visible as the text the reader typed, never as a link.
        }
      }
      pushText(c);
      i += 1;
      continue;
    }

    if ((c === '*' || c === '_') && canNest) {
      const double = s[i + 1] === c;
      const opensWord = c === '_' ? !isWordChar(s[i - 1]) : true;
      const width = double ? 2 : 1;
      if (opensWord && !isSpace(s[i + width])) {
        const finder = double ? (c === '*' ? closeStar2 : closeUnder2) : c === '*' ? closeStar1 : closeUnder1;
        const close = finder(i + width + 1);
        if (close !== -1) {
          flushText();
          const children = parseInline(s.slice(i + width, close), depth + 1, allowLinks);
          out.push(double ? { type: 'strong', children } : { type: 'em', children });
          i = close + width;
          continue;
        }
      }
      // Unmatched: the whole run is text, so "**" does not get re-read as two italics.
      let run = i;
      while (s[run] === c) run += 1;
      pushText(s.slice(i, run));
      i = run;
      continue;
    }

    if (c === 'h' && allowLinks && !isWordChar(s[i - 1]) && (s.startsWith('https://', i) || s.startsWith('http://', i))) {
      let end = i;
      while (end < s.length && end - i < MAX_URL && !isSpace(s[end]) && !'<>"\'`'.includes(s[end]!)) end += 1;
      const candidate = trimUrlEnd(s.slice(i, end));
      const href = safeHref(candidate);
      if (href) {
        flushText();
        out.push({ type: 'link', href, children: [{ type: 'text', text: candidate }] });
        i += candidate.length;
        continue;
      }
    }

    pushText(c);
    i += 1;
  }
  flushText();
  return out;
}

/** Parses a note into paragraphs of inline tokens (pure; the tokens hold text, never markup). */
export function parseMarkdownLite(text: string): MdParagraph[] {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  if (!normalised) return [];
  return normalised.split(/\n[ \t]*\n+/).map((block) => {
    const children: MdInline[] = [];
    block.split('\n').forEach((line, index) => {
      if (index > 0) children.push({ type: 'br' });
      children.push(...parseInline(line, 0, true));
    });
    return { type: 'paragraph', children };
  });
}

function renderInline(token: MdInline, key: number): ComponentChild {
  switch (token.type) {
    case 'text':
      return token.text;
    case 'br':
      return h('br', { key });
    case 'strong':
      return h('strong', { key }, token.children.map(renderInline));
    case 'em':
      return h('em', { key }, token.children.map(renderInline));
    case 'link':
      // A note's link leaves the panel: a new tab, no opener, no referrer leaking the article the reader was on.
      return h('a', { key, href: token.href, target: '_blank', rel: 'noopener noreferrer nofollow' }, token.children.map(renderInline));
  }
}

/** Renders a note's light Markdown as Preact VNodes: one `<p>` per paragraph, text always as text nodes. */
export function renderMarkdownLite(text: string): VNode {
  return h(
    Fragment,
    null,
    parseMarkdownLite(text).map((paragraph, index) => h('p', { key: index }, paragraph.children.map(renderInline))),
  );
}
