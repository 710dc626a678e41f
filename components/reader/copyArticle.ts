import { countWords, readingMinutes } from '../../utils/article/articleText';
import type { Article } from '../../utils/article/types';
import type { ArticleRecord, CopyRecord } from '../../utils/db/schema';

/** The saved copy as an Article, so the side panel's components (header, entity cards, look-ups) take it as they are. */
export function copyAsArticle(copy: CopyRecord, article: ArticleRecord): Article {
  const words = countWords(copy.text);
  return {
    title: copy.title,
    byline: copy.byline,
    authors: article.authors,
    siteName: copy.siteName,
    publishedTime: copy.publishedTime,
    modifiedTime: copy.modifiedTime,
    lang: copy.lang,
    dir: copy.dir,
    excerpt: copy.excerpt,
    text: copy.text,
    html: copy.html,
    wordCount: words,
    readingMinutes: readingMinutes(copy.text, words),
    leadImage: copy.leadImage,
    canonicalUrl: copy.url,
  };
}
