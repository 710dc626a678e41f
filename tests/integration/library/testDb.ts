import { BackstoryDB } from '../../../utils/db/schema';
import type { LibraryData } from '../../../utils/library/backupSchema';

let counter = 0;

/** A fresh, empty database with a unique name (fake-indexeddb), so tests never share state. */
export async function freshDb(): Promise<BackstoryDB> {
  const db = new BackstoryDB(`library-test-${Date.now()}-${counter++}`);
  await db.open();
  return db;
}

/** Writes a library into a database, copying records so the caller's objects stay untouched. */
export async function fill(db: BackstoryDB, data: LibraryData): Promise<void> {
  const copy = structuredClone(data);
  await db.transaction('rw', [db.articles, db.highlights, db.notes, db.linkChoices], async () => {
    await db.articles.bulkAdd(copy.articles);
    await db.highlights.bulkAdd(copy.highlights);
    await db.notes.bulkAdd(copy.notes);
    await db.linkChoices.bulkAdd(copy.linkChoices);
  });
}
