import { describe, expect, it } from 'vitest';
import { deleteArticle, deleteEverything, restoreArticle } from '../../../utils/library/deleteArticle';
import { deleteTag, listTags, normalizeTags, renameTag, suggestTags } from '../../../utils/library/tags';
import { listArticles } from '../../../utils/library/listArticles';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { fill, freshDb } from './testDb';

describe('tags', () => {
  it('lists tags with counts, most used first, and suggests by prefix then substring', async () => {
    const db = await freshDb();
    const lib = seedLibrary();
    lib.highlights[1]!.tags = ['russia'];
    await fill(db, lib);
    const tags = await listTags(db);
    expect(tags).toEqual([
      { tag: 'russia', articles: 1, highlights: 1 },
      { tag: 'follow up', articles: 0, highlights: 1 },
      { tag: 'imagery', articles: 0, highlights: 1 },
      { tag: 'north korea', articles: 1, highlights: 0 },
    ]);
    expect(suggestTags(tags, 'R').map((t) => t.tag)).toEqual(['russia', 'imagery', 'north korea']);
    expect(suggestTags(tags, 'fol').map((t) => t.tag)).toEqual(['follow up']);
    expect(suggestTags(tags, 'r', ['russia']).map((t) => t.tag)).toEqual(['imagery', 'north korea']);
  });

  it('renames a tag everywhere in one go, merging duplicates and bumping updatedAt', async () => {
    const db = await freshDb();
    const lib = seedLibrary();
    lib.highlights[1]!.tags = ['russia', 'moscow'];
    await fill(db, lib);
    expect(await renameTag(db, 'russia', 'Moscow ', 1_900_000_000_000)).toBe(2);
    expect((await db.articles.get(lib.articles[0]!.id))!.tags).toEqual(['north korea', 'Moscow']);
    const h = (await db.highlights.get(lib.highlights[1]!.id))!;
    expect(h.tags).toEqual(['Moscow']);
    expect(h.updatedAt).toBe(1_900_000_000_000);
    expect(await db.articles.where('tags').equals('russia').count()).toBe(0);
  });

  it('deletes a tag everywhere', async () => {
    const db = await freshDb();
    await fill(db, seedLibrary());
    expect(await deleteTag(db, 'imagery')).toBe(1);
    expect((await listTags(db)).map((t) => t.tag)).not.toContain('imagery');
  });

  it('normalises tags', () => {
    expect(normalizeTags(['  #War  in   Ukraine ', 'war in ukraine', '', 'x'])).toEqual(['War in Ukraine', 'x']);
  });
});

describe('delete', () => {
  it('deletes an article with its highlights and notes, and undo puts back every record as it was', async () => {
    const db = await freshDb();
    const lib = seedLibrary();
    await fill(db, lib);
    const before = await Promise.all([db.articles.toArray(), db.highlights.toArray(), db.notes.toArray()]);
    // As the library's undo does it, through the background: what article/delete answers is what article/restore puts back.
    const deleted = await deleteArticle(db, lib.articles[0]!.id);
    const undo = () => restoreArticle(db, deleted!);
    expect(deleted!.highlights).toHaveLength(2);
    expect(deleted!.notes).toHaveLength(1);
    expect(await db.highlights.count()).toBe(1);
    expect(await db.notes.count()).toBe(0);
    expect((await listArticles(db)).items.map((i) => i.article.id)).toEqual([lib.articles[1]!.id]);
    await undo();
    expect(await Promise.all([db.articles.toArray(), db.highlights.toArray(), db.notes.toArray()])).toEqual(before);
  });

  it('lists articles newest first with highlight and note counts', async () => {
    const db = await freshDb();
    await fill(db, seedLibrary());
    const { items, total } = await listArticles(db);
    expect(total).toBe(2);
    expect(items.map((i) => [i.article.site, i.highlightCount, i.noteCount])).toEqual([
      ['www.theguardian.com', 1, 1],
      ['www.thedailystar.net', 2, 2],
    ]);
  });

  it('deletes everything', async () => {
    const db = await freshDb();
    await fill(db, seedLibrary());
    await deleteEverything(db);
    expect(await Promise.all([db.articles.count(), db.highlights.count(), db.notes.count(), db.linkChoices.count()])).toEqual([0, 0, 0, 0]);
  });
});
