import type { LibraryData } from './backupSchema';
import { ImportError } from './importError';
import { isBackupShaped, parseJsonText, validateBackup, type ValidateOptions } from './parseBackup';
import { isW3cShaped, w3cToLibrary } from './importW3c';

/** A validated import file, ready for previewImport/applyImport. */
export interface ParsedImport {
  kind: 'backup' | 'w3c';
  data: LibraryData;
}

/**
 * Parses and validates an import file's text: a Backstory JSON backup or W3C Web Annotation JSON. Throws an
 * ImportError saying what is wrong and where; nothing is written here.
 */
export async function parseLibraryFile(text: string, options: ValidateOptions = {}): Promise<ParsedImport> {
  const value = parseJsonText(text);
  if (isBackupShaped(value)) {
    const backup = await validateBackup(value, options);
    return { kind: 'backup', data: { articles: backup.articles, highlights: backup.highlights, notes: backup.notes, linkChoices: backup.linkChoices } };
  }
  if (isW3cShaped(value)) return { kind: 'w3c', data: await w3cToLibrary(value, options.yieldFn ? { yieldFn: options.yieldFn } : {}) };
  throw new ImportError(
    'The file is neither a Backstory backup (it has no "format": "backstory-backup") nor W3C Web Annotation JSON (no "type": "Annotation", "AnnotationPage" or "AnnotationCollection"). Nothing was imported.',
  );
}
