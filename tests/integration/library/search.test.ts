import { describe, expect, it, vi } from 'vitest';
import { LibraryIndex } from '../../../utils/library/libraryIndex';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { freshDb, fill } from './testDb';

async function indexed() {
  const db = await freshDb();
  await fill(db, seedLibrary());
  const index = new LibraryIndex();
  await index.build(db);
  return { db, index };
}

const marked = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe('LibraryIndex search', () => {
  it('finds a highlight by a word of its note, with the match position', async () => {
    const { index } = await indexed();
    const { hits, total } = index.search('vladivostok');
    expect(total).toBe(1);
    const hit = hits[0]!;
    expect(hit.article.title).toMatch(/Axis of outcasts/);
    expect(hit.highlights).toHaveLength(1);
    expect(marked(hit.highlights[0]!.record.note, hit.highlights[0]!.noteRanges)).toEqual(['Vladivostok']);
  });

  it('matches titles, quotes, article notes and tags with prefix search and ignores diacritics/case', async () => {
    const { index } = await indexed();
    const title = index.search('outcast');
    expect(title.hits.map((h) => marked(h.article.title, h.titleRanges))).toEqual([['outcasts']]);
    const quote = index.search('MICKEY');
    expect(marked(quote.hits[0]!.highlights[0]!.record.quote.exact, quote.hits[0]!.highlights[0]!.quoteRanges)).toEqual(['Mickey']);
    const note = index.search('shells');
    expect(note.hits[0]!.notes.map((n) => marked(n.record.body, n.bodyRanges))).toEqual([['shells']]);
    const tag = index.search('imagery');
    expect(tag.hits[0]!.highlights[0]!.matchedTags).toEqual(['imagery']);
    const articleTag = index.search('north korea');
    expect(articleTag.hits[0]!.matchedTags).toEqual(['north korea']);
  });

  it('combines words with AND, across fields of one record', async () => {
    const { index } = await indexed();
    expect(index.search('wheat moscow').hits.map((h) => h.article.site)).toEqual(['www.theguardian.com']);
    expect(index.search('wheat mickey').total).toBe(0);
  });

  it('filters by entity, site, colour, tag and date', async () => {
    const { index } = await indexed();
    expect(index.search('', { entityKeys: ['q56226'] }).hits.map((h) => h.article.title)).toEqual(['Axis of outcasts: Putin and Kim’s cartoon summit']);
    // Both mention Putin: newest saved first.
    expect(index.search('', { entityKeys: ['q7747'] }).hits.map((h) => h.article.site)).toEqual(['www.theguardian.com', 'www.thedailystar.net']);
    expect(index.search('', { sites: ['www.theguardian.com'] }).total).toBe(1);
    const pink = index.search('', { colors: ['pink'] });
    expect(pink.hits.map((h) => h.highlights.map((x) => x.record.color))).toEqual([['pink']]);
    expect(index.search('', { tags: ['follow up'] }).hits.map((h) => h.article.site)).toEqual(['www.theguardian.com']);
    expect(index.search('', { from: Date.UTC(2026, 10, 21), to: Date.UTC(2026, 10, 30) }).hits.map((h) => h.article.site)).toEqual(['www.theguardian.com']);
    // Query and filter together: "summit" is in the Axis title, but the colour filter wants a green highlight.
    expect(index.search('summit', { colors: ['green'] }).total).toBe(0);
    expect(index.search('summit', { colors: ['yellow'] }).total).toBe(1);
  });

  it('lists everything newest first with counts when there is no query', async () => {
    const { index } = await indexed();
    const { hits } = index.search('');
    expect(hits.map((h) => [h.article.site, h.highlightCount, h.noteCount])).toEqual([
      ['www.theguardian.com', 1, 1],
      ['www.thedailystar.net', 2, 2],
    ]);
  });

  it('stays in sync with the database: added, edited and deleted records', async () => {
    const { db, index } = await indexed();
    const h = seedLibrary().highlights[2]!;
    await db.highlights.update(h.id, { note: 'Odesa port traffic', updatedAt: h.updatedAt + 1 });
    await db.notes.add({ id: 'f6d7e8f9-a0b1-4c23-8e45-f6a7b8c9d0e1', articleId: h.articleId, url: h.url, body: 'Zürich traders shrugged', createdAt: 1, updatedAt: 1 });
    await db.highlights.delete(seedLibrary().highlights[0]!.id);
    const result = await index.sync(db);
    expect(result).toEqual({ changed: 2, removed: 1 });
    expect(index.search('odesa').total).toBe(1);
    expect(index.search('wheat').total).toBe(0);
    expect(index.search('zurich').total).toBe(1);
    expect(index.search('mickey').total).toBe(0);
    expect(await index.sync(db)).toEqual({ changed: 0, removed: 0 });
  });
});

describe('watchLibraryIndex', () => {
  it('applies writes by key as Dexie reports them, and falls back to a full diff after clear()', async () => {
    const { watchLibraryIndex } = await import('../../../utils/library/watchLibraryIndex');
    const db = await freshDb();
    await fill(db, seedLibrary());
    const index = new LibraryIndex();
    let synced = 0;
    const unwatch = watchLibraryIndex(db, index, { ready: index.build(db), onSynced: () => synced++ });
    const h = seedLibrary().highlights[2]!;
    await db.highlights.update(h.id, { note: 'Odesa port traffic', updatedAt: h.updatedAt + 1 });
    await vi.waitFor(() => expect(index.search('odesa').total).toBe(1));
    await db.articles.delete(seedLibrary().articles[0]!.id);
    await vi.waitFor(() => expect(index.search('outcasts').total).toBe(0));
    await db.notes.clear();
    await vi.waitFor(() => expect(index.notes.size).toBe(0));
    expect(synced).toBeGreaterThanOrEqual(3);
    unwatch();
    await db.highlights.update(h.id, { note: 'after unsubscribe', updatedAt: h.updatedAt + 2 });
    await new Promise((r) => setTimeout(r, 100));
    expect(index.search('unsubscribe').total).toBe(0);
  });
});
