import * as v from 'valibot';
import type { ArticleRecord, HighlightRecord, LinkChoiceRecord, NoteRecord } from '../db/schema';
import { HIGHLIGHT_COLORS } from '../highlights/types';

/** The `format` tag of a Backstory JSON backup (docs/backup-format.md). */
export const BACKUP_FORMAT = 'backstory-backup';
/** The backup format version this build writes and reads; older readers refuse a higher number. */
export const BACKUP_VERSION = 1;

/** The tables a backup carries. `knowledge` is a cache of Wikipedia/Wikidata and is refetched, not backed up. */
export const BACKUP_TABLES = ['articles', 'highlights', 'notes', 'linkChoices'] as const;
/** One of BACKUP_TABLES. */
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** A JSON backup of everything the reader saved (docs/backup-format.md). */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 time of the export. */
  exportedAt: string;
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
  notes: NoteRecord[];
  linkChoices: LinkChoiceRecord[];
}

/** The records of a backup (or of any import), table by table. */
export type LibraryData = Pick<Backup, BackupTable>;

const Id = v.pipe(v.string(), v.minLength(1));
const Time = v.pipe(v.number(), v.finite());
const Tags = v.array(v.string());

const StoredEntitySchema = v.object({
  key: v.string(),
  name: v.string(),
  type: v.picklist(['person', 'place', 'organization', 'other']),
  mentions: v.number(),
  qid: v.nullable(v.string()),
});

/** One ArticleRecord as it appears in a backup. */
export const ArticleSchema = v.object({
  id: Id,
  url: v.pipe(v.string(), v.minLength(1)),
  pageUrl: v.string(),
  title: v.string(),
  byline: v.nullable(v.string()),
  authors: v.array(v.string()),
  siteName: v.nullable(v.string()),
  site: v.string(),
  lang: v.nullable(v.string()),
  publishedTime: v.nullable(v.string()),
  excerpt: v.nullable(v.string()),
  entities: v.array(StoredEntitySchema),
  entityKeys: v.array(v.string()),
  tags: Tags,
  createdAt: Time,
  updatedAt: Time,
});

/** W3C TextQuoteSelector. */
export const TextQuoteSchema = v.object({
  type: v.literal('TextQuoteSelector'),
  exact: v.string(),
  prefix: v.string(),
  suffix: v.string(),
});

/** W3C TextPositionSelector. */
export const TextPositionSchema = v.object({
  type: v.literal('TextPositionSelector'),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** One HighlightRecord as it appears in a backup. */
export const HighlightSchema = v.object({
  id: Id,
  articleId: Id,
  url: v.string(),
  quote: TextQuoteSchema,
  position: TextPositionSchema,
  color: v.picklist(HIGHLIGHT_COLORS),
  note: v.string(),
  tags: Tags,
  anchorVersion: v.number(),
  createdAt: Time,
  updatedAt: Time,
});

/** One NoteRecord as it appears in a backup. */
export const NoteSchema = v.object({
  id: Id,
  articleId: Id,
  url: v.string(),
  body: v.string(),
  createdAt: Time,
  updatedAt: Time,
});

/** One LinkChoiceRecord as it appears in a backup. */
export const LinkChoiceSchema = v.object({
  id: Id,
  site: v.string(),
  name: v.string(),
  title: v.nullable(v.string()),
  lang: v.string(),
  updatedAt: Time,
});

/** The schema of each backed-up table's records. */
export const RECORD_SCHEMAS = {
  articles: ArticleSchema,
  highlights: HighlightSchema,
  notes: NoteSchema,
  linkChoices: LinkChoiceSchema,
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
