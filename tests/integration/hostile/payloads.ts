/**
 * Hostile payloads for every field Backstory shows (issue #13): script, event handlers, javascript:/data: URLs, SVG
 * and mutation-XSS shapes that survive a naive sanitiser and come alive when re-parsed.
 */
export const HOSTILE_TEXT = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 1">',
  '<svg onload="window.__pwned = 1"><script>window.__pwned = 1</script></svg>',
  '<svg><p><style><img src=x onerror="window.__pwned = 1"></style></p></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned = 1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<a href="javascript:window.__pwned=1">click</a>',
  '[click](javascript:window.__pwned=1)',
  '[click](data:text/html,<script>window.__pwned=1</script>)',
  '<iframe src="data:text/html,<script>parent.__pwned=1</script>"></iframe>',
  '"><img src=x onerror=window.__pwned=1>',
];

/** URLs that must never reach an href or src. */
export const HOSTILE_URLS = ['javascript:window.__pwned=1', 'data:text/html,<script>window.__pwned=1</script>', 'vbscript:msgbox(1)', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)'];

/**
 * What is dangerous in a rendered tree: script-capable elements, any on* attribute, and any URL attribute that is
 * not http(s), mailto or a fragment. Returns a description of each, so a failure says what got through.
 */
export function dangerIn(root: Element | DocumentFragment): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'form', 'meta', 'link', 'style', 'svg', 'math'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${tag} ${attr.name}>`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'data'].includes(attr.name.toLowerCase())) {
        const value = attr.value.trim();
        if (value && !/^(https?:|mailto:|#)/i.test(value)) found.push(`<${tag} ${attr.name}="${value.slice(0, 40)}">`);
      }
    }
  }
  return found;
}
