import * as v from 'valibot';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, RECORD_SCHEMAS, describeIssue, type Backup } from './backupSchema';
import { ImportError } from './importError';
import { yieldToEventLoop } from './yieldToEventLoop';

/** Options for long validations: how many records between yields to the page. */
export interface ValidateOptions {
  chunkSize?: number;
  yieldFn?: () => Promise<void>;
}

/** Parses JSON text, turning a syntax error into an ImportError that says where the file breaks. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`The file is not valid JSON (${detail}). Nothing was imported.`);
  }
}

/** True when a parsed file claims to be a Backstory backup (whatever its version). */
export function isBackupShaped(value: unknown): value is { format: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { format?: unknown }).format === BACKUP_FORMAT;
}

/**
 * Validates a parsed Backstory backup record by record. Rejects the whole file at the first bad record with its
 * position ("highlights[42].quote.exact: expected a string, got the number 5"), a newer format version with a clear
 * message, and duplicate ids. Yields to the page between chunks so a big file never freezes it.
 */
export async function validateBackup(value: unknown, options: ValidateOptions = {}): Promise<Backup> {
  const chunkSize = options.chunkSize ?? 2000;
  const yieldFn = options.yieldFn ?? yieldToEventLoop;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ImportError('The file is not a Backstory backup: expected a JSON object at the top level.');
  }
  const root = value as Record<string, unknown>;
  if (root.format !== BACKUP_FORMAT) {
    throw new ImportError(`The file is not a Backstory backup: "format" is ${JSON.stringify(root.format)}, expected "${BACKUP_FORMAT}".`);
  }
  const version = root.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError(`version: expected a whole number of 1 or more, got ${JSON.stringify(version)}.`);
  }
  if (version > BACKUP_VERSION) {
    throw new ImportError(
      `This backup was written by a newer version of Backstory (backup format version ${version}; this version reads up to ${BACKUP_VERSION}). ` +
        'Update Backstory, then import it again. Nothing was imported.',
    );
  }
  if (typeof root.exportedAt !== 'string') {
    throw new ImportError(`exportedAt: expected a string, got ${JSON.stringify(root.exportedAt)}.`);
  }

  const out: Partial<Backup> = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: root.exportedAt };
  let sinceYield = 0;
  for (const table of BACKUP_TABLES) {
    const records = root[table];
    // linkChoices is optional so a hand-trimmed backup of just articles still imports.
    if (records === undefined && table === 'linkChoices') {
      out.linkChoices = [];
      continue;
    }
    if (!Array.isArray(records)) throw new ImportError(`${table}: expected an array of records, got ${records === undefined ? 'nothing (the field is missing)' : typeof records}.`);
    const schema = RECORD_SCHEMAS[table];
    const seen = new Map<string, number>();
    const parsed: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const result = v.safeParse(schema, records[i]);
      if (!result.success) throw new ImportError(`${describeIssue(`${table}[${i}]`, result.issues[0])}. The file was not imported.`);
      const id = result.output.id;
      const first = seen.get(id);
      if (first !== undefined) throw new ImportError(`${table}[${i}].id: the same id as ${table}[${first}]. The file was not imported.`);
      seen.set(id, i);
      parsed[i] = result.output;
      if (++sinceYield >= chunkSize) {
        sinceYield = 0;
        await yieldFn();
      }
    }
    (out as Record<string, unknown>)[table] = parsed;
  }
  return out as Backup;
}
