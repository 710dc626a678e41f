import { type ArticleRef, upsertArticle } from './articles';
import { type BackstoryDB, newId, type NoteRecord } from './schema';

/** Saves the article-level note (one per article): updates the existing one or creates it. */
export async function saveArticleNote(db: BackstoryDB, ref: ArticleRef, body: string, now = Date.now()): Promise<NoteRecord> {
  return db.transaction('rw', db.articles, db.notes, async () => {
    const article = await upsertArticle(db, ref, now);
    const existing = await db.notes.where('articleId').equals(article.id).first();
    if (existing) {
      if (existing.body === body) return existing;
      const updated = { ...existing, body, updatedAt: now };
      await db.notes.put(updated);
      return updated;
    }
    const note: NoteRecord = { id: newId(), articleId: article.id, url: article.url, body, createdAt: now, updatedAt: now };
    await db.notes.add({ ...note });
    return note;
  });
}

/** The article-level note saved under an article's URL, or null. */
export async function getArticleNote(db: BackstoryDB, url: string): Promise<NoteRecord | null> {
  return (await db.notes.where('url').equals(url).first()) ?? null;
}
