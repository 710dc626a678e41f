import { JSDOM, VirtualConsole } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle, stripSiteSuffix } from '../../../utils/article/extractArticle';
import { toIsoTime } from '../../../utils/article/metadata';
import { expectedMetadata, HARD_PAGES, pageHtml, realPageNames } from '../../unit/article/fixtures';

const quiet = new VirtualConsole();
const load = (html: string, url: string): Document => new JSDOM(html, { url, virtualConsole: quiet }).window.document;
const norm = (s: string): string => s.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

describe('extractArticle on Readability\'s real test pages (jsdom)', () => {
  it.each(realPageNames())('%s: article, with the metadata the page carries', (name) => {
    const url = `http://fakehost/test/${name}/`;
    const r = extractArticle(load(pageHtml(name), url), url, { budgetMs: 60_000 });
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    const a = r.article;
    const want = expectedMetadata(name);
    const site = typeof want.siteName === 'string' ? want.siteName : a.siteName;
    if (typeof want.title === 'string') {
      // Ours drops a trailing " - SiteName"; Readability's expected title keeps it.
      expect([norm(want.title), norm(stripSiteSuffix(want.title, site))]).toContain(norm(a.title));
    }
    if (typeof want.byline === 'string' && /\p{L}{3,}/u.test(want.byline.replace(/\b(april|updated|at|am|pm)\b/gi, ''))) {
      const o = norm(a.byline ?? '').replace(/^by /, '');
      const e = norm(want.byline).replace(/^by /, '');
      expect(o.length).toBeGreaterThan(0);
      expect(e.includes(o) || o.includes(e)).toBe(true);
    }
    if (typeof want.lang === 'string') expect(a.lang?.toLowerCase()).toBe(want.lang.toLowerCase());
    if (typeof want.siteName === 'string') expect(norm(a.siteName ?? '').replace(/^the /, '')).toBe(norm(want.siteName).replace(/^the /, ''));
    if (typeof want.publishedTime === 'string') expect(a.publishedTime).toBe(toIsoTime(want.publishedTime));
    expect(a.html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(a.wordCount).toBeGreaterThan(100);
  });
});

describe('extractArticle on our hard-case pages (jsdom, DOMPurify active)', () => {
  it.each(HARD_PAGES.filter((n) => n !== 'section-front'))('%s is an article', (name) => {
    const url = `http://127.0.0.1/${name}/`;
    const r = extractArticle(load(pageHtml(name), url), url);
    expect(r.kind).toBe('article');
  });

  it('section front is not an article', () => {
    const r = extractArticle(load(pageHtml('section-front'), 'https://www.northernledger.example/uk'), 'https://www.northernledger.example/uk');
    expect(r.kind).toBe('not-article');
  });

  it('no body (jsdom keeps it removed): "empty"', () => {
    const d = load('<html><head><title>x</title></head><body></body></html>', 'https://example.com/');
    d.documentElement.removeChild(d.body);
    expect(extractArticle(d, 'https://example.com/')).toMatchObject({ kind: 'not-article', reason: 'empty' });
  });

  it('a page whose scripts keep rewriting the DOM: extraction works on a snapshot and returns a clear result', async () => {
    const html = pageHtml('seed').replace(
      '</body>',
      `<script>
        let n = 0;
        setInterval(() => {
          const p = document.createElement('p');
          p.textContent = 'Injected by the page ' + (++n);
          document.querySelector('.entry-content').appendChild(p);
          document.querySelector('.ad-slot').replaceWith(document.createElement('div'));
        }, 1);
      </script></body>`,
    );
    const dom = new JSDOM(html, { url: 'http://127.0.0.1/seed/', runScripts: 'dangerously', virtualConsole: quiet });
    await new Promise((r) => setTimeout(r, 20));
    const r = extractArticle(dom.window.document, 'http://127.0.0.1/seed/');
    dom.window.close();
    expect(r.kind).toBe('article');
    if (r.kind === 'article') expect(r.article.text).toMatch(/^MOSCOW: When North Korean leader/);
  });
});
