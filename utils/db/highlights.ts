import { ANCHOR_SCHEME_VERSION, type HighlightColor, type HighlightScope, type TextPositionSelector, type TextQuoteSelector, type XPathSelector } from '../highlights/types';
import { type ArticleRef, upsertArticle } from './articles';
import { type BackstoryDB, type HighlightRecord, newId } from './schema';
import { byReadingOrder } from '../highlights/readingOrder';

/** What a new highlight needs. */
export interface NewHighlight {
  article: ArticleRef;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
  /** Which text `position` counts in (default 'article'). */
  scope?: HighlightScope;
  /** The paragraph's XPathSelector (default none). */
  structure?: XPathSelector | null;
  color: HighlightColor;
  note?: string;
}

/** Saves a highlight, creating its article record on first use; one transaction so no orphan article is left behind. */
export async function createHighlight(db: BackstoryDB, input: NewHighlight, now = Date.now()): Promise<HighlightRecord> {
  return db.transaction('rw', db.articles, db.highlights, async () => {
    const article = await upsertArticle(db, input.article, now);
    const record: HighlightRecord = {
      id: newId(),
      articleId: article.id,
      url: article.url,
      quote: input.quote,
      position: input.position,
      color: input.color,
      note: input.note ?? '',
      tags: [],
      anchorVersion: ANCHOR_SCHEME_VERSION,
      scope: input.scope ?? 'article',
      structure: input.structure ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await db.highlights.add({ ...record });
    return record;
  });
}

/** The fields of a highlight a reader can change. */
export type HighlightPatch = Partial<Pick<HighlightRecord, 'color' | 'note' | 'tags' | 'quote' | 'position' | 'scope' | 'structure'>>;

/** Applies a patch; returns the updated record, or undefined when it no longer exists. */
export async function updateHighlight(
  db: BackstoryDB,
  id: string,
  patch: HighlightPatch,
  now = Date.now(),
): Promise<HighlightRecord | undefined> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(id);
    if (!current) return undefined;
    const updated: HighlightRecord = {
      ...current,
      ...patch,
      // Re-attached without saying where: the article text, as version 1 did.
      ...(patch.position && !patch.scope ? { scope: 'article' as const } : {}),
      ...(patch.position && patch.structure === undefined ? { structure: null } : {}),
      // Re-attaching writes new selectors, which are in the current scheme.
      anchorVersion: patch.quote || patch.position ? ANCHOR_SCHEME_VERSION : current.anchorVersion,
      updatedAt: now,
    };
    await db.highlights.put(updated);
    return updated;
  });
}

/** Deletes a highlight and returns it as it was (for undo), or null when there was none. */
export async function deleteHighlight(db: BackstoryDB, id: string): Promise<HighlightRecord | null> {
  return db.transaction('rw', db.highlights, async () => {
    const current = await db.highlights.get(id);
    if (!current) return null;
    await db.highlights.delete(id);
    return current;
  });
}

/** Puts a deleted highlight back exactly as it was (undo); refuses when its article is gone. */
export async function restoreHighlight(db: BackstoryDB, record: HighlightRecord): Promise<HighlightRecord | null> {
  return db.transaction('rw', db.articles, db.highlights, async () => {
    if (!(await db.articles.get(record.articleId))) return null;
    await db.highlights.put({ ...record });
    return record;
  });
}

/** An article's highlights in reading order. */
export async function listHighlights(db: BackstoryDB, url: string): Promise<HighlightRecord[]> {
  const rows = await db.highlights.where('url').equals(url).toArray();
  return rows.sort(byReadingOrder);
}
