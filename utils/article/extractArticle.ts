import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { canonicalUrl } from './canonicalUrl';
import { countWords, paragraphsOf, paragraphsOfPlainText, PARAGRAPH_SEPARATOR, readingMinutes } from './articleText';
import { normalizeLang, readMetadata, splitAuthors, toIsoTime, type PageMetadata } from './metadata';
import { httpUrl } from '../url/httpUrl';
import { judgeContent, linkDensityOf, linkedHeadlinesOf } from './notAnArticle';
import { paragraphsToHtml, sanitizeArticleHtml } from './sanitizeHtml';
import type { Article, ExtractionResult, NotArticleReason } from './types';

/** Options for extractArticle(). */
export interface ExtractOptions {
  /** Extract even a page that does not look like an article ("Try anyway"). Budget and bad-input limits still apply. */
  force?: boolean;
  /** Wall-clock budget in milliseconds (default 5000). Readability is synchronous: we predict, then check between steps. */
  budgetMs?: number;
}

/** Default work budget: long enough for a 1 MB page in jsdom on a slow machine, short enough not to freeze a tab. */
export const DEFAULT_BUDGET_MS = 5000;

/**
 * Readability's run costs a few times a deep clone of the same document (measured 3–4× on the fixture pages, jsdom
 * and linkedom). If the clone alone ate more than this share of the budget, Readability would overrun it: give up.
 */
const CLONE_SHARE_LIMIT = 0.4;

/** Elements beyond which we do not try at all (a 5 MB page of real markup is ~60 000; pathological pages far more). */
const MAX_ELEMENTS = 100_000;

/** Deeper than this (probed on the tree's outer chains) and we do not run Readability at all. */
const MAX_DEPTH = 200;

/** Depth of the first-child and last-child chains under `root`, stopping at `cap`. */
function probeDepth(root: Element, cap: number): number {
  let a = 0;
  for (let n = root.firstElementChild; n && a < cap; n = n.firstElementChild) a++;
  let b = 0;
  for (let n = root.lastElementChild; n && b < cap; n = n.lastElementChild) b++;
  return Math.max(a, b);
}

/** Text an emptied ad slot shows. */
const AD_LABEL = /^(advertisement|advertising|advert|ads?|sponsored|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|reklama|إعلان|פרסומת)([\s\-–:]+(scroll|continue|story continues)[\p{L}\s]*)?$/iu;

/**
 * Removes ad-slot labels from Readability's content. Readability keeps an in-article slot whose class has no "-ad-"
 * token (the seed page's `<div class="ad-slot ad-mrec">Advertisement</div>`), and "Advertisement" then lands in the
 * text between two paragraphs. Done on the (small) content, by text: a clone-wide `[class*="ad-slot"]` query cost
 * 15–120 ms per page in jsdom (measured), more than the rest of our additions together.
 */
function removeAdLabels(content: Element): void {
  const labels: Text[] = [];
  const stack: Node[] = [content];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const t = (n as Text).data.trim();
      if (t.length > 1 && t.length <= 40 && AD_LABEL.test(t)) labels.push(n as Text);
    } else if (n.nodeType === 1) {
      const kids = n.childNodes;
      for (let i = 0; i < kids.length; i++) stack.push(kids[i]!);
    }
  }
  for (const label of labels) {
    const text = label.data.trim();
    // Climb while the ancestor holds nothing but this label (no other text, no image).
    let target: Node = label;
    for (let p = label.parentElement; p && p !== content; p = p.parentElement) {
      if ((p.textContent ?? '').trim() !== text || p.querySelector('img, picture, video, figure') !== null) break;
      target = p;
    }
    if (target !== label) (target as Element).remove();
  }
}

/** Elements that belong in <head>; anything else found there or beside <body> is moved into <body>. */
const HEAD_TAGS = new Set(['BASE', 'LINK', 'META', 'NOSCRIPT', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TITLE']);

/** Moves content a parser left in <head> or directly under <html> into <body>, as an HTML5 parser would have. */
function moveStraysIntoBody(doc: Document): void {
  const body = doc.body;
  const root = doc.documentElement;
  if (!body || !root) return;
  const strays: Element[] = [];
  for (const el of Array.from(root.children)) {
    if (el === body) continue;
    if (el.nodeName.toUpperCase() === 'HEAD') {
      for (const h of Array.from(el.children)) if (!HEAD_TAGS.has(h.nodeName.toUpperCase())) strays.push(h);
    } else strays.push(el);
  }
  for (const el of strays) body.appendChild(el);
}

/** Languages written right to left (ISO 639 codes). */
const RTL_LANGS = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ku', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Extracts the article from a document (live page, jsdom or linkedom): Readability on a clone, metadata from every
 * source the page offers, sanitised HTML and the plain text later stages count offsets in. Never throws; anything
 * that is not an article comes back as `{ kind: 'not-article', reason, message }`.
 */
export function extractArticle(doc: Document, url: string, opts: ExtractOptions = {}): ExtractionResult {
  const force = opts.force ?? false;
  const budget = opts.budgetMs ?? DEFAULT_BUDGET_MS;
  const started = now();
  let titleHint: string | null = null;
  const notArticle = (reason: NotArticleReason, message: string): ExtractionResult => ({
    kind: 'not-article',
    reason,
    message,
    title: titleHint,
    url,
  });
  try {
    if (!doc || !doc.documentElement) return notArticle('empty', 'The page has no content.');
    titleHint = (doc.title ?? '').replace(/\s+/g, ' ').trim() || null;
    const body = doc.body;
    if (!body || body.nodeName.toUpperCase() === 'FRAMESET' || (body.childElementCount === 0 && doc.querySelector('frameset, frame'))) {
      const framed = doc.querySelector('frameset, frame') !== null;
      return notArticle(
        'empty',
        framed ? 'This page is made of frames; open the frame that holds the article on its own.' : 'The page has no body.',
      );
    }
    // Nesting bombs make Readability quadratic (measured: 1000 levels take 1.6 s in linkedom, 7 s in jsdom, and it
    // cannot be interrupted). Probe the outer chains of the tree, which costs microseconds; real pages are < 80 deep.
    const depth = probeDepth(body, MAX_DEPTH + 1);
    if (depth > MAX_DEPTH) {
      return notArticle('timeout', `This page is nested too deeply to extract safely (more than ${MAX_DEPTH} levels).`);
    }
    const meta = readMetadata(doc, url);
    titleHint = meta.title ?? titleHint;
    const jsonBodyWords = meta.articleBody ? countWords(meta.articleBody) : 0;

    // Readability's readerability check alone refused real articles (8 of WCXB dev's 793): it is one vote of the
    // result checks now (notAnArticle.ts), and only a page with no text at all is turned away here.
    const readerable = force || jsonBodyWords >= 80 || isProbablyReaderable(doc);
    if (!readerable) {
      const bodyText = (body.textContent ?? '').replace(/\s+/g, ' ').trim();
      // A script-rendered shell (React/Next/Nuxt/Angular root, little text yet): say so, the watcher will retry.
      if (bodyText.length < 500 && doc.querySelector('#root, #app, #__next, #__nuxt, [ng-version], [data-reactroot]') !== null) {
        return notArticle('app', 'This page is a web app that has not rendered an article (yet).');
      }
      if (bodyText === '') return notArticle('empty', 'The page has no text.');
    }

    const elementCount = doc.getElementsByTagName('*').length;
    if (elementCount > MAX_ELEMENTS) {
      return notArticle('timeout', `This page is too large to extract (${elementCount} elements).`);
    }
    if (now() - started > budget * 0.5) {
      return notArticle('timeout', `This page is too large to extract in time (gave up after ${Math.round(now() - started)} ms).`);
    }
    const cloneStart = now();
    const clone = doc.cloneNode(true) as Document;
    const cloneMs = now() - cloneStart;
    if (now() - started > budget || cloneMs > budget * CLONE_SHARE_LIMIT) {
      return notArticle('timeout', `This page is too large to extract in time (gave up after ${Math.round(now() - started)} ms).`);
    }

    let parsed: ReturnType<Readability<Element>['parse']> = null;
    try {
      // Our own metadata reader handles JSON-LD (with @graph and @id references); Readability's second pass is waste.
      parsed = new Readability<Element>(clone, { serializer: (n) => n as Element, disableJSONLD: true }).parse();
    } catch {
      // A tree a browser would never build (linkedom keeps text blocks outside <body>; WCXB dev page 0135) sends
      // Readability's climb from a candidate past <body>: put the strays inside <body> and try once more.
      try {
        const again = doc.cloneNode(true) as Document;
        moveStraysIntoBody(again);
        parsed = new Readability<Element>(again, { serializer: (n) => n as Element, disableJSONLD: true }).parse();
      } catch (e) {
      // Readability can throw on hostile markup (and on stack depth in deep trees); fall back to JSON-LD below.
      parsed = null;
        if (jsonBodyWords === 0) return notArticle('error', `Extraction failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    if (now() - started > budget * 1.5) {
      // Already late: do not also run sanitising and checks on top.
      return notArticle('timeout', `Extraction took too long (${Math.round(now() - started)} ms).`);
    }

    const content = parsed?.content ?? null;
    if (content) removeAdLabels(content);
    let paragraphs = content ? paragraphsOf(content) : [];
    let text = paragraphs.join(PARAGRAPH_SEPARATOR);
    let words = countWords(text);
    let html = '';
    let textSource: Article['textSource'] = 'readability';

    // JSON-LD articleBody fallback: Readability found nothing, or clearly less than the page says the article holds
    // (a paywall teaser, a "continue reading" stub, a body rendered by script after load).
    if (meta.articleBody && jsonBodyWords >= 30 && (words === 0 || (words < jsonBodyWords * 0.6 && jsonBodyWords - words > 50))) {
      paragraphs = paragraphsOfPlainText(meta.articleBody);
      text = paragraphs.join(PARAGRAPH_SEPARATOR);
      words = countWords(text);
      html = paragraphsToHtml(paragraphs);
      textSource = 'json-ld';
    } else if (content) {
      html = sanitizeArticleHtml(content, doc.defaultView, url);
    }

    if (words === 0) return notArticle(force ? 'empty' : 'not-readerable', 'No article text was found on this page.');

    if (!force) {
      let path = '/';
      try {
        path = new URL(url).pathname;
      } catch {
        /* keep "/" */
      }
      const verdict = judgeContent(
        {
          paragraphs,
          wordCount: words,
          linkDensity: content && textSource === 'readability' ? linkDensityOf(content) : 0,
          path,
          linkedHeadlines: linkedHeadlinesOf(doc),
          readerable,
        },
        meta,
      );
      if (verdict) return notArticle(verdict.reason, verdict.message);
    }

    const article = assemble(doc, url, meta, parsed, { text, html, words, paragraphs, textSource });
    return { kind: 'article', article };
  } catch (e) {
    return notArticle('error', `Extraction failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

interface Extracted {
  text: string;
  html: string;
  words: number;
  paragraphs: string[];
  textSource: Article['textSource'];
}

type Parsed = ReturnType<Readability<Element>['parse']>;

function assemble(doc: Document, url: string, meta: PageMetadata, parsed: Parsed, x: Extracted): Article {
  const siteName = cleanSiteName(meta.siteName ?? clean(parsed?.siteName));
  const rawTitle = meta.title ?? clean(parsed?.title) ?? (clean(doc.title) || null) ?? '';
  const visibleByline = cleanByline(clean(parsed?.byline) ?? meta.bylineMarkup);
  // Meta-tag authors lose to a byline printed in the article when they disagree: heraldsun.com.au puts the
  // section's columnist in `article:author` ("Laurie Oakes") over a piece signed "JOE HILDEBRAND".
  const metaDisagrees =
    meta.authorsSource === 'meta' &&
    visibleByline !== null &&
    !meta.authors.some((a) => visibleByline.toLowerCase().includes(a.toLowerCase()));
  const useMeta = meta.authors.length > 0 && !metaDisagrees;
  const authors = useMeta ? meta.authors : splitAuthors(visibleByline ?? '');
  const byline = useMeta ? joinNames(meta.authors) : visibleByline;
  const lang = meta.lang ?? normalizeLang(parsed?.lang);
  const dirFromParse = parsed?.dir?.toLowerCase();
  const dir: 'ltr' | 'rtl' =
    meta.dir ?? (dirFromParse === 'rtl' || dirFromParse === 'ltr' ? dirFromParse : lang && RTL_LANGS.has(lang.split('-')[0]!) ? 'rtl' : 'ltr');
  const firstImg = parsed?.content?.querySelector('img[src]')?.getAttribute('src') ?? null;
  return {
    title: stripSiteSuffix(rawTitle, siteName),
    byline,
    authors,
    siteName,
    publishedTime: meta.publishedTime ?? toIsoTime(parsed?.publishedTime),
    modifiedTime: meta.modifiedTime,
    lang,
    dir,
    // Readability's excerpt is the first <p>, which on live blogs is a timestamp ("02:15"): take a real paragraph then.
    excerpt: meta.excerpt ?? (clean(parsed?.excerpt) && clean(parsed?.excerpt)!.length >= 40 ? clean(parsed?.excerpt) : (x.paragraphs.find((p) => p.length >= 80) ?? clean(parsed?.excerpt))),
    text: x.text,
    html: x.html,
    wordCount: x.words,
    readingMinutes: readingMinutes(x.text, x.words),
    leadImage: meta.leadImage ?? httpUrl(firstImg, url),
    canonicalUrl: canonicalUrl(url, meta.canonicalHref),
    textSource: x.textSource,
  };
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

/** "Aktuálně.cz - Víte, co se právě děje" → "Aktuálně.cz": publishers append their tagline to their name. */
function cleanSiteName(name: string | null): string | null {
  if (!name) return null;
  const first = name.split(/\s+[|\-–—]\s+/)[0]?.trim() ?? '';
  return first.length >= 2 ? first : name;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Readability's byline sometimes carries the dateline or share counts glued on ("by Lucas Nolan22 Dec 2016651"). */
function cleanByline(s: string | null): string | null {
  if (!s) return null;
  let b = s.replace(/\s+/g, ' ').trim();
  b = b.replace(/\d{1,2}\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}.*$/i, '').trim();
  b = b.replace(/(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4}.*$/i, '').trim();
  b = b.replace(/^•\s*/, '').trim();
  if (b === '' || b.length > 200) return null;
  // A byline made only of dates/times ("April 28, 2019 at 6:01 am") names nobody.
  if (!/\p{L}{2,}/u.test(b.replace(/\b(am|pm|at|updated|published|on)\b/gi, ''))) return null;
  return b;
}

/** Removes " | Site", " - Site", " — Site" when "Site" is the publisher's name. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (!siteName) return t;
  const norm = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const site = norm(siteName);
  if (site === '') return t;
  const m = t.match(/^(.{10,}?)\s+[|\-–—:·•»]\s+([^|\-–—:·•»]+)$/);
  if (m && norm(m[2]!) === site) return m[1]!.trim();
  const pre = t.match(/^([^|\-–—:·•»]+?)(?:\s*[:|]|\s+[\-–—·•»])\s+(.{10,})$/);
  if (pre && norm(pre[1]!) === site) return pre[2]!.trim();
  return t;
}

