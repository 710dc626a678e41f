import type { ImportData } from './backupSchema';
import { ImportError } from './importError';
import { isBackupShaped, parseJsonText, validateBackup, type ValidateOptions } from './parseBackup';
import { isW3cShaped, w3cToLibrary } from './importW3c';

/** A validated import file, ready for previewImport/applyImport. */
export interface ParsedImport {
  kind: 'backup' | 'w3c';
  data: ImportData;
  /** Records whose id was not a UUID and was given one (their highlights and notes follow). */
  rekeyed: number;
}

/**
 * Deepest nesting an import may have. A backup nests 5 levels and a W3C collection 7; anything much deeper is not a
 * library file, and would overflow the stack of whatever walks it recursively (JSON.stringify, a schema).
 */
export const MAX_IMPORT_DEPTH = 32;

/** Throws an ImportError naming the first place a parsed value nests deeper than `max`, walking without recursion. */
export function refuseDeepNesting(value: unknown, max: number = MAX_IMPORT_DEPTH): void {
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) {
      throw new ImportError(`${path || '(the top level)'}: the file nests more than ${max} levels deep, which no backup or annotation file does. Nothing was imported.`);
    }
    if (Array.isArray(node)) node.forEach((child, i) => stack.push({ node: child, depth: depth + 1, path: `${path}[${i}]` }));
    else for (const [key, child] of Object.entries(node)) stack.push({ node: child, depth: depth + 1, path: path ? `${path}.${key}` : key });
  }
}

/**
 * Parses and validates an import file's text: a Backstory JSON backup or W3C Web Annotation JSON. Throws an
 * ImportError saying what is wrong and where; nothing is written here.
 */
export async function parseLibraryFile(text: string, options: ValidateOptions = {}): Promise<ParsedImport> {
  const value = parseJsonText(text);
  refuseDeepNesting(value);
  if (isBackupShaped(value)) {
    const backup = await validateBackup(value, options);
    const { articles, highlights, notes, linkChoices, copies, reads, entities, mentions } = backup;
    return { kind: 'backup', data: { articles, highlights, notes, linkChoices, copies, history: { reads, entities, mentions } }, rekeyed: backup.rekeyed };
  }
  if (isW3cShaped(value)) return { kind: 'w3c', data: await w3cToLibrary(value, options.yieldFn ? { yieldFn: options.yieldFn } : {}), rekeyed: 0 };
  throw new ImportError(
    'The file is neither a Backstory backup (it has no "format": "backstory-backup") nor W3C Web Annotation JSON (no "type": "Annotation", "AnnotationPage" or "AnnotationCollection"). Nothing was imported.',
  );
}
