import type { Article, ArticleRef } from './types';

/** The fields of an article the background stores when the reader saves something on it. */
export function toArticleRef(article: Article, pageUrl: string): ArticleRef {
  const { canonicalUrl: url, title, byline, authors, siteName, lang, publishedTime, excerpt } = article;
  return { url, pageUrl, title, byline, authors, siteName, lang, publishedTime, excerpt };
}
