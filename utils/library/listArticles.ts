import type { ArticleRecord, BackstoryDB } from '../db/schema';

/** An article as listed in the library, with its counts. */
export interface ArticleSummary {
  article: ArticleRecord;
  highlightCount: number;
  /** Article notes plus highlights that carry a note. */
  noteCount: number;
}

/** One page of saved articles, newest first, with counts: what the library shows before its search index is ready. */
export async function listArticles(db: BackstoryDB, page: { offset?: number; limit?: number } = {}): Promise<{ items: ArticleSummary[]; total: number }> {
  return db.transaction('r', [db.articles, db.highlights, db.notes], async () => {
    const total = await db.articles.count();
    const articles = await db.articles
      .orderBy('createdAt')
      .reverse()
      .offset(page.offset ?? 0)
      .limit(page.limit ?? 50)
      .toArray();
    // One equality query per article rather than anyOf(ids): anyOf's cursor jumps are slow in fake-indexeddb (the
    // bench) and no faster in real IndexedDB for 50 keys.
    const items = await Promise.all(
      articles.map(async (article) => {
        const [highlights, notes] = await Promise.all([db.highlights.where('articleId').equals(article.id).toArray(), db.notes.where('articleId').equals(article.id).count()]);
        return { article, highlightCount: highlights.length, noteCount: highlights.filter((h) => h.note).length + notes };
      }),
    );
    return { items, total };
  });
}
