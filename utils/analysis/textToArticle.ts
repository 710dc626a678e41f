import type { Article } from '../article/types';

const WORDS_PER_MINUTE = 230;

/**
 * Treats plain text as the article itself (the CLI's .txt input): no extraction. The first line stands in as the
 * title when it is short enough to be one; paragraphs are blank-line separated, as in extracted text.
 */
export function textToArticle(raw: string, url: string): Article {
  const text = raw.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const firstLine = text.split('\n', 1)[0]?.trim() ?? '';
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  return {
    title: firstLine.length > 0 && firstLine.length <= 200 ? firstLine : '',
    byline: null,
    authors: [],
    siteName: null,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir: 'ltr',
    excerpt: null,
    text,
    html: '',
    wordCount,
    readingMinutes: wordCount === 0 ? 0 : Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    leadImage: null,
    canonicalUrl: url,
  };
}
