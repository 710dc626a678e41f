import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../utils/article/extractArticle';
import { expectedMetadata, pageHtml, realPageNames } from './fixtures';

// The CLI (`npm run analyze`) parses with linkedom: every real page must come out as an article there too.
describe('extractArticle on the real pages with linkedom', () => {
  it.each(realPageNames())('%s', (name) => {
    const url = `http://fakehost/test/${name}/`;
    const doc = parseHTML(pageHtml(name)).document as unknown as Document;
    const r = extractArticle(doc, url, { budgetMs: 60_000 });
    expect(r.kind).toBe('article');
    if (r.kind !== 'article') return;
    const want = expectedMetadata(name);
    if (typeof want.lang === 'string') expect(r.article.lang?.toLowerCase()).toBe(want.lang.toLowerCase());
    expect(r.article.wordCount).toBeGreaterThan(100);
    // linkedom has no DOMPurify support: the allowlist serialiser must still leave no active content.
    expect(r.article.html).not.toMatch(/<(script|style|iframe|form|object|embed)\b|\son[a-z]+\s*=|javascript:/i);
  });
});
