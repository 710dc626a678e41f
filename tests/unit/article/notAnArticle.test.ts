import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readMetadata, type PageMetadata } from '../../../utils/article/metadata';
import { judgeContent, linkDensityOf } from '../../../utils/article/notAnArticle';
import { pageHtml } from './fixtures';

const meta = (over: Partial<PageMetadata> = {}): PageMetadata => ({
  title: null, authors: [], authorsSource: null, bylineMarkup: null, siteName: null, publishedTime: null, modifiedTime: null,
  lang: null, dir: null, excerpt: null, leadImage: null, canonicalHref: null, articleBody: null, jsonLdTypes: [],
  hasJsonLdArticle: false, ogType: null, ...over,
});
const sentence = 'The minister said on Monday that the plan would be published in full before the summer recess began.';
const article = { paragraphs: Array.from({ length: 6 }, () => sentence), wordCount: 114, linkDensity: 0.05, path: '/news/2024/plan' };

describe('judgeContent', () => {
  it('accepts an ordinary article', () => {
    expect(judgeContent(article, meta())).toBeNull();
  });

  it('a section front, judged on its own extracted content, is a listing', () => {
    const doc = parseHTML(pageHtml('section-front')).document as unknown as Document;
    const main = doc.querySelector('main')!;
    const paragraphs = Array.from(main.querySelectorAll('h2, p')).map((e) => (e.textContent ?? '').trim()).filter(Boolean);
    const verdict = judgeContent(
      { paragraphs, wordCount: paragraphs.join(' ').split(' ').length, linkDensity: linkDensityOf(main), path: '/uk' },
      readMetadata(doc, 'https://www.northernledger.example/uk'),
    );
    expect(verdict?.reason).toBe('listing');
  });

  it('headline lists without links are still listings', () => {
    const heads = Array.from({ length: 12 }, (_, i) => `Council approves budget for district ${i}`);
    expect(judgeContent({ paragraphs: heads, wordCount: 72, linkDensity: 0, path: '/local' }, meta())?.reason).toBe('listing');
  });

  it('declared collection pages and search results are listings', () => {
    expect(judgeContent(article, meta({ jsonLdTypes: ['SearchResultsPage'] }))?.reason).toBe('listing');
  });

  it('video pages with little text', () => {
    expect(judgeContent(article, meta({ ogType: 'video.other' }))?.reason).toBe('video');
    expect(judgeContent(article, meta({ jsonLdTypes: ['VideoObject'] }))?.reason).toBe('video');
  });

  it('the front page of a site', () => {
    expect(judgeContent({ ...article, path: '/' }, meta({ ogType: 'website' }))?.reason).toBe('listing');
  });

  it('too short unless declared an article', () => {
    const brief = { paragraphs: [sentence, sentence], wordCount: 38, linkDensity: 0, path: '/a' };
    expect(judgeContent(brief, meta())?.reason).toBe('too-short');
    expect(judgeContent(brief, meta({ hasJsonLdArticle: true }))).toBeNull();
  });

  it('a page that says it is an article is extracted even when its lines are short (when unsure, extract)', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `Step ${i}: add the flour and stir it in`);
    const facts = { paragraphs: lines, wordCount: 108, linkDensity: 0, path: '/local' };
    expect(judgeContent(facts, meta())?.reason).toBe('listing');
    expect(judgeContent({ ...facts, path: '/recipes/how-to-bake-rye-bread' }, meta())).toBeNull();
    expect(judgeContent(facts, meta({ ogType: 'article' }))).toBeNull();
    expect(judgeContent(facts, meta({ hasJsonLdArticle: true }))).toBeNull();
  });

  it('few paragraphs of prose under many linked headlines is a section front; many paragraphs is an article', () => {
    const prose = `${sentence} ${sentence}`;
    const front = { paragraphs: [prose, 'Latest', 'Most read'], wordCount: 42, linkDensity: 0.1, path: '/world', linkedHeadlines: 24 };
    expect(judgeContent(front, meta())?.reason).toBe('listing');
    expect(judgeContent({ ...front, paragraphs: [prose, prose, prose], wordCount: 114 }, meta())).toBeNull();
  });

  it('a failed readerability check counts only against a page with little running text', () => {
    const prose = `${sentence} ${sentence}`;
    const facts = { paragraphs: [prose], wordCount: 38, linkDensity: 0, path: '/about', readerable: false };
    expect(judgeContent(facts, meta())?.reason).toBe('not-readerable');
    expect(judgeContent({ ...facts, paragraphs: [prose, prose, prose], wordCount: 114 }, meta())).toBeNull();
  });

  it('a story told in short paragraphs is running text, even with no article evidence in its URL (the live-blog case)', () => {
    const short = { paragraphs: Array.from({ length: 5 }, () => sentence), wordCount: 95, linkDensity: 0.02, path: '/live/' };
    expect(judgeContent(short, meta())).toBeNull();
    // Two such paragraphs are not enough, and short lines that end no sentence stay headlines.
    expect(judgeContent({ ...short, paragraphs: [sentence, sentence], wordCount: 38 }, meta())).not.toBeNull();
    const headlines = Array.from({ length: 5 }, () => 'Minister says the plan will be published in full before the summer recess');
    expect(judgeContent({ ...short, paragraphs: headlines }, meta())?.reason).toBe('listing');
  });
});
