import { describe, expect, it } from 'vitest';
import { exportBackup, serializeBackup } from '../../../utils/library/exportBackup';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { applyImport, previewImport } from '../../../utils/library/mergeImport';
import { deleteEverything } from '../../../utils/library/deleteArticle';
import { generateLibrary } from '../../../scripts/lib/generateLibrary';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { freshDb, fill } from './testDb';
import type { BackstoryDB } from '../../../utils/db/schema';

const noYield = { yieldFn: async () => {} };

async function snapshot(db: BackstoryDB) {
  const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
  return {
    articles: byId(await db.articles.toArray()),
    highlights: byId(await db.highlights.toArray()),
    notes: byId(await db.notes.toArray()),
    linkChoices: byId(await db.linkChoices.toArray()),
  };
}

describe('JSON backup round trip', () => {
  it('export → delete everything → import gives back every field of every record', async () => {
    const db = await freshDb();
    const library = generateLibrary({ articles: 300, highlights: 2000 }, 11);
    await fill(db, library);
    const before = await snapshot(db);
    const text = serializeBackup(await exportBackup(db, new Date('2026-11-29T08:00:00Z')));
    await deleteEverything(db);
    expect(await db.articles.count()).toBe(0);

    const parsed = await parseLibraryFile(text, noYield);
    expect(parsed.kind).toBe('backup');
    expect(await previewImport(db, parsed.data)).toEqual({
      articles: { added: 300, updated: 0, skipped: 0 },
      highlights: { added: 2000, updated: 0, skipped: 0 },
      notes: { added: library.notes.length, updated: 0, skipped: 0 },
      linkChoices: { added: library.linkChoices.length, updated: 0, skipped: 0 },
      copies: { added: 0, updated: 0, skipped: 0 },
    });
    // Preview writes nothing.
    expect(await db.highlights.count()).toBe(0);
    await applyImport(db, parsed.data);
    const after = await snapshot(db);
    // Deep equality over every field of every record, table by table.
    expect(after).toEqual(before);
    const sortedInput = {
      articles: [...library.articles].sort((a, b) => a.id.localeCompare(b.id)),
      highlights: [...library.highlights].sort((a, b) => a.id.localeCompare(b.id)),
    };
    expect(after.articles).toEqual(sortedInput.articles);
    expect(after.highlights).toEqual(sortedInput.highlights);
  });

  it('merges by id: newest updatedAt wins, and reports added/updated/skipped per table', async () => {
    const db = await freshDb();
    const seed = seedLibrary();
    await fill(db, seed);
    const file = structuredClone(seed);
    file.highlights[0]!.note = 'edited on the laptop';
    file.highlights[0]!.updatedAt += 60_000; // newer → updated
    file.highlights[1]!.note = 'older edit';
    file.highlights[1]!.updatedAt -= 60_000; // older → skipped
    file.notes.push({ id: '9f8e7d6c-5b4a-4392-8877-665544332211', articleId: seed.articles[1]!.id, url: seed.articles[1]!.url, body: 'new note', createdAt: 5, updatedAt: 5 });
    const report = await applyImport(db, file);
    expect(report).toEqual({
      articles: { added: 0, updated: 0, skipped: 2 },
      highlights: { added: 0, updated: 1, skipped: 2 },
      notes: { added: 1, updated: 0, skipped: 1 },
      linkChoices: { added: 0, updated: 0, skipped: 1 },
      copies: { added: 0, updated: 0, skipped: 0 },
    });
    expect((await db.highlights.get(seed.highlights[0]!.id))!.note).toBe('edited on the laptop');
    expect((await db.highlights.get(seed.highlights[1]!.id))!.note).toBe('');
    expect(await db.notes.count()).toBe(2);
  });

  it('merges an article saved on two machines (same URL, another id) into the saved one', async () => {
    const db = await freshDb();
    const seed = seedLibrary();
    await fill(db, seed);
    const other = structuredClone(seed);
    const axis = other.articles[0]!;
    const foreignId = '11111111-2222-4333-8444-555555555555';
    axis.id = foreignId;
    axis.updatedAt += 1000;
    axis.tags = ['cartoons'];
    const h = { ...other.highlights[0]!, id: '66666666-7777-4888-9999-000000000000', articleId: foreignId };
    const report = await applyImport(db, { articles: [axis], highlights: [h], notes: [], linkChoices: [] });
    expect(report.articles).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await db.articles.count()).toBe(2);
    const saved = await db.articles.get(seed.articles[0]!.id);
    expect(saved!.tags).toEqual(['cartoons']);
    expect((await db.highlights.get(h.id))!.articleId).toBe(seed.articles[0]!.id);
  });

  it('rolls everything back when the write fails, so nothing already saved changes', async () => {
    const db = await freshDb();
    const seed = seedLibrary();
    await fill(db, seed);
    const before = await snapshot(db);
    const file = structuredClone(seed);
    file.highlights[0]!.note = 'would be written first';
    file.highlights[0]!.updatedAt += 1;
    // Two link choices for the same [site+name] under new ids: the unique index fails on the second write.
    file.linkChoices = [
      { ...seed.linkChoices[0]!, id: 'aaaaaaaa-0000-4000-8000-000000000001', site: 'x.example', updatedAt: 1 },
      { ...seed.linkChoices[0]!, id: 'aaaaaaaa-0000-4000-8000-000000000002', site: 'x.example', updatedAt: 2 },
    ];
    await expect(applyImport(db, file)).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);
  });

  it('rejects highlights whose article is neither in the file nor in the library, naming the record', async () => {
    const db = await freshDb();
    const seed = seedLibrary();
    const file = { ...structuredClone(seed), articles: [seed.articles[0]!] };
    await expect(applyImport(db, file)).rejects.toThrow(/^highlights\[2\]\.articleId: no article with id 0b9a8c7d/);
    expect(await db.articles.count()).toBe(0);
  });

  it('rejects a file with one bad record among good ones without writing anything', async () => {
    const db = await freshDb();
    const backup = JSON.parse(serializeBackup({ format: 'backstory-backup', version: 1, exportedAt: 'x', ...generateLibrary({ articles: 30, highlights: 100 }, 3) }));
    backup.highlights[57].position.start = -4;
    await expect(parseLibraryFile(JSON.stringify(backup), noYield)).rejects.toThrow(/^highlights\[57\]\.position\.start: /);
    expect(await db.highlights.count()).toBe(0);
  });
});
