import { JSDOM, VirtualConsole } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { buildLiveIndex } from '../../../utils/article/liveIndex';
import type { Article } from '../../../utils/article/types';
import { describe } from '../../../utils/highlights/describe';
import { placeHighlights, describeStructure, pageTextOf } from '../../../utils/highlights/placeHighlights';
import type { StoredSelectors } from '../../../utils/highlights/types';

// Issue 14 in the live DOM (jsdom): cause (b), the live index giving a masthead copy the article's highlights, and
// extraction drift, where the re-extracted article lost the highlighted paragraph but the page still shows it.
const URL_ = 'https://news.example/world/2026/talks';
const quiet = new VirtualConsole();

const TEASER = 'The minister arrived in the capital on Monday to a crowd of reporters and protesters.';
const BODY = [
  'Talks with the opposition began before noon and were described by aides as long, frank and at times heated, with no agreement in sight.',
  'The central bank raised rates by half a point, its third increase this year, to cool prices that keep rising in every region of the country.',
  'Economists had expected a smaller move, and markets fell sharply in the hour after the decision was announced by the governor in a short statement.',
  'A spokesman for the ministry said the government would publish its own forecasts at the end of the month, after the cabinet has met twice.',
  'Opposition leaders called the decision reckless and demanded that the minister appear before parliament to explain the new policy in full.',
];

function page(opts: { masthead?: boolean; wrapThird?: string } = {}): string {
  const ps = BODY.map((p, i) => (i === 2 && opts.wrapThird ? `<div class="${opts.wrapThird}"><p>${p}</p></div>` : `<p>${p}</p>`));
  return `<!doctype html><html lang="en"><head><title>Talks begin</title></head><body>
${opts.masthead ? `<header class="site-header"><nav><a href="/">Home</a></nav><p class="teaser">${TEASER}</p></header>` : ''}
<main><article><h1>Talks begin</h1><p>${TEASER}</p>${ps.join('\n')}</article></main>
<footer>© The Daily Meridian</footer></body></html>`;
}

function load(html: string): { doc: Document; article: Article } {
  const doc = new JSDOM(html, { url: URL_, virtualConsole: quiet }).window.document;
  const r = extractArticle(doc, URL_, { force: true });
  if (r.kind !== 'article') throw new Error(`fixture did not extract: ${r.message}`);
  return { doc, article: r.article };
}

suite('live index: article paragraphs map to the live page in order (issue 14, cause b)', () => {
  it('maps the first paragraph to the article, not to an earlier copy of it in the masthead', () => {
    const { doc, article } = load(page({ masthead: true }));
    const start = article.text.indexOf(TEASER);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(article.text.indexOf(TEASER, start + 1)).toBe(-1); // Readability left the masthead out
    const range = buildLiveIndex(doc, article).toRange(start, start + TEASER.length);
    expect(range?.toString()).toBe(TEASER);
    expect(range?.startContainer.parentElement?.closest('article')).not.toBeNull();
  });
});

suite('live index: a short paragraph repeated above the article', () => {
  it('maps a short heading to the article, not to its copy in the page header', () => {
    const html = page().replace('<main><article><h1>Talks begin</h1>', '<div class="toc"><a href="#k">Key points at a glance</a></div><main><article><h1>Talks begin</h1><h2 id="k">Key points at a glance</h2>');
    const { doc, article } = load(html);
    const start = article.text.indexOf('Key points at a glance');
    expect(start).toBeGreaterThanOrEqual(0);
    const range = buildLiveIndex(doc, article).toRange(start, start + 'Key points at a glance'.length);
    expect(range?.startContainer.parentElement?.closest('article')).not.toBeNull();
  });
});

suite('placeHighlights: the structural selector and the whole page text', () => {
  it('a highlight made on the first paragraph is painted there after a masthead copy appears', () => {
    const before = load(page());
    const start = before.article.text.indexOf('arrived in the capital');
    const sel = describe(before.article.text, start, start + 'arrived in the capital on Monday'.length);
    const range = buildLiveIndex(before.doc, before.article).toRange(sel.position.start, sel.position.end)!;
    const stored: StoredSelectors = { ...sel, scope: 'article', structure: describeStructure(range.startContainer) };
    const after = load(page({ masthead: true }));
    const [placed] = placeHighlights(after.doc, after.article, [stored]);
    expect(placed?.range?.toString()).toBe('arrived in the capital on Monday');
    expect(placed?.range?.startContainer.parentElement?.closest('article')).not.toBeNull();
  });

  it('drift: the re-extracted article lost the paragraph, the page still shows it — painted there, marked outside', () => {
    const before = load(page());
    const quote = 'markets fell sharply in the hour';
    const start = before.article.text.indexOf(quote);
    const sel = describe(before.article.text, start, start + quote.length);
    // A redesign wraps the paragraph in a box Readability drops (its class reads like a sidebar).
    const after = load(page({ wrapThird: 'sidebar-related-box' }));
    expect(after.article.text).not.toContain(quote); // the article text shrank
    const [placed] = placeHighlights(after.doc, after.article, [{ ...sel, scope: 'article', structure: null }]);
    expect(placed?.range?.toString()).toBe(quote);
    expect(placed?.space).toBe('page');
  });

  it('a passage deleted from the page stays orphaned, even with the whole page text to search', () => {
    const before = load(page());
    const quote = 'markets fell sharply in the hour';
    const start = before.article.text.indexOf(quote);
    const sel = describe(before.article.text, start, start + quote.length);
    const after = load(page().replace(/<p>Economists[^<]*<\/p>/, ''));
    const [placed] = placeHighlights(after.doc, after.article, [{ ...sel, scope: 'article', structure: null }]);
    expect(placed?.range).toBeNull();
  });

  it('the page text holds what Readability leaves out (a highlight outside the article anchors there)', () => {
    const { doc } = load(page({ masthead: true }));
    const text = pageTextOf(doc);
    expect(text).toContain('Home');
    expect(text).toContain('© The Daily Meridian');
  });
});
