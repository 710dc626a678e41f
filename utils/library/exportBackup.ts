import type { BackstoryDB } from '../db/schema';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type HistoryData } from './backupSchema';

/** What an export leaves out. */
export interface ExportOptions {
  /** Leave out the saved copies of the articles (a smaller file: highlights and notes only). Default false. */
  withoutCopies?: boolean;
}

/** Reads everything the reader saved, in one read transaction (a consistent snapshot), as a versioned backup. */
export async function exportBackup(db: BackstoryDB, now: Date = new Date(), options: ExportOptions = {}): Promise<Backup> {
  const tables = [db.articles, db.highlights, db.notes, db.linkChoices, db.copies, db.reads, db.entities, db.mentions];
  return db.transaction('r', tables, async () => ({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    articles: await db.articles.orderBy('createdAt').toArray(),
    highlights: await db.highlights.orderBy('createdAt').toArray(),
    notes: await db.notes.orderBy('updatedAt').toArray(),
    linkChoices: await db.linkChoices.toArray(),
    copies: options.withoutCopies ? [] : await db.copies.orderBy('extractedAt').toArray(),
    reads: await db.reads.orderBy('at').toArray(),
    entities: await db.entities.toArray(),
    mentions: await db.mentions.toArray(),
  }));
}

/** The backup as file text: one record per line, so the file diffs well and stays small (no deep indentation). */
export function serializeBackup(backup: Omit<Backup, keyof HistoryData> & Partial<HistoryData>): string {
  const tables = (['articles', 'highlights', 'notes', 'linkChoices', 'copies', 'reads', 'entities', 'mentions'] as const).map((table) => {
    const records: readonly unknown[] = backup[table] ?? [];
    const nl = records.length ? '\n' : '';
    return `${JSON.stringify(table)}: [${nl}${records.map((r) => JSON.stringify(r)).join(',\n')}${nl}]`;
  });
  return `{"format": ${JSON.stringify(backup.format)}, "version": ${backup.version}, "exportedAt": ${JSON.stringify(backup.exportedAt)},\n${tables.join(',\n')}\n}\n`;
}

/** A file name for a backup made at `now`: "backstory-backup-2026-11-29.json". */
export function backupFileName(now: Date = new Date()): string {
  return `backstory-backup-${now.toISOString().slice(0, 10)}.json`;
}
