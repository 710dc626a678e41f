/**
 * Article metadata from every source a page offers, read from the LIVE document (read-only; Readability gets a clone).
 *
 * Order of trust, per field (first source that gives a usable value wins):
 *
 * 1. JSON-LD (`NewsArticle`, `Article`, `BlogPosting`, `LiveBlogPosting`, … — including `@graph`, arrays, nested
 *    `mainEntity`, and `@id` references to a publisher or author elsewhere in the graph). Publishers write it for
 *    search engines, who reject pages whose structured data disagrees with the visible page, so it is the most
 *    carefully kept source. When a page holds several article nodes, the one whose url matches the canonical link wins.
 * 2. OpenGraph `og:*` / `article:*`, then Twitter cards, then the other common meta names (`author`, `parsely-*`,
 *    `sailthru.*`, Dublin Core `dc.*`, `citation_*`, `description`). Written for link previews: right, but titles are
 *    sometimes social rewrites, and `article:author` is often a profile URL (ignored).
 * 3. `<link rel=canonical>` for URL identity (see canonicalUrl(): used only when same-site).
 * 4. `<time datetime>` / `itemprop=datePublished|dateModified` markup for dates; `rel=author` / `itemprop=author`
 *    markup for the byline — visible-page markup, but it also marks related stories' dates and authors, so it
 *    only fills gaps (the first match inside `<article>` or `<main>` is preferred).
 * 5. Readability's own result (title from `<title>`/headings, byline from byline-looking nodes, dir, lang,
 *    excerpt from the first paragraph) — the fallback, applied by extractArticle().
 *
 * Language comes first from `<html lang>` (it describes the document as rendered, and is what screen readers use),
 * then JSON-LD `inLanguage`, `content-language`, `og:locale`.
 */
import { httpUrl } from '../url/httpUrl';

/** Everything the page states about itself; null where it states nothing. */
export interface PageMetadata {
  /** Headline as the page states it (site suffix not yet removed). */
  title: string | null;
  /** Author names from structured data or meta, in page order, deduplicated. */
  authors: string[];
  /** Where `authors` came from: JSON-LD is trusted over a visible byline, meta tags are not (see extractArticle). */
  authorsSource: 'json-ld' | 'meta' | null;
  /** Byline text from markup (`rel=author`, `itemprop=author`) when structured sources give no author. */
  bylineMarkup: string | null;
  /** Publisher name. */
  siteName: string | null;
  /** ISO 8601 (UTC) publication time. */
  publishedTime: string | null;
  /** ISO 8601 (UTC) modification time. */
  modifiedTime: string | null;
  /** BCP 47 language tag. */
  lang: string | null;
  /** Direction stated on `<html>` or `<body>`. */
  dir: 'ltr' | 'rtl' | null;
  /** Description / standfirst. */
  excerpt: string | null;
  /** Absolute lead image URL. */
  leadImage: string | null;
  /** `<link rel=canonical>` href as written (resolved later). */
  canonicalHref: string | null;
  /** JSON-LD `articleBody`, when the page carries one. */
  articleBody: string | null;
  /** Every JSON-LD `@type` seen on the page (for not-an-article checks). */
  jsonLdTypes: string[];
  /** Whether a JSON-LD article node was found. */
  hasJsonLdArticle: boolean;
  /** `og:type`, lower-cased. */
  ogType: string | null;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = new Set([
  'article', 'newsarticle', 'reportagenewsarticle', 'analysisnewsarticle', 'opinionnewsarticle', 'backgroundnewsarticle',
  'reviewnewsarticle', 'askpublicnewsarticle', 'blogposting', 'liveblogposting', 'socialmediaposting', 'report',
  'scholarlyarticle', 'techarticle', 'satiricalarticle', 'advertisercontentarticle', 'medicalscholarlyarticle',
]);

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((t) => ARTICLE_TYPES.has(t.replace(/^.*[/:]/, '').toLowerCase()));
}

/** Parses every JSON-LD block, tolerating the usual publishing slips (HTML comments, CDATA, raw newlines in strings). */
function parseJsonLdBlocks(doc: Document): Json[] {
  const out: Json[] = [];
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const raw = (script.textContent ?? '').trim();
    if (raw === '' || raw.length > 2_000_000) continue;
    // folha.uol.com.br wraps its JSON-LD in a bare `<![CDATA[ … ]]>`; others in `//<![CDATA[` or `<!-- … -->`.
    const cleaned = raw.replace(/^\s*(<!--|(\/\/\s*)?<!\[CDATA\[)/, '').replace(/(-->|(\/\/\s*)?\]\]>)\s*$/, '');
    try {
      out.push(JSON.parse(cleaned) as Json);
    } catch {
      try {
        // Raw control characters inside strings are the commonest invalid-JSON slip in the wild.
        out.push(JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ')) as Json);
      } catch {
        /* unreadable block: other sources still apply */
      }
    }
  }
  return out;
}

/** Flattens arrays, `@graph` and `mainEntity` nesting into a list of nodes (bounded, so hostile JSON cannot stall us). */
function flattenNodes(blocks: Json[]): JsonObject[] {
  const nodes: JsonObject[] = [];
  const stack: Json[] = [...blocks];
  let guard = 0;
  while (stack.length > 0 && guard++ < 5000) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) {
      nodes.push(v);
      const graph = v['@graph'];
      if (graph !== undefined) stack.push(graph);
      const main = v['mainEntity'];
      if (isObject(main) || Array.isArray(main)) stack.push(main);
    }
  }
  return nodes.reverse();
}

function str(v: Json | undefined): string | null {
  if (typeof v === 'string') {
    const s = v.replace(/\s+/g, ' ').trim();
    return s === '' ? null : decodeEntities(s);
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x);
      if (s) return s;
    }
  }
  return null;
}

/** JSON-LD and meta values sometimes carry HTML entities written twice (`&amp;#8217;`); decode the common ones. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function looksLikeUrl(s: string): boolean {
  return /^(https?:)?\/\//i.test(s) || /^www\./i.test(s);
}

/** Splits "Jane Doe and John Roe", "By Jane Doe, John Roe" into names. */
export function splitAuthors(byline: string): string[] {
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .replace(/^\s*(by|von|par|por|di|door|av|af|de)\s+/i, '')
    .trim();
  if (cleaned === '') return [];
  return cleaned
    .split(/\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\|)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && s.length < 80 && !looksLikeUrl(s) && /\p{L}/u.test(s));
}

function authorNames(v: Json | undefined, byId: Map<string, JsonObject>): string[] {
  const out: string[] = [];
  const visit = (x: Json | undefined, depth: number): void => {
    if (x === undefined || x === null || depth > 3) return;
    if (Array.isArray(x)) for (const y of x) visit(y, depth + 1);
    else if (typeof x === 'string') {
      if (!looksLikeUrl(x)) out.push(...splitAuthors(x));
    } else if (isObject(x)) {
      const ref = typeof x['@id'] === 'string' && Object.keys(x).length === 1 ? byId.get(x['@id']) : undefined;
      const node = ref ?? x;
      const name = str(node['name']);
      if (name && !looksLikeUrl(name)) out.push(name);
    }
  };
  visit(v, 0);
  return out;
}

function imageUrl(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const u = imageUrl(x);
      if (u) return u;
    }
    return null;
  }
  if (isObject(v)) return str(v['url']) ?? str(v['contentUrl']);
  return null;
}

/** Normalises a date string to ISO 8601 UTC; strings without a zone are read as UTC (documented guess). */
export function toIsoTime(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = value.trim();
  if (s === '') return null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const n = Number(s);
    const d = new Date(s.length === 10 ? n * 1000 : n);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  // "2021-11-01T10:52:50+0100" → "+01:00"; "2019-04-28 06:01:07" → "T…Z".
  s = s.replace(/^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)/, '$1T$2');
  s = s.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(s)) s += 'Z';
  if (/^\d{4}-\d\d-\d\d$/.test(s)) s += 'T00:00:00Z';
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  const year = d.getUTCFullYear();
  // Outside this window a "date" is a template placeholder or an epoch-zero bug.
  if (year < 1990 || year > 2100) return null;
  return d.toISOString();
}

/** Normalises a language tag: "en_us" → "en-US", "EN" → "en". */
export function normalizeLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const first = value.split(',')[0]?.trim().replace(/_/g, '-') ?? '';
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(first)) return null;
  return first
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.toLowerCase()))
    .join('-');
}

/** Reads every `<meta>` once into a map: lower-cased property/name/itemprop → values in page order. */
function readMetaTags(doc: Document): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    const value = content.replace(/\s+/g, ' ').trim();
    if (value === '') continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = el.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) {
        const list = map.get(k);
        if (list) list.push(value);
        else map.set(k, [value]);
      }
    }
  }
  return map;
}

function firstMeta(meta: Map<string, string[]>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k)?.[0];
    if (v) return decodeEntities(v);
  }
  return null;
}

function pickArticleNode(nodes: JsonObject[], canonical: string | null, pageUrl: string): JsonObject | null {
  const articles = nodes.filter(isArticleNode);
  if (articles.length <= 1) return articles[0] ?? null;
  const targets = new Set([canonical, pageUrl].filter((x): x is string => !!x).map((u) => u.replace(/[#?].*$/, '').replace(/\/$/, '')));
  const urlOf = (n: JsonObject): string | null => {
    const m = n['mainEntityOfPage'];
    const u = str(n['url']) ?? (typeof m === 'string' ? m : isObject(m) ? str(m['@id']) ?? str(m['url']) : null);
    return u ? u.replace(/[#?].*$/, '').replace(/\/$/, '') : null;
  };
  const byUrl = articles.find((n) => {
    const u = urlOf(n);
    return u !== null && targets.has(u);
  });
  if (byUrl) return byUrl;
  // Otherwise the node with a headline and the longest body: related-article stubs carry neither.
  let best: JsonObject | null = null;
  let bestScore = -1;
  for (const n of articles) {
    const score = (str(n['headline']) ? 1_000_000 : 0) + (str(n['articleBody'])?.length ?? 0);
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Elements carrying date/author markup, in page order. One simple selector, filtered in JS: jsdom's selector engine
 * takes ~35 ms per call on a 200 kB page for `article [itemprop~="author"]`-style selectors (measured), ~1 ms for this.
 */
function markupElements(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('[itemprop], [rel], time'));
}

function hasToken(el: Element, attr: string, token: string): boolean {
  const v = el.getAttribute(attr);
  return v !== null && v.toLowerCase().split(/\s+/).includes(token.toLowerCase());
}

/** Prefers the first match inside `<article>`/`<main>`: related stories outside carry their own dates and authors. */
function preferInArticle(list: Element[]): Element | null {
  return list.find((el) => el.closest('article, main') !== null) ?? list[0] ?? null;
}

function markupDate(els: Element[], prop: 'datePublished' | 'dateModified'): string | null {
  const scoped = preferInArticle(els.filter((el) => hasToken(el, 'itemprop', prop)));
  const fromProp = scoped ? (scoped.getAttribute('datetime') ?? scoped.getAttribute('content') ?? scoped.textContent) : null;
  const iso = toIsoTime(fromProp);
  if (iso || prop === 'dateModified') return iso;
  const times = els.filter((el) => el.nodeName.toUpperCase() === 'TIME' && el.hasAttribute('datetime'));
  const time = times.find((el) => el.hasAttribute('pubdate')) ?? preferInArticle(times.filter((el) => el.closest('article, main') !== null));
  return toIsoTime(time?.getAttribute('datetime'));
}

function markupByline(els: Element[]): string | null {
  const authorEls = els.filter((el) => hasToken(el, 'itemprop', 'author'));
  const named = authorEls.map((el) => el.querySelector('[itemprop~="name"]')).filter((x): x is Element => x !== null);
  const el = preferInArticle(named) ?? preferInArticle([...authorEls, ...els.filter((e) => hasToken(e, 'rel', 'author'))].filter((e) => e.closest('article, main') !== null));
  const text = el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return text !== '' && text.length < 120 ? text : null;
}

/** Reads the page's own statements about the article (see the order of trust above). Never throws. */
export function readMetadata(doc: Document, pageUrl: string): PageMetadata {
  const meta = readMetaTags(doc);
  let markupCache: Element[] | null = null;
  const markup = (): Element[] => (markupCache ??= markupElements(doc));
  const canonicalHref = Array.from(doc.getElementsByTagName('link')).find((l) => hasToken(l, 'rel', 'canonical'))?.getAttribute('href')?.trim() || null;
  const nodes = flattenNodes(parseJsonLdBlocks(doc));
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const deref = (v: Json | undefined): JsonObject | null => {
    const o = Array.isArray(v) ? v[0] : v;
    if (!isObject(o)) return null;
    return typeof o['@id'] === 'string' && byId.has(o['@id']) ? byId.get(o['@id'])! : o;
  };
  const article = pickArticleNode(nodes, httpUrl(canonicalHref, pageUrl), pageUrl);
  const website = nodes.find((n) => typesOf(n).includes('WebSite')) ?? null;

  const jsonAuthors = article ? authorNames(article['author'] ?? article['creator'], byId) : [];
  const metaAuthorValues = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'citation_author']
    .flatMap((k) => meta.get(k) ?? [])
    .filter((v) => !looksLikeUrl(v));
  const metaAuthors = metaAuthorValues.flatMap(splitAuthors);
  const authors = dedupe(jsonAuthors.length > 0 ? jsonAuthors : metaAuthors);

  const publisher = article ? deref(article['publisher']) : null;
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  const dirAttr = (doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? '').toLowerCase();

  return {
    title: (article && str(article['headline'])) ?? firstMeta(meta, ['og:title', 'twitter:title', 'parsely-title', 'sailthru.title', 'dc.title', 'citation_title']),
    authors,
    authorsSource: jsonAuthors.length > 0 ? 'json-ld' : authors.length > 0 ? 'meta' : null,
    bylineMarkup: authors.length === 0 ? markupByline(markup()) : null,
    siteName:
      (publisher && str(publisher['name'])) ??
      firstMeta(meta, ['og:site_name', 'application-name', 'apple-mobile-web-app-title', 'dc.publisher', 'citation_publisher']) ??
      (website && str(website['name'])),
    publishedTime:
      (article && toIsoTime(str(article['datePublished']) ?? str(article['dateCreated']))) ??
      toIsoTime(firstMeta(meta, ['article:published_time', 'og:published_time', 'published_time', 'datepublished', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'dc.date', 'dcterms.created', 'dc.date.issued', 'citation_publication_date', 'date'])) ??
      markupDate(markup(), 'datePublished'),
    modifiedTime:
      (article && toIsoTime(str(article['dateModified']))) ??
      toIsoTime(firstMeta(meta, ['article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified'])) ??
      markupDate(markup(), 'dateModified'),
    lang:
      normalizeLang(htmlLang) ??
      normalizeLang(article ? str(article['inLanguage']) : null) ??
      normalizeLang(firstMeta(meta, ['content-language', 'language', 'dc.language'])) ??
      normalizeLang(firstMeta(meta, ['og:locale'])),
    dir: dirAttr === 'rtl' ? 'rtl' : dirAttr === 'ltr' ? 'ltr' : null,
    excerpt: (article && str(article['description'])) ?? firstMeta(meta, ['og:description', 'twitter:description', 'description', 'dc.description']),
    leadImage: httpUrl(
      (article && imageUrl(article['image'] ?? article['thumbnailUrl'])) ??
        firstMeta(meta, ['og:image:secure_url', 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src']) ??
        Array.from(doc.getElementsByTagName('link')).find((l) => hasToken(l, 'rel', 'image_src'))?.getAttribute('href') ??
        null,
      pageUrl,
    ),
    canonicalHref,
    // Kept raw (not whitespace-collapsed): its newlines are the only paragraph breaks it has.
    articleBody: article && typeof article['articleBody'] === 'string' && article['articleBody'].trim() !== '' ? decodeEntities(article['articleBody']) : null,
    jsonLdTypes: dedupe(nodes.flatMap(typesOf)),
    hasJsonLdArticle: article !== null,
    ogType: firstMeta(meta, ['og:type'])?.toLowerCase() ?? null,
  };
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of list) {
    const k = s.toLowerCase();
    if (!seen.has(k)) {
      seen.add(k);
      out.push(s);
    }
  }
  return out;
}
