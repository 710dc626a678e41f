import type { ArticleRecord, BackstoryDB, CopyRecord, HighlightRecord, NoteRecord } from '../db/schema';
import { TABLES } from '../db/schema';

/** What was deleted with an article: enough to put it all back. */
export interface DeletedArticle {
  article: ArticleRecord;
  highlights: HighlightRecord[];
  notes: NoteRecord[];
  /** The reader's saved copy of the article (issue 17), when there was one. */
  copies?: CopyRecord[];
}

/** Deletes an article with its highlights, notes and saved copy in one transaction. Returns what was deleted (null if none). */
export async function deleteArticle(db: BackstoryDB, articleId: string): Promise<DeletedArticle | null> {
  return db.transaction('rw', [db.articles, db.highlights, db.notes, db.copies], async () => {
    const article = await db.articles.get(articleId);
    if (!article) return null;
    const highlights = await db.highlights.where('articleId').equals(articleId).toArray();
    const notes = await db.notes.where('articleId').equals(articleId).toArray();
    const copies = await db.copies.where('articleId').equals(articleId).toArray();
    await db.highlights.bulkDelete(highlights.map((h) => h.id));
    await db.notes.bulkDelete(notes.map((n) => n.id));
    await db.copies.bulkDelete(copies.map((c) => c.id));
    await db.articles.delete(articleId);
    return { article, highlights, notes, copies };
  });
}

/**
 * Puts back a deleted article exactly as it was (same ids and timestamps), in one transaction. If the same URL was
 * saved again in the meantime, the restored highlights and notes join that article instead of failing on the URL.
 */
export async function restoreArticle(db: BackstoryDB, deleted: DeletedArticle): Promise<void> {
  await db.transaction('rw', [db.articles, db.highlights, db.notes, db.copies], async () => {
    const resaved = await db.articles.where('url').equals(deleted.article.url).first();
    const articleId = resaved && resaved.id !== deleted.article.id ? resaved.id : deleted.article.id;
    if (articleId === deleted.article.id) await db.articles.put(deleted.article);
    await db.highlights.bulkPut(deleted.highlights.map((h) => (h.articleId === articleId ? h : { ...h, articleId })));
    await db.notes.bulkPut(deleted.notes.map((n) => (n.articleId === articleId ? n : { ...n, articleId })));
    // A re-saved article may have kept a copy of its own meanwhile: that one stays (one copy per article).
    if (articleId === deleted.article.id) await db.copies.bulkPut(deleted.copies ?? []);
  });
}

/** Deletes everything Backstory stored (articles, highlights, notes, copies, link choices and the knowledge cache) in one transaction. */
export async function deleteEverything(db: BackstoryDB): Promise<void> {
  await db.transaction('rw', TABLES.map((t) => db[t]), async () => {
    for (const t of TABLES) await db[t].clear();
  });
}
