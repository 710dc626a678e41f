import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pageHtml } from './fixtures';
import { SEED_TEXT } from '../../../scripts/lib/seed';

// The seed page is the e2e suite's main fixture: its visible article text must stay the seed text, unchanged.
describe('seed fixture page', () => {
  const doc = parseHTML(pageHtml('seed')).document as unknown as Document;
  const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

  it('shows the seed text, in order, from headline to "Similar News"', () => {
    const seed = SEED_TEXT;
    const shown = Array.from(
      doc.querySelectorAll('article h1, article .standfirst, article .meta, article figcaption, article .byline, article .entry-content p, article .tags, .similar-news h2'),
    ).map((e) => e.textContent ?? '');
    expect(ws(shown.join('\n\n'))).toBe(ws(seed));
  });

  it('loads nothing from outside (served from 127.0.0.1 in browser tests)', () => {
    for (const el of Array.from(doc.querySelectorAll('[src], link[rel="stylesheet"], link[rel="preload"], link[rel="icon"]'))) {
      const src = el.getAttribute('src') ?? el.getAttribute('href') ?? '';
      expect(src.startsWith('data:') || !/^(https?:)?\/\//.test(src)).toBe(true);
    }
    expect(doc.querySelectorAll('script[src], iframe').length).toBe(0);
  });

  it('carries canonical, OpenGraph and JSON-LD NewsArticle metadata', () => {
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toMatch(/^https:\/\/www\.dailymeridian\.example\//);
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as { '@graph': Array<Record<string, unknown>> };
    const article = ld['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
    expect(article['datePublished']).toBe('2023-10-02T05:30:00Z');
    expect(article['author']).toEqual([expect.objectContaining({ name: 'Nina L. Khrushcheva' })]);
  });
});
