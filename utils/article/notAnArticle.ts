import type { NotArticleReason } from './types';
import type { PageMetadata } from './metadata';

/**
 * Checks on an extraction RESULT that say "this is not an article" (home pages, section fronts, search results, video
 * pages). Readability will happily return the biggest block of a section front as an "article"; these catch that.
 * Thresholds were set on the fixture pages (tests/fixtures/pages): every real article passes with a wide margin
 * (the lowest word count is ~250, the highest link density ~0.2), the section front fails on two counts.
 */

/** What the checks need to know about the extracted content. */
export interface ContentFacts {
  /** Paragraphs of the extracted text. */
  paragraphs: readonly string[];
  /** Words in the extracted text. */
  wordCount: number;
  /** Share of the content's characters that sit inside links (0–1). */
  linkDensity: number;
  /** Path of the page URL. */
  path: string;
}

/** A not-an-article verdict with a message a reader can understand. */
export interface NotArticleVerdict {
  reason: NotArticleReason;
  message: string;
}

/** Fewer words than this, and the page is not an article unless its structured data says it is. */
export const MIN_WORDS = 80;
/** With structured data declaring an article, news briefs this short still count. */
export const MIN_WORDS_DECLARED = 30;

const LISTING_TYPES = new Set(['collectionpage', 'itemlist', 'searchresultspage', 'profilepage', 'sitenavigationelement']);

/** Share of characters inside `<a>` elements under `root`. */
export function linkDensityOf(root: Element): number {
  const total = (root.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of Array.from(root.getElementsByTagName('a'))) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}

/** The verdict of the result checks, or null when the content looks like an article. */
export function judgeContent(facts: ContentFacts, meta: PageMetadata): NotArticleVerdict | null {
  const types = meta.jsonLdTypes.map((t) => t.toLowerCase());
  const declaredListing = types.some((t) => LISTING_TYPES.has(t)) && !meta.hasJsonLdArticle;
  if (declaredListing) {
    return { reason: 'listing', message: 'This page is a list of stories (a section front or search results), not an article.' };
  }
  const isVideo = (meta.ogType?.startsWith('video') ?? false) || (types.includes('videoobject') && !meta.hasJsonLdArticle);
  if (isVideo && facts.wordCount < 300) {
    return { reason: 'video', message: 'This page is a video with little text to read.' };
  }
  if (facts.linkDensity > 0.5) {
    return { reason: 'listing', message: 'Most of this page’s text is links to other pages: it looks like a list of stories, not an article.' };
  }
  // A front or section page comes out as many short lines (headlines, teasers) that rarely end a sentence.
  const ps = facts.paragraphs;
  if (ps.length >= 8) {
    const short = ps.filter((p) => p.split(' ').length < 15).length;
    const sentences = ps.filter((p) => /[.!?…”"’)\]»«。！？]$/.test(p)).length;
    if (short / ps.length > 0.6 && sentences / ps.length < 0.35) {
      return { reason: 'listing', message: 'This page is a list of headlines, not an article.' };
    }
  }
  if ((meta.ogType === 'website' || meta.jsonLdTypes.includes('WebSite')) && facts.path === '/' && !meta.hasJsonLdArticle) {
    return { reason: 'listing', message: 'This is the site’s front page, not an article.' };
  }
  const min = meta.hasJsonLdArticle || meta.ogType === 'article' ? MIN_WORDS_DECLARED : MIN_WORDS;
  if (facts.wordCount < min) {
    return { reason: 'too-short', message: `Too little text to be an article (${facts.wordCount} words).` };
  }
  return null;
}
