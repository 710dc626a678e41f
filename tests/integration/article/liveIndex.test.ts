import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { buildLiveIndex } from '../../../utils/article/liveIndex';
import type { Article } from '../../../utils/article/types';
import { HARD_PAGES, pageHtml, realPageNames } from '../../unit/article/fixtures';

// jsdom: linkedom's Range is too weak for this (no toString over several nodes).
const quiet = new VirtualConsole();

function setup(name: string): { doc: Document; article: Article } {
  const url = `http://fakehost/test/${name}/`;
  const doc = new JSDOM(pageHtml(name), { url, virtualConsole: quiet }).window.document;
  const r = extractArticle(doc, url, { budgetMs: 60_000 });
  if (r.kind !== 'article') throw new Error(`${name}: ${r.message}`);
  return { doc, article: r.article };
}

/** Paragraph spans [start, end) in article.text. */
function paragraphSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let off = 0;
  for (const p of text.split('\n\n')) {
    spans.push([off, off + p.length]);
    off += p.length + 2;
  }
  return spans;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

// Pages whose text comes from the markup (JSON-LD articleBody pages are tested separately below).
const MAPPED = [...realPageNames(), ...HARD_PAGES.filter((n) => n !== 'section-front' && n !== 'jsonld-only' && n !== 'truncated-articlebody')];

describe('buildLiveIndex: every paragraph maps to the live page and back', () => {
  it.each(MAPPED)('%s', (name) => {
    const { doc, article } = setup(name);
    const index = buildLiveIndex(doc, article);
    expect(index.coverage).toBe(1);
    expect(index.containers.length).toBeGreaterThan(0);
    for (const [start, end] of paragraphSpans(article.text)) {
      const range = index.toRange(start, end);
      expect(range, article.text.slice(start, start + 60)).not.toBeNull();
      expect(ws(range!.toString())).toBe(article.text.slice(start, end));
      // The range lives in the page itself, not in extraction's clone.
      expect(range!.startContainer.ownerDocument).toBe(doc);
      expect(index.fromRange(range!)).toEqual({ start, end });
    }
  });
});

describe('buildLiveIndex on the seed page', () => {
  const { doc, article } = setup('seed');
  const index = buildLiveIndex(doc, article);

  it('finds the article body as its container', () => {
    expect(index.containers[0]?.classList.contains('entry-content')).toBe(true);
  });

  it('maps an entity mention inside a paragraph exactly', () => {
    const start = article.text.indexOf('Vostochny Cosmodrome');
    const range = index.toRange(start, start + 'Vostochny Cosmodrome'.length)!;
    expect(range.toString()).toBe('Vostochny Cosmodrome');
    expect(index.fromRange(range)).toEqual({ start, end: start + 'Vostochny Cosmodrome'.length });
  });

  it('maps a selection across two paragraphs (the "Advertisement" slot between them is not article text)', () => {
    const paras = paragraphSpans(article.text);
    const [s] = paras[4]!;
    const [, e] = paras[5]!;
    const range = index.toRange(s + 10, e - 10)!;
    expect(ws(range.toString())).toContain(article.text.slice(s + 10, paras[4]![1]));
    expect(index.fromRange(range)).toEqual({ start: s + 10, end: e - 10 });
  });

  it('a live selection that starts in page furniture snaps to the article text', () => {
    const range = doc.createRange();
    range.setStartBefore(doc.querySelector('h1')!);
    const firstP = doc.querySelector('.entry-content p')!;
    range.setEnd(firstP.firstChild!, 6);
    expect(index.fromRange(range)).toEqual({ start: 0, end: 6 });
    expect(article.text.slice(0, 6)).toBe('MOSCOW');
  });

  it('a range wholly outside the article maps to nothing', () => {
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('.site-footer')!);
    expect(index.fromRange(range)).toBeNull();
  });

  it('rejects empty and out-of-order spans', () => {
    expect(index.toRange(10, 10)).toBeNull();
    expect(index.toRange(20, 10)).toBeNull();
  });

  it('still maps after highlights split the text nodes (rebuilt index)', () => {
    const { doc: d2, article: a2 } = setup('seed');
    const first = buildLiveIndex(d2, a2);
    const start = a2.text.indexOf('Khasan');
    const range = first.toRange(start, start + 'Khasan'.length)!;
    const mark = d2.createElement('mark');
    mark.setAttribute('data-backstory', 'highlight');
    range.surroundContents(mark);
    const rebuilt = buildLiveIndex(d2, a2);
    expect(rebuilt.coverage).toBe(1);
    const again = rebuilt.toRange(start, start + 'Khasan'.length)!;
    expect(again.toString()).toBe('Khasan');
    expect(mark.contains(again.startContainer)).toBe(true);
    const whole = rebuilt.toRange(0, a2.text.indexOf('\n\n'))!;
    expect(ws(whole.toString())).toBe(a2.text.slice(0, a2.text.indexOf('\n\n')));
  });

  it('answers null once the page replaced the text it mapped', () => {
    const { doc: d2, article: a2 } = setup('seed');
    const idx = buildLiveIndex(d2, a2);
    d2.querySelector('.entry-content')!.innerHTML = '<p>Replaced by the page.</p>';
    expect(idx.toRange(0, 20)).toBeNull();
  });
});

describe('buildLiveIndex when the text came from JSON-LD', () => {
  it('maps what is visible and answers null for the rest (truncated body)', () => {
    const { doc, article } = setup('truncated-articlebody');
    expect(article.textSource).toBe('json-ld');
    const index = buildLiveIndex(doc, article);
    const spans = paragraphSpans(article.text);
    const first = index.toRange(...spans[0]!)!;
    expect(ws(first.toString())).toBe(article.text.slice(...spans[0]!));
    expect(index.toRange(...spans[7]!)).toBeNull();
    expect(index.coverage).toBeGreaterThan(0);
    expect(index.coverage).toBeLessThan(0.5);
  });

  it('maps nothing on a JSON-LD-only page', () => {
    const { doc, article } = setup('jsonld-only');
    const index = buildLiveIndex(doc, article);
    expect(index.coverage).toBe(0);
    expect(index.toRange(0, 10)).toBeNull();
  });
});
