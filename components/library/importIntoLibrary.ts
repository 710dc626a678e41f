import type { BackstoryDB } from '../../utils/db/schema';
import type { ImportData } from '../../utils/library/backupSchema';
import { applyImport, type ImportReport } from '../../utils/library/mergeImport';
import { send } from '../platform/messaging';

/**
 * Writes an import into the library, then tells the background so the tabs showing saved articles repaint. The one
 * database write an extension page makes itself (docs/decisions/001-contexts-and-data-flow.md): a backup may be
 * 80 MB, more than a runtime message carries, and must be written in one transaction, so it cannot be split into
 * messages either. tests/unit/architecture/oneWritePath.test.ts allows this file, and only this file, to do it.
 */
export async function importIntoLibrary(db: BackstoryDB, data: ImportData): Promise<ImportReport> {
  const report = await applyImport(db, data);
  // The import is committed whatever happens next; a tab that misses the news repaints when it is next loaded.
  await send('library/changed', {}).catch((error: unknown) => console.warn('[backstory] open tabs not told about the import', error));
  return report;
}
