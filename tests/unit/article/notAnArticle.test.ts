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
});
