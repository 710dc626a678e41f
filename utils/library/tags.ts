import * as v from 'valibot';
import type { BackstoryDB } from '../db/schema';
import { MAX_TAG_LENGTH, MAX_TAGS, TagsSchema } from '../records/recordSchema';
import { normalizeTag, normalizeTags } from '../records/tagForm';

/** A tag with how many articles and highlights carry it. */
export interface TagCount {
  tag: string;
  articles: number;
  highlights: number;
}

export { normalizeTag, normalizeTags };

/**
 * Why a tag cannot be added to a record that has `tags`, in words for the reader, or null when it can. The rules
 * are THE record schema's (TagsSchema), so the editor never accepts a tag that undo, export or import would refuse.
 */
export function tagProblem(tag: string, tags: readonly string[]): string | null {
  const next = normalizeTag(tag);
  if (!next) return 'A tag needs at least one letter or digit.';
  if (next.length > MAX_TAG_LENGTH) return `A tag can be at most ${MAX_TAG_LENGTH} characters (this one has ${next.length}).`;
  const result = v.safeParse(TagsSchema, [...tags, next]);
  if (!result.success) return `A highlight or article can have at most ${MAX_TAGS} tags.`;
  return null;
}

/** A tag list checked against THE record schema; throws with the reason when it is not one a record may hold. */
function checkedTags(tags: readonly string[]): string[] {
  const result = v.safeParse(TagsSchema, [...tags]);
  if (!result.success) throw new Error(`These tags cannot be saved: ${result.issues[0].message}.`);
  return result.output;
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
  if (target.length > MAX_TAG_LENGTH) throw new Error(`A tag can be at most ${MAX_TAG_LENGTH} characters.`);
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

/** Replaces an article's tags. (A highlight's go through updateHighlight, as its colour and note do.) */
export async function setArticleTags(db: BackstoryDB, articleId: string, tags: readonly string[], now: number = Date.now()): Promise<void> {
  await db.articles.update(articleId, { tags: checkedTags(tags), updatedAt: now });
}
