import { formatBytes } from '../format/bytes';
import { ImportError } from './importError';

/**
 * Largest import accepted, in bytes. A backup of 10,000 articles and 100,000 highlights with notes is about
 * 62 MB (scripts/bench/library.ts); anything bigger is refused by its size before a byte is read, because
 * JSON.parse of a file that size blocks the page for seconds.
 */
export const MAX_IMPORT_BYTES = 80_000_000;

/** Reads an import file as text after checking its size, so a huge file is refused without freezing the page. */
export async function readImportFile(file: Blob, maxBytes: number = MAX_IMPORT_BYTES): Promise<string> {
  if (file.size > maxBytes) {
    throw new ImportError(
      `The file is too large to import (${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}). ` +
        'Nothing was imported.',
    );
  }
  return file.text();
}
