import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle, stripSiteSuffix } from '../../../utils/article/extractArticle';
import type { Article, ExtractionResult } from '../../../utils/article/types';
import { pageHtml } from './fixtures';

/** A linkedom Document (the CLI's DOM): no layout, no Range, no DOMPurify support. */
function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

function article(r: ExtractionResult): Article {
  if (r.kind !== 'article') throw new Error(`expected an article, got ${r.reason}: ${r.message}`);
  return r.article;
}

const SEED_URL = 'http://127.0.0.1:4173/opinion/2023/10/02/axis-of-outcasts?utm_source=newsletter';

describe('extractArticle on the seed page (linkedom)', () => {
  const a = article(extractArticle(doc(pageHtml('seed')), SEED_URL));

  it('reads the metadata from JSON-LD and OpenGraph', () => {
    expect(a.title).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    expect(a.authors).toEqual(['Nina L. Khrushcheva']);
    expect(a.byline).toBe('Nina L. Khrushcheva');
    expect(a.siteName).toBe('The Daily Meridian');
    expect(a.publishedTime).toBe('2023-10-02T05:30:00.000Z');
    expect(a.lang).toBe('en');
    expect(a.dir).toBe('ltr');
    expect(a.excerpt).toMatch(/^The recent meeting in Khasan/);
    expect(a.leadImage).toBe('https://www.dailymeridian.example/media/2023/10/putin-kim-khasan.jpg');
  });

  it('keys the article by the page URL (the canonical is another site) without tracking parameters', () => {
    expect(a.canonicalUrl).toBe('http://127.0.0.1:4173/opinion/2023/10/02/axis-of-outcasts');
  });

  it('gives the body as paragraphs, without the site furniture', () => {
    const paras = a.text.split('\n\n');
    expect(paras[0]).toMatch(/^MOSCOW: When North Korean leader Kim Jong-un stepped out/);
    expect(paras.at(-1)).toMatch(/^Nina L\. Khrushcheva, Professor of International Affairs at The New School/);
    for (const junk of ['Similar News', 'Most read', 'Advertisement', 'Comments are moderated', 'All rights reserved', 'WhatsApp']) {
      expect(a.text).not.toContain(junk);
    }
    for (const p of paras) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
    expect(a.wordCount).toBeGreaterThan(800);
    expect(a.readingMinutes).toBe(Math.max(1, Math.round(a.wordCount / 230)));
  });

  it('sanitises the HTML even where DOMPurify cannot run (linkedom)', () => {
    expect(a.html).toContain('<p>MOSCOW: When North Korean leader');
    expect(a.html).not.toMatch(/<script|<style|<button|<form|\son\w+=/i);
  });
});

describe('extractArticle on hard cases (linkedom)', () => {
  const url = (n: string): string => `https://news.example.com/${n}/`;

  it('JSON-LD only: the article comes from articleBody', () => {
    const a = article(extractArticle(doc(pageHtml('jsonld-only')), url('jsonld-only')));
    expect(a.textSource).toBe('json-ld');
    expect(a.text.split('\n\n')).toHaveLength(8);
    expect(a.text).toMatch(/^The port authority of Kingsmouth voted/);
    expect(a.authors).toEqual(['Siobhan Reyes']);
    expect(a.lang).toBe('en');
  });

  it('truncated body: articleBody (with @graph @id references) replaces the two visible paragraphs', () => {
    const a = article(extractArticle(doc(pageHtml('truncated-articlebody')), url('truncated-articlebody')));
    expect(a.textSource).toBe('json-ld');
    expect(a.text).toContain('For now the auctions continue.');
    expect(a.text).not.toContain('Continue reading');
    expect(a.authors).toEqual(['Siobhan Reyes']);
    expect(a.siteName).toBe('The Coastal Courier');
  });

  it('live blog: every update, both authors', () => {
    const a = article(extractArticle(doc(pageHtml('live-blog')), url('live-blog')));
    expect(a.authors).toEqual(['Tom Ashdown', 'Priya Nair']);
    expect(a.text).toContain('Polls have closed across the country.');
    expect(a.text).toContain('A recount has been called in Westerby');
    expect(a.excerpt?.length ?? 0).toBeGreaterThan(40);
    expect(a.modifiedTime).toBe('2024-07-05T02:15:00.000Z');
  });

  it('paywall teaser: the teaser is the article, the subscription pitch is not', () => {
    const a = article(extractArticle(doc(pageHtml('paywall-teaser')), url('paywall-teaser')));
    expect(a.text).toMatch(/^Chocolate makers are paying more/);
    expect(a.text).not.toMatch(/Subscribe|Sign in/);
    expect(a.byline).toBe('Lena Hoffmann');
  });

  it('photo gallery: captions are the text, lead image from JSON-LD', () => {
    const a = article(extractArticle(doc(pageHtml('photo-gallery')), url('photo-gallery')));
    expect(a.text).toContain('Volunteers plant sessile oak saplings');
    expect(a.text).toContain('Rhododendron, an invasive shrub');
    expect(a.leadImage).toBe('https://www.valleypost.example/galleries/rainforest/1.jpg');
  });

  it('section front: not an article, unless forced', () => {
    const r = extractArticle(doc(pageHtml('section-front')), 'https://www.northernledger.example/uk');
    expect(r.kind).toBe('not-article');
    if (r.kind === 'not-article') {
      expect(['listing', 'not-readerable']).toContain(r.reason);
      expect(r.message).not.toBe('');
      expect(r.title).toBe('UK news | Northern Ledger');
    }
    const forced = extractArticle(doc(pageHtml('section-front')), 'https://www.northernledger.example/uk', { force: true });
    expect(forced.kind).toBe('article');
  });

  it('RTL page: Arabic, right to left', () => {
    const a = article(extractArticle(doc(pageHtml('rtl-arabic')), url('rtl-arabic')));
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.byline).toBe('ليلى حداد');
    expect(a.publishedTime).toBe('2024-02-18T07:30:00.000Z');
    expect(a.text).toMatch(/^أعلنت وزارة الزراعة/);
  });

  it('German page: lang, meta author, same-site canonical', () => {
    const a = article(extractArticle(doc(pageHtml('german')), 'https://badische-rundschau.example/freiburg/solarpflicht-staedtische-gebaeude-2030.html?utm_medium=social'));
    expect(a.lang).toBe('de-DE');
    expect(a.authors).toEqual(['Katrin Weber']);
    expect(a.publishedTime).toBe('2024-05-14T17:45:00.000Z');
    expect(a.canonicalUrl).toBe('https://www.badische-rundschau.example/freiburg/solarpflicht-staedtische-gebaeude-2030.html');
    expect(a.text).toContain('Oberbürgermeister Martin Horn');
    expect(a.text).not.toContain('Kommentare (12)');
  });
});

describe('extractArticle on bad input never throws', () => {
  const URL_ = 'https://example.com/x';
  const para = '<p>' + 'The committee met again on Thursday to discuss the budget, and members disagreed sharply about the cost of the new bridge. '.repeat(4) + '</p>';

  it('empty document', () => {
    const r = extractArticle(doc(''), URL_);
    expect(r.kind).toBe('not-article');
  });

  it('no body', () => {
    const d = doc('<html><head><title>x</title></head></html>');
    d.documentElement.removeChild(d.body);
    // linkedom re-creates an empty <body> on access; either way the verdict is a clear "empty".
    const r = extractArticle(d, URL_);
    expect(r).toMatchObject({ kind: 'not-article', reason: 'empty' });
  });

  it('frameset page', () => {
    const r = extractArticle(doc('<html><head><title>Framed</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>'), URL_);
    expect(r.kind).toBe('not-article');
    if (r.kind === 'not-article') expect(r.message).toMatch(/frame/i);
  });

  it('broken markup still yields the article', () => {
    const html = `<html><body><div class="story"><h1>Broken <b>page</h1><p>Unclosed <i>italic ${para.slice(3)} <p>${para.slice(3)}<div><span></div></table></body>`;
    const r = extractArticle(doc(html), URL_);
    expect(r.kind).toBe('article');
    if (r.kind === 'article') expect(r.article.text).toContain('the cost of the new bridge');
  });

  it('thousands of nested elements: refused quickly with a message', () => {
    const depth = 5000;
    const html = `<html><body>${'<div>'.repeat(depth)}${para.repeat(3)}${'</div>'.repeat(depth)}</body></html>`;
    const r = extractArticle(doc(html), URL_);
    expect(r).toMatchObject({ kind: 'not-article', reason: 'timeout' });
    if (r.kind === 'not-article') expect(r.message).toMatch(/nested too deeply/);
  });

  it('moderate nesting (150 levels) is still extracted', () => {
    const depth = 150;
    const html = `<html><body>${'<div>'.repeat(depth)}${para.repeat(3)}${'</div>'.repeat(depth)}</body></html>`;
    expect(extractArticle(doc(html), URL_).kind).toBe('article');
  });

  it('a 5 MB page that is mostly hydration data still yields its article', () => {
    const state = JSON.stringify({ items: Array.from({ length: 60_000 }, (_, i) => ({ id: i, headline: `Headline number ${i}`, teaser: "Lorem ipsum dolor sit amet" })) });
    const html = `<html><head><title>Budget row</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Budget row</h1>${para.repeat(5)}</article><script id="__NEXT_DATA__" type="application/json">${state}</script></body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const r = extractArticle(doc(html), URL_);
    expect(r.kind).toBe('article');
    if (r.kind === 'article') expect(r.article.text).not.toContain('Headline number');
  }, 60_000);

  it('a 5 MB page of markup gets a clear verdict, not a frozen tab', () => {
    const filler = `<div class="teaser"><a href="/s">Story link</a><p>${'word '.repeat(40)}</p></div>`;
    const html = `<html><body><article>${para.repeat(5)}</article>${filler.repeat(Math.ceil(5_000_000 / filler.length))}</body></html>`;
    expect(html.length).toBeGreaterThan(5_000_000);
    const d = doc(html);
    const r = extractArticle(d, URL_, { budgetMs: 2000 });
    expect(['article', 'not-article']).toContain(r.kind);
    if (r.kind === 'not-article') {
      expect(['timeout', 'listing', 'not-readerable']).toContain(r.reason);
      expect(r.message).not.toBe('');
    }
  }, 60_000);

  it('a tiny budget gives up with a timeout message rather than running on', () => {
    const r = extractArticle(doc(pageHtml('seed')), URL_, { budgetMs: 0 });
    expect(r).toMatchObject({ kind: 'not-article', reason: 'timeout' });
  });

  it('a script-rendered app shell', () => {
    const r = extractArticle(doc('<html><head><title>App</title></head><body><div id="root"><div class="spinner">Loading…</div></div><script src="/app.js"></script></body></html>'), URL_);
    expect(r).toMatchObject({ kind: 'not-article', reason: 'app' });
  });

  it('too short', () => {
    const r = extractArticle(doc('<html><body><article><p>Just a line.</p></article></body></html>'), URL_, { force: false });
    expect(r.kind).toBe('not-article');
  });
});

describe('stripSiteSuffix', () => {
  it.each([
    ['Attack stokes fears | The Washington Post', 'The Washington Post', 'Attack stokes fears'],
    ['\'Neutral\' Snopes Fact-Checker David Emery - Breitbart', 'Breitbart', '\'Neutral\' Snopes Fact-Checker David Emery'],
    ['Heise online: 1Password für Mac', 'heise online', '1Password für Mac'],
    ['What is the sea telling us? | Eleanor Ainge Roy', 'the Guardian', 'What is the sea telling us? | Eleanor Ainge Roy'],
  ])('%s', (title, site, expected) => {
    expect(stripSiteSuffix(title, site)).toBe(expected);
  });
});
