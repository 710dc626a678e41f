import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  HISTORY_BACKUP_TABLES,
  HISTORY_RECORD_SCHEMAS,
  RECORD_SCHEMAS,
  describeIssue,
  type Backup,
} from './backupSchema';
import { ImportError } from './importError';
import { isUuid, stableUuid } from './stableId';
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
    throw new ImportError(`The file is not valid JSON (${detail}). The file was not imported.`);
  }
}

/** True when a parsed file claims to be a Backstory backup (whatever its version). */
export function isBackupShaped(value: unknown): value is { format: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { format?: unknown }).format === BACKUP_FORMAT;
}

/** A backup, validated, with how many of its records came with an id that was not a UUID and got a new one. */
export interface ValidatedBackup extends Backup {
  rekeyed: number;
}

/** The new id of a record whose id is not a UUID: derived from table and old id, so a re-import finds it again. */
function rekey(table: string, id: string): Promise<string> {
  return stableUuid(`backstory-import:${table}:${id}`);
}

function needsNewIds(record: unknown): boolean {
  if (typeof record !== 'object' || record === null) return false;
  const { id, articleId } = record as { id?: unknown; articleId?: unknown };
  return (typeof id === 'string' && id !== '' && !isUuid(id)) || (typeof articleId === 'string' && articleId !== '' && !isUuid(articleId));
}

/**
 * Gives a record UUID ids where it has other non-empty strings (a hand-made or foreign file): its own id, and the
 * article id of a highlight or note, re-keyed the same way its article was, so the link between them is kept.
 */
async function withUuids(table: string, record: unknown): Promise<{ record: unknown; rekeyed: boolean }> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { record, rekeyed: false };
  const r = record as Record<string, unknown>;
  let out = r;
  let rekeyed = false;
  if (typeof r.id === 'string' && r.id !== '' && !isUuid(r.id)) {
    out = { ...out, id: await rekey(table, r.id) };
    rekeyed = true;
  }
  if ((table === 'highlights' || table === 'notes' || table === 'copies') && typeof r.articleId === 'string' && r.articleId !== '' && !isUuid(r.articleId)) {
    out = { ...out, articleId: await rekey('articles', r.articleId) };
  }
  return { record: out, rekeyed };
}

/**
 * Validates a parsed Backstory backup record by record. Rejects the whole file at the first bad record with its
 * position ("highlights[42].quote.exact: expected a string, got the number 5"), a newer format version with a clear
 * message, and duplicate ids. Yields to the page between chunks so a big file never freezes it.
 */
export async function validateBackup(value: unknown, options: ValidateOptions = {}): Promise<ValidatedBackup> {
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

  const out: Partial<ValidatedBackup> = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: root.exportedAt, rekeyed: 0 };
  let sinceYield = 0;
  for (const table of BACKUP_TABLES) {
    const records = root[table];
    // linkChoices is optional so a hand-trimmed backup of just articles still imports; copies, so older backups do.
    if (records === undefined && (table === 'linkChoices' || table === 'copies')) {
      out[table] = [];
      continue;
    }
    if (!Array.isArray(records)) throw new ImportError(`${table}: expected an array of records, got ${records === undefined ? 'nothing (the field is missing)' : typeof records}.`);
    const schema = RECORD_SCHEMAS[table];
    const seen = new Map<string, number>();
    const parsed: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      // The await only where an id needs a new key: a backup of 100,000 highlights should not wait 100,000 times.
      const keyed = needsNewIds(records[i]) ? await withUuids(table, records[i]) : { record: records[i], rekeyed: false };
      if (keyed.rekeyed) out.rekeyed! += 1;
      const result = v.safeParse(schema, keyed.record);
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
  // The reading history (issue 16): optional, validated the same way, record by record.
  for (const table of HISTORY_BACKUP_TABLES) {
    const records = root[table];
    if (records === undefined) {
      (out as Record<string, unknown>)[table] = [];
      continue;
    }
    if (!Array.isArray(records)) throw new ImportError(`${table}: expected an array of records, got ${typeof records}. The file was not imported.`);
    const schema = HISTORY_RECORD_SCHEMAS[table];
    const seen = new Map<string, number>();
    const parsed: unknown[] = new Array(records.length);
    for (let i = 0; i < records.length; i++) {
      const result = v.safeParse(schema, records[i]);
      if (!result.success) throw new ImportError(`${describeIssue(`${table}[${i}]`, result.issues[0])}. The file was not imported.`);
      const first = seen.get(result.output.id);
      if (first !== undefined) throw new ImportError(`${table}[${i}].id: the same id as ${table}[${first}]. The file was not imported.`);
      seen.set(result.output.id, i);
      parsed[i] = result.output;
      if (++sinceYield >= chunkSize) {
        sinceYield = 0;
        await yieldFn();
      }
    }
    (out as Record<string, unknown>)[table] = parsed;
  }
  return out as ValidatedBackup;
}
