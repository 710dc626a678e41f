import * as v from 'valibot';
import type { ArticleRecord, CopyRecord, EntityRecord, HighlightRecord, LinkChoiceRecord, MentionRecord, NoteRecord, ReadRecord } from '../db/schema';
import {
  ArticleRecordSchema,
  CopyRecordSchema,
  EntityRecordSchema,
  HighlightRecordSchema,
  LinkChoiceRecordSchema,
  MentionRecordSchema,
  NoteRecordSchema,
  ReadRecordSchema,
} from '../records/recordSchema';

/** The `format` tag of a Backstory JSON backup (docs/backup-format.md). */
export const BACKUP_FORMAT = 'backstory-backup';
/** The backup format version this build writes and reads; older readers refuse a higher number. */
export const BACKUP_VERSION = 1;

/**
 * The tables a backup carries. `knowledge` is a cache of Wikipedia/Wikidata and is refetched, not backed up.
 * `copies` (issue 17) is optional in a file: older backups have none, and the reader may export without them.
 */
export const BACKUP_TABLES = ['articles', 'highlights', 'notes', 'linkChoices', 'copies'] as const;
/** One of BACKUP_TABLES. */
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * The reading history's tables (issue 16). Optional in a file (a backup from before 0.2 has none; an old reader
 * ignores them), so adding them needed no new format version.
 */
export const HISTORY_BACKUP_TABLES = ['reads', 'entities', 'mentions'] as const;
/** One of HISTORY_BACKUP_TABLES. */
export type HistoryTable = (typeof HISTORY_BACKUP_TABLES)[number];

/** The reading history's records, table by table. */
export interface HistoryData {
  reads: ReadRecord[];
  entities: EntityRecord[];
  mentions: MentionRecord[];
}

/** A JSON backup of everything the reader saved, and the reading history (docs/backup-format.md). */
export interface Backup extends HistoryData {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  notes: NoteRecord[];
  linkChoices: LinkChoiceRecord[];
  /**
   * The reader's saved copies of the articles (empty when exported without them). Optional in the type as in the
   * file: code that builds a library from elsewhere (a W3C import, a test) need not know about copies.
   */
  copies?: CopyRecord[];
}

/** The records of a backup (or of any import), table by table. */
export type LibraryData = Pick<Backup, BackupTable>;

/**
 * An import as merged: the records, and for formats that carry fewer fields than a full record (W3C annotations),
 * which fields each record carries, so the merge updates only those and never blanks the rest (issue #13).
 * A record with no entry in `carried` is whole.
 */
export interface ImportData extends LibraryData {
  /** The reading history, when the file carries one (a Backstory backup). */
  history?: HistoryData;
  carried?: Partial<Record<BackupTable, Map<string, readonly string[]>>>;
}

/** The schema of each backed-up table's records: THE record schema, the same the messages and the database use. */
export const RECORD_SCHEMAS = {
  articles: ArticleRecordSchema,
  highlights: HighlightRecordSchema,
  notes: NoteRecordSchema,
  linkChoices: LinkChoiceRecordSchema,
  copies: CopyRecordSchema,
} as const;

/** The schema of each history table's records. */
export const HISTORY_RECORD_SCHEMAS = {
  reads: ReadRecordSchema,
  entities: EntityRecordSchema,
  mentions: MentionRecordSchema,
} as const;

/** Turns a valibot issue into "where: what", e.g. `highlights[42].quote.exact: expected a string, got a number`. */
export function describeIssue(prefix: string, issue: v.BaseIssue<unknown>): string {
  let where = prefix;
  for (const item of issue.path ?? []) {
    const key = item.key;
    where += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return `${where}: ${describeExpectation(issue)}`;
}

const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  array: 'an array',
  object: 'an object',
  null: 'null',
};

function describeExpectation(issue: v.BaseIssue<unknown>): string {
  // valibot reports a missing key on the object, with the key as "expected".
  if (issue.kind === 'schema' && issue.type === 'object' && issue.received === 'undefined') return 'this required field is missing';
  const received = issue.received === 'undefined' ? 'nothing (the field is missing)' : describeReceived(issue.input);
  if (issue.kind === 'schema') {
    if (issue.type === 'nullable' || issue.type === 'string' || issue.type === 'number' || issue.type === 'array' || issue.type === 'object') {
      const expected = (issue.expected ?? '')
        .split(' | ')
        .map((e) => NOUNS[e] ?? e)
        .join(' or ');
      return `expected ${expected}, got ${received}`;
    }
    return `expected ${issue.expected ?? issue.type}, got ${received}`;
  }
  // Validation actions (finite, integer, minValue, minLength): valibot's message names the requirement.
  return `${issue.message}`;
}

function describeReceived(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'an array';
  if (typeof input === 'string') return `the string ${JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input)}`;
  if (typeof input === 'number') return `the number ${input}`;
  if (typeof input === 'object') return 'an object';
  return typeof input;
}
