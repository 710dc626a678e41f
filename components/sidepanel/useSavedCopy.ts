import { useState } from 'preact/hooks';
import { canonicalUrl } from '../../utils/article/canonicalUrl';
import type { CopyRecord } from '../../utils/db/schema';
import { pageSharesDatabase } from '../platform/browserDifferences';
import { pageDb } from '../shared/pageDb';
import { useLiveQuery } from '../shared/useLiveQuery';
import { readerHref } from '../shared/readerHref';

export { readerHref };

/**
 * The saved copy of the article under `url` (canonical), live; null when there is none, undefined while loading or
 * where this page cannot read the database (a private window's sidebar in Firefox).
 */
export function useSavedCopy(url: string): CopyRecord | null | undefined {
  const [shared] = useState(pageSharesDatabase);
  return useLiveQuery(async () => (shared ? ((await pageDb().copies.where('url').equals(url).first()) ?? null) : undefined), [url, shared]);
}

/**
 * A saved copy for a page that is gone or no longer an article (issue 17): looked up by the page's canonical form
 * (tracking parameters dropped), then by the address the reader saved it from.
 */
export function useCopyForPage(pageUrl: string | null): { articleId: string; title: string } | null {
  const [shared] = useState(pageSharesDatabase);
  return (
    useLiveQuery(async () => {
      if (!shared || !pageUrl || !/^https?:/i.test(pageUrl)) return null;
      const db = pageDb();
      const key = canonicalUrl(pageUrl);
      const article =
        (await db.articles.where('url').anyOf([...new Set([key, pageUrl])]).first()) ??
        (await db.articles.filter((a) => a.pageUrl === pageUrl).first());
      if (!article) return null;
      const copy = await db.copies.where('articleId').equals(article.id).first();
      return copy ? { articleId: article.id, title: article.title } : null;
    }, [pageUrl, shared]) ?? null
  );
}
