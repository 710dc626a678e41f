/*
 * Extract HTML is sanitised where it is fetched: in the background service worker, which has no DOM, so DOMPurify
 * cannot run there (it needs a window; with linkedom it reports isSupported=false and returns its input — see
 * utils/article/sanitizeHtml.ts). Rather than parse HTML, this REBUILDS it: every tag written out is one of a few
 * formatting tags with no attributes at all, every text run is escaped, and the contents of script-like elements are
 * dropped. Whatever the input, the output can carry no attribute (no onerror, no href/src), so no script and no
 * request. Pages that render it may still pass it through DOMPurify (purifyExtract.ts) as defence in depth.
 * Hand-written because no maintained DOM-free sanitiser fits in a service worker bundle this small (TextExtracts only
 * emits p/b/i/ul/li/span/sub/sup), and the test suite cross-checks it against DOMPurify.
 */

/** Tags kept (without attributes). */
export const EXTRACT_TAGS = ['p', 'b', 'i', 'strong', 'em', 'sub', 'sup', 'small', 'span', 'br', 'ul', 'ol', 'li'] as const;
const KEEP = new Set<string>(EXTRACT_TAGS);
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track']);
/** Elements whose content is not text to show. */
const DROP_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'svg', 'math', 'textarea', 'title', 'noembed', 'noframes', 'xmp', 'plaintext', 'select']);

const ENTITY_RE = /^&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/;

function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '&') {
      const m = ENTITY_RE.exec(text.slice(i, i + 40));
      if (m) {
        out += m[0];
        i += m[0].length - 1;
      } else out += '&amp;';
    } else if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else out += c;
  }
  return out;
}

/** Index just past the tag starting at `start` (a '<'), honouring quoted attribute values; -1 if unterminated. */
function tagEnd(html: string, start: number): number {
  let quote: string | null = null;
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** Sanitised extract HTML: allowlisted formatting tags without attributes, escaped text. Works without a DOM. */
export function sanitizeExtract(html: string): string {
  let out = '';
  const stack: string[] = [];
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += escapeText(html.slice(i));
      break;
    }
    out += escapeText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 40));
    if (!m && !/^<[!?]/.test(html.slice(lt, lt + 2))) {
      out += '&lt;';
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end === -1) break; // an unterminated tag: drop the rest rather than guess
    i = end;
    if (!m) continue; // <!doctype>, <?xml?>
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (!closing && DROP_CONTENT.has(name)) {
      const re = new RegExp(`</${name}\\s*>`, 'i');
      const rest = re.exec(html.slice(i));
      i = rest ? i + rest.index + rest[0].length : html.length;
      continue;
    }
    if (!KEEP.has(name)) continue;
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at === -1) continue;
      while (stack.length > at) out += `</${stack.pop()}>`;
    } else if (VOID.has(name)) {
      out += `<${name}>`;
    } else {
      stack.push(name);
      out += `<${name}>`;
    }
  }
  while (stack.length) out += `</${stack.pop()}>`;
  return out.trim();
}

/** Plain text of extract HTML (tags removed, script content dropped, entities left encoded-free). */
export function extractText(html: string): string {
  return sanitizeExtract(html)
    .replace(/<\/(p|li)>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
