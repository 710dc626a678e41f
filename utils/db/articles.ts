import { siteOf } from '../article/siteOf';
import type { ArticleRef } from '../article/types';
import type { Entity } from '../entities/types';
import { type ArticleRecord, type BackstoryDB, newId, type StoredEntity } from './schema';

export type { ArticleRef };
export { siteOf };

/** Finds the article saved under `ref.url` or creates it; metadata is refreshed from the page each time. */
export async function upsertArticle(db: BackstoryDB, ref: ArticleRef, now = Date.now()): Promise<ArticleRecord> {
  return db.transaction('rw', db.articles, async () => {
    const existing = await db.articles.where('url').equals(ref.url).first();
    if (existing) {
      const changed: Partial<ArticleRecord> = {};
      for (const key of ['title', 'byline', 'siteName', 'lang', 'publishedTime', 'excerpt', 'pageUrl'] as const) {
        if (ref[key] !== null && ref[key] !== existing[key]) (changed as Record<string, unknown>)[key] = ref[key];
      }
      if (ref.authors.length > 0 && ref.authors.join('|') !== existing.authors.join('|')) changed.authors = ref.authors;
      if (Object.keys(changed).length === 0) return existing;
      const updated = { ...existing, ...changed, updatedAt: now };
      await db.articles.put(updated);
      return updated;
    }
    const record: ArticleRecord = {
      id: newId(),
      url: ref.url,
      pageUrl: ref.pageUrl,
      title: ref.title,
      byline: ref.byline,
      authors: ref.authors,
      siteName: ref.siteName,
      site: siteOf(ref.url),
      lang: ref.lang,
      publishedTime: ref.publishedTime,
      excerpt: ref.excerpt,
      entities: [],
      entityKeys: [],
      tags: [],
      createdAt: now,
      updatedAt: now,
    };
    await db.articles.add({ ...record });
    return record;
  });
}

/** Normalised key of an entity name for the library's entity filter. */
export function entityKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Summarises an analysis's entities for storage with the article. */
export function toStoredEntities(entities: Pick<Entity, 'name' | 'type' | 'mentions' | 'fictional'>[]): StoredEntity[] {
  return entities
    .filter((e) => !e.fictional)
    .map((e) => ({ key: entityKey(e.name), name: e.name, type: e.type, mentions: e.mentions.length, qid: null }));
}

/** Records the entities of a saved article (no-op when nothing is saved under that URL). */
export async function setArticleEntities(
  db: BackstoryDB,
  url: string,
  entities: StoredEntity[],
  now = Date.now(),
): Promise<ArticleRecord | null> {
  return db.transaction('rw', db.articles, async () => {
    const article = await db.articles.where('url').equals(url).first();
    if (!article) return null;
    const keys = [...new Set(entities.map((e) => e.key))];
    if (keys.join('|') === article.entityKeys.join('|')) return article;
    const updated = { ...article, entities, entityKeys: keys, updatedAt: now };
    await db.articles.put(updated);
    return updated;
  });
}

/** True when any of the URLs has a saved article (the cheap check the content script asks on every page). */
export async function hasSavedArticle(db: BackstoryDB, urls: string[]): Promise<boolean> {
  const unique = [...new Set(urls.filter(Boolean))];
  if (unique.length === 0) return false;
  return (await db.articles.where('url').anyOf(unique).count()) > 0;
}
