import { afterEach, describe, expect, it } from 'vitest';
import { keepCopy } from '../../../utils/db/copies';
import type { BackstoryDB } from '../../../utils/db/schema';
import { deleteEverything } from '../../../utils/library/deleteArticle';
import { exportBackup, serializeBackup } from '../../../utils/library/exportBackup';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { ImportError } from '../../../utils/library/importError';
import { applyImport, previewImport } from '../../../utils/library/mergeImport';
import { seedLibrary } from '../../fixtures/library/seedLibrary';
import { fill, freshDb } from '../library/testDb';

const noYield = { yieldFn: async () => {} };
const opened: BackstoryDB[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function libraryWithCopy(): Promise<BackstoryDB> {
  const db = await freshDb();
  opened.push(db);
  const seed = seedLibrary();
  await fill(db, seed);
  const url = seed.articles[0]!.url;
  const kept = await keepCopy(db, url, {
    title: 'Axis', byline: null, siteName: 'Ledger', lang: 'en', dir: 'ltr', publishedTime: null, modifiedTime: null, excerpt: null,
    leadImage: null, html: '<p>First <em>para</em>.</p><p>Second para.</p>', text: 'First para.\n\nSecond para.',
  });
  expect(kept.kept).toBe(true);
  return db;
}

describe('saved copies in the JSON backup', () => {
  it('carries the copies, restores them on import, and leaves them out when asked', async () => {
    const db = await libraryWithCopy();
    const before = await db.copies.toArray();
    const text = serializeBackup(await exportBackup(db));
    expect(JSON.parse(text).copies).toHaveLength(1);
    const slim = serializeBackup(await exportBackup(db, new Date(), { withoutCopies: true }));
    expect(JSON.parse(slim).copies).toEqual([]);
    expect(JSON.parse(slim).highlights.length).toBe(JSON.parse(text).highlights.length);

    await deleteEverything(db);
    const parsed = await parseLibraryFile(text, noYield);
    expect((await previewImport(db, parsed.data)).copies).toEqual({ added: 1, updated: 0, skipped: 0 });
    await applyImport(db, parsed.data);
    expect(await db.copies.toArray()).toEqual(before);
  });

  it('reads a backup written before copies existed (no "copies" field)', async () => {
    const db = await libraryWithCopy();
    const file = JSON.parse(serializeBackup(await exportBackup(db)));
    delete file.copies;
    const parsed = await parseLibraryFile(JSON.stringify(file), noYield);
    expect(parsed.data.copies).toEqual([]);
  });

  it('recomputes a copy’s size and hash from its text, never trusting the file', async () => {
    const db = await libraryWithCopy();
    const file = JSON.parse(serializeBackup(await exportBackup(db)));
    const real = file.copies[0];
    await deleteEverything(db);
    await fill(db, seedLibrary());
    file.copies[0] = { ...real, bytes: 0, contentHash: '0'.repeat(64) };
    await applyImport(db, (await parseLibraryFile(JSON.stringify(file), noYield)).data);
    const stored = (await db.copies.toArray())[0]!;
    expect(stored.bytes).toBe(real.bytes);
    expect(stored.contentHash).toBe(real.contentHash);
  });

  it('never replaces the library’s own copy of an article with a file’s other copy of it', async () => {
    const db = await libraryWithCopy();
    const own = (await db.copies.toArray())[0]!;
    const file = JSON.parse(serializeBackup(await exportBackup(db)));
    file.copies[0] = { ...file.copies[0], id: crypto.randomUUID(), text: 'Forged.', html: '<p>Forged.</p>', updatedAt: Date.now() };
    const report = await applyImport(db, (await parseLibraryFile(JSON.stringify(file), noYield)).data);
    expect(report.copies).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(await db.copies.toArray()).toEqual([own]);
  });

  it('refuses a copy whose article is in neither the file nor the library, and a copy with a script URL as lead image', async () => {
    const db = await libraryWithCopy();
    const file = JSON.parse(serializeBackup(await exportBackup(db)));
    const orphan = { ...file, articles: [], highlights: [], notes: [], copies: [{ ...file.copies[0], articleId: crypto.randomUUID() }] };
    await deleteEverything(db);
    await expect(applyImport(db, (await parseLibraryFile(JSON.stringify(orphan), noYield)).data)).rejects.toThrow(/copies\[0\]\.articleId/);
    const evil = { ...file, copies: [{ ...file.copies[0], leadImage: 'javascript:alert(1)' }] };
    await expect(parseLibraryFile(JSON.stringify(evil), noYield)).rejects.toThrow(ImportError);
    expect(await db.copies.count()).toBe(0);
  });
});
