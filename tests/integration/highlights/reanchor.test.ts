import { readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { describe as suite, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { buildLiveIndex } from '../../../utils/article/liveIndex';
import type { Article } from '../../../utils/article/types';
import { anchorAll } from '../../../utils/highlights/anchor';
import { describe } from '../../../utils/highlights/describe';
import { paintHighlights } from '../../../utils/highlights/paint';
import { selectionToOffsets } from '../../../utils/highlights/selection';
import type { HighlightSelectors } from '../../../utils/highlights/types';

// The whole round trip on real pages, in jsdom: select in the live page → selectors → the publisher changes the page →
// re-extract → anchor → live Range → painted (fallback marks: jsdom has no CSS Custom Highlight API).
const URL_ = 'https://www.dailymeridian.example/opinion/2023/10/02/axis-of-outcasts-putin-and-kims-cartoon-summit';
const fixture = (name: string, file = 'source.html') => readFileSync(new URL(`../../fixtures/pages/${name}/${file}`, import.meta.url), 'utf8');
const seedHtml = fixture('seed', 'index.html');

function load(html: string): { doc: Document; win: Window; article: Article } {
  const dom = new JSDOM(html, { url: URL_, virtualConsole: new VirtualConsole() });
  const result = extractArticle(dom.window.document, URL_, { force: true });
  if (result.kind !== 'article') throw new Error(`fixture did not extract: ${result.reason}`);
  return { doc: dom.window.document, win: dom.window as unknown as Window, article: result.article };
}

/** A live DOM range from the start of `from` to the end of `to`, found in the page's text nodes. */
function liveRange(doc: Document, from: string, to: string): Range {
  const walker = doc.createTreeWalker(doc.body, 4);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const find = (s: string, startAfter?: Text): [Text, number] => {
    let started = !startAfter;
    for (const n of nodes) {
      if (n === startAfter) started = true;
      const i = started ? n.data.indexOf(s) : -1;
      if (i >= 0) return [n, i];
    }
    throw new Error(`"${s}" not in page`);
  };
  const [sn, so] = find(from);
  const [en, eo] = find(to, sn);
  const r = doc.createRange();
  r.setStart(sn, so);
  r.setEnd(en, eo + to.length);
  return r;
}

/** Select → check → describe, the way the content script saves a highlight. */
function highlight(page: ReturnType<typeof load>, from: string, to: string): HighlightSelectors {
  const index = buildLiveIndex(page.doc, page.article);
  const check = selectionToOffsets(liveRange(page.doc, from, to), index, page.article.text);
  if (!check.ok) throw new Error(`selection rejected: ${check.message}`);
  return describe(page.article.text, check.start, check.end);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

suite('re-anchoring on the seed page', () => {
  const original = load(seedHtml);
  // crosses a paragraph boundary; and one that starts inside a link-free sentence with curly quotes
  const across = highlight(original, 'So is Putin’s apparent sense', 'Indeed, the summit with Kim');
  const curly = highlight(original, 'declared a “no-limits partnership”', 'full-scale invasion of Ukraine');
  const short = highlight(original, 'stumbling block', 'stumbling block');

  it('selection → selectors captured the selected text', () => {
    expect(across.quote.exact).toBe('So is Putin’s apparent sense that he doesn’t have too many international options.\n\nIndeed, the summit with Kim');
    expect(short.quote.exact).toBe('stumbling block');
  });

  it('finds every highlight again after ads are inserted and a paragraph elsewhere is removed, and paints them', () => {
    const changedHtml = seedHtml
      .replace('<p>During the Soviet Union’s', '<div class="ad-slot"><p>Advertisement</p></div><p>During the Soviet Union’s')
      .replace(/<p>Nor would Russian military transfers[\s\S]*?<\/p>/, '')
      .replace('<p>But investment has been limited', '<aside class="newsletter"><p>Sign up for our morning newsletter.</p></aside><p>But investment has been limited');
    const page = load(changedHtml);
    expect(page.article.text).not.toContain('Nor would Russian military transfers');
    const sels = [across, curly, short];
    const results = anchorAll(page.article.text, sels);
    const index = buildLiveIndex(page.doc, page.article);
    const entries = results.map((r, i) => {
      if (r.status !== 'anchored') throw new Error(`highlight ${i} orphaned: ${r.reason}`);
      expect(page.article.text.slice(r.start, r.end)).toBe(sels[i]!.quote.exact);
      const range = index.toRange(r.start, r.end);
      if (!range) throw new Error(`no live range for highlight ${i}`);
      expect(collapse(range.toString())).toBe(collapse(sels[i]!.quote.exact));
      return { id: `h${i}`, color: 'yellow' as const, range };
    });
    const handle = paintHighlights(page.win, entries);
    expect(handle.mode).toBe('marks');
    const marked = (id: string) => collapse(Array.from(page.doc.querySelectorAll(`mark[data-backstory="${id}"]`)).map((m) => m.textContent).join(' '));
    expect(marked('h1')).toBe(collapse(curly.quote.exact));
    expect(marked('h2')).toBe('stumbling block');
    handle.clear();
    expect(page.doc.querySelectorAll('mark').length).toBe(0);
  });

  it('finds them after curly quotes were straightened and the markup re-wrapped', () => {
    const changedHtml = seedHtml
      .replace(/[“”]/g, '"')
      .replace(/’/g, "'")
      .replace(/<p>(Indeed, the summit)/, '<div class="css-x1"><div class="css-x2"><p class="css-p">$1')
      .replace(/(full-scale invasion of Ukraine\.[^<]*<\/p>)/, '$1</div></div>');
    const page = load(changedHtml);
    const [a, c] = anchorAll(page.article.text, [across, curly]);
    expect(a).toMatchObject({ status: 'anchored' });
    expect(c).toMatchObject({ status: 'anchored' });
    if (c!.status === 'anchored') expect(page.article.text.slice(c!.start, c!.end)).toBe(curly.quote.exact.replace(/[“”]/g, '"').replace(/’/g, "'"));
  });

  it('orphans a highlight whose paragraph was deleted, and keeps the others', () => {
    const changedHtml = seedHtml.replace(/<p>But investment has been limited[\s\S]*?<\/p>/, '');
    const page = load(changedHtml);
    const [a, c, s] = anchorAll(page.article.text, [across, curly, short]);
    expect(s).toMatchObject({ status: 'orphaned' });
    expect(a).toMatchObject({ status: 'anchored' });
    expect(c).toMatchObject({ status: 'anchored' });
  });

  it('rejects a selection outside the article (the comments) with a reason', () => {
    const index = buildLiveIndex(original.doc, original.article);
    const r = liveRange(original.doc, 'Very sharp piece', 'column of its own');
    expect(selectionToOffsets(r, index, original.article.text)).toMatchObject({ ok: false, reason: 'outside-article' });
  });
});

suite('re-anchoring on real news pages', () => {
  it.each(['guardian-1', 'nytimes-1', 'lemonde-1'])('%s: every word-aligned highlight survives a "Read more" box before it', (name) => {
    const html = fixture(name);
    const page = load(html);
    const paras = page.article.text.split('\n\n').filter((p) => p.split(' ').length >= 12);
    expect(paras.length).toBeGreaterThan(3);
    // one highlight in every third long paragraph: words 3..9
    const sels = paras.filter((_, i) => i % 3 === 1).map((p) => {
      const words = p.split(' ');
      const phrase = words.slice(3, 10).join(' ');
      const at = page.article.text.indexOf(p) + p.indexOf(phrase);
      return describe(page.article.text, at, at + phrase.length);
    });
    // the publisher adds a promo paragraph before the first highlighted paragraph
    const first = paras[1]!.split(' ').slice(0, 6).join(' ');
    const changed = page.article.text.replace(first, `Read more: our full coverage of the story\n\n${first}`);
    expect(changed).not.toBe(page.article.text);
    const results = anchorAll(changed, sels);
    results.forEach((r, i) => {
      expect(r.status).toBe('anchored');
      if (r.status === 'anchored') expect(changed.slice(r.start, r.end)).toBe(sels[i]!.quote.exact);
    });
  });
});
