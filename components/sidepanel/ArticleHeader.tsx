import type { Article } from '../../utils/article/types';

/** Formats an ISO date for the header ("2 October 2023"); null when it does not parse. */
export function formatDate(iso: string | null, locale?: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString(locale ?? 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Language name for a BCP 47 tag ("en" → "English"), or the tag itself. */
function languageName(tag: string | null): string | null {
  if (!tag) return null;
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The article's title, site, authors, date, reading time and language. */
export function ArticleHeader({ article }: { article: Article }) {
  const date = formatDate(article.publishedTime);
  const authors = article.authors.length > 0 ? article.authors.join(', ') : article.byline;
  const lang = languageName(article.lang);
  return (
    <header class="article-header" aria-label="Article">
      {article.siteName && <p class="article-site">{article.siteName}</p>}
      <h1 class="article-title" dir={article.dir}>
        {article.title}
      </h1>
      {authors && <p class="article-byline">By {authors}</p>}
      <p class="article-meta muted">
        {[date, article.readingMinutes > 0 ? `${article.readingMinutes} min read` : null, lang].filter(Boolean).join(' · ')}
      </p>
    </header>
  );
}
