import type { BackstoryDB } from '../db/schema';

/** A tag with how many articles and highlights carry it. */
export interface TagCount {
  tag: string;
  articles: number;
  highlights: number;
}

/** The form a tag is stored in: trimmed, inner whitespace collapsed, no leading "#". Case is kept. */
export function normalizeTag(tag: string): string {
  return tag.replace(/^[\s#]+/, '').replace(/\s+/g, ' ').trim();
}

/** Normalises and de-duplicates a tag list (case-insensitively, first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}

/** Every tag with its counts, most used first, read from the multiEntry `tags` indexes (keys only). */
export async function listTags(db: BackstoryDB): Promise<TagCount[]> {
  const [articleTags, highlightTags] = await db.transaction('r', [db.articles, db.highlights], () =>
    Promise.all([db.articles.orderBy('tags').keys(), db.highlights.orderBy('tags').keys()]),
  );
  const counts = new Map<string, TagCount>();
  const bump = (tag: string, field: 'articles' | 'highlights') => {
    let c = counts.get(tag);
    if (!c) counts.set(tag, (c = { tag, articles: 0, highlights: 0 }));
    c[field]++;
  };
  for (const t of articleTags) bump(String(t), 'articles');
  for (const t of highlightTags) bump(String(t), 'highlights');
  return [...counts.values()].sort((a, b) => b.articles + b.highlights - (a.articles + a.highlights) || a.tag.localeCompare(b.tag));
}

/** Autocomplete: tags starting with (then containing) what the reader typed, case-insensitively, most used first. */
export function suggestTags(all: readonly TagCount[], typed: string, exclude: readonly string[] = [], limit = 8): TagCount[] {
  const q = normalizeTag(typed).toLowerCase();
  const skip = new Set(exclude.map((t) => t.toLowerCase()));
  const candidates = all.filter((t) => !skip.has(t.tag.toLowerCase()));
  if (!q) return candidates.slice(0, limit);
  const starts = candidates.filter((t) => t.tag.toLowerCase().startsWith(q));
  const contains = candidates.filter((t) => !t.tag.toLowerCase().startsWith(q) && t.tag.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, limit);
}

/**
 * Renames a tag on every article and highlight in one transaction (merging into the new name where a record already
 * has it) and bumps `updatedAt` so the edit wins on a later import. Returns how many records changed.
 */
export async function renameTag(db: BackstoryDB, from: string, to: string, now: number = Date.now()): Promise<number> {
  const target = normalizeTag(to);
  if (!target) throw new Error('A tag cannot be empty.');
  if (target === from) return 0;
  return db.transaction('rw', [db.articles, db.highlights], async () => {
    const rename = (tags: string[]) => normalizeTags(tags.map((t) => (t === from ? target : t)));
    const a = await db.articles.where('tags').equals(from).modify((r) => {
      r.tags = rename(r.tags);
      r.updatedAt = now;
    });
    const h = await db.highlights.where('tags').equals(from).modify((r) => {
      r.tags = rename(r.tags);
      r.updatedAt = now;
    });
    return a + h;
  });
}

/** Removes a tag from every article and highlight in one transaction. Returns how many records changed. */
export async function deleteTag(db: BackstoryDB, tag: string, now: number = Date.now()): Promise<number> {
  return db.transaction('rw', [db.articles, db.highlights], async () => {
    const drop = (tags: string[]) => tags.filter((t) => t !== tag);
    const a = await db.articles.where('tags').equals(tag).modify((r) => {
      r.tags = drop(r.tags);
      r.updatedAt = now;
    });
    const h = await db.highlights.where('tags').equals(tag).modify((r) => {
      r.tags = drop(r.tags);
      r.updatedAt = now;
    });
    return a + h;
  });
}

/** Replaces an article's tags. */
export async function setArticleTags(db: BackstoryDB, articleId: string, tags: readonly string[], now: number = Date.now()): Promise<void> {
  await db.articles.update(articleId, { tags: normalizeTags(tags), updatedAt: now });
}

/** Replaces a highlight's tags. */
export async function setHighlightTags(db: BackstoryDB, highlightId: string, tags: readonly string[], now: number = Date.now()): Promise<void> {
  await db.highlights.update(highlightId, { tags: normalizeTags(tags), updatedAt: now });
}
