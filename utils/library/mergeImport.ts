import { contentHash } from '../article/contentHash';
import { utf8Bytes } from '../db/copies';
import type { ArticleRecord, BackstoryDB, CopyRecord, HighlightRecord, LinkChoiceRecord, NoteRecord } from '../db/schema';
import { BACKUP_TABLES, type BackupTable, type ImportData, type LibraryData } from './backupSchema';
import { ImportError } from './importError';
import { applyHistoryPlan, planHistory, type HistoryCounts } from '../history/mergeHistory';

/** What an import does to one table. */
export interface TableCounts {
  /** Records that were not in the library. */
  added: number;
  /** Records the file has a newer edit of (newest `updatedAt` wins). */
  updated: number;
  /** Records the library already has in the same or a newer edit. */
  skipped: number;
}

/**
 * What an import did (or, from previewImport, would do), table by table; `reads` (articles of the reading history)
 * only when the file carries any.
 */
export type ImportReport = Record<BackupTable, TableCounts> & { reads?: HistoryCounts };

/** Every table an import writes. */
function importTables(db: BackstoryDB) {
  return [db.articles, db.highlights, db.notes, db.linkChoices, db.copies, db.reads, db.entities, db.mentions];
}

/** The history's part of a report, and its plan, when the import carries a history. */
async function withHistory(db: BackstoryDB, data: ImportData, report: ImportReport) {
  const history = data.history;
  if (!history || history.reads.length + history.entities.length + history.mentions.length === 0) return null;
  const plan = await planHistory(db, history);
  report.reads = plan.counts;
  return plan;
}

interface Plan {
  report: ImportReport;
  puts: LibraryData;
}

/**
 * Reads what an import would change without writing anything: the preview shown before the reader confirms.
 * The same planning runs again inside applyImport's transaction, so a change made in between is respected.
 */
export async function previewImport(db: BackstoryDB, data: ImportData): Promise<ImportReport> {
  const prepared = await withCheckedCopies(data);
  return db.transaction('r', importTables(db), async () => {
    const { report } = await plan(db, prepared);
    await withHistory(db, prepared, report);
    return report;
  });
}

/**
 * A copy's size and hash are recomputed from its own text, never taken from the file: a forged `bytes: 0` must not
 * slip past the budget, nor a hash that does not match make "changed since you saved it" lie. Done before the
 * transaction (Web Crypto is not an IndexedDB operation and would let the transaction commit).
 */
async function withCheckedCopies(data: ImportData): Promise<ImportData> {
  const copies = await Promise.all(
    (data.copies ?? []).map(async (c) => ({ ...c, bytes: utf8Bytes(c.html) + utf8Bytes(c.text), contentHash: await contentHash(c.text) })),
  );
  return { ...data, copies };
}

/**
 * Merges records into the library in ONE transaction: by id, the newest `updatedAt` wins; an article whose URL is
 * already saved under another id (saved on two machines) merges into the saved one and its highlights and notes
 * follow it. Any failure rolls everything back, so nothing already saved changes.
 */
export async function applyImport(db: BackstoryDB, data: ImportData): Promise<ImportReport> {
  const prepared = await withCheckedCopies(data);
  return db.transaction('rw', importTables(db), async () => {
    const { report, puts } = await plan(db, prepared);
    const history = await withHistory(db, prepared, report);
    if (history) await applyHistoryPlan(db, history);
    await db.articles.bulkPut(puts.articles);
    await db.highlights.bulkPut(puts.highlights);
    await db.notes.bulkPut(puts.notes);
    await db.linkChoices.bulkPut(puts.linkChoices);
    await db.copies.bulkPut(puts.copies ?? []);
    return report;
  });
}

function emptyReport(): ImportReport {
  const report = {} as ImportReport;
  for (const table of BACKUP_TABLES) report[table] = { added: 0, updated: 0, skipped: 0 };
  return report;
}

/**
 * Adds, replaces or keeps one record. `carried` names the fields the file carries for it (W3C annotations carry a
 * title but no byline): a newer edit then updates only those, so an import never blanks what the file is silent on.
 */
function decide<T extends { id: string; updatedAt: number }>(incoming: T, existing: T | undefined, counts: TableCounts, puts: T[], carried?: readonly string[]): void {
  if (!existing) {
    counts.added++;
    puts.push(incoming);
  } else if (incoming.updatedAt > existing.updatedAt) {
    counts.updated++;
    if (!carried) puts.push(incoming);
    else {
      const merged: Record<string, unknown> = { ...existing, updatedAt: incoming.updatedAt };
      for (const field of carried) merged[field] = (incoming as Record<string, unknown>)[field];
      puts.push(merged as T);
    }
  } else {
    counts.skipped++;
  }
}

/** Refuses a file whose table names one id twice: it would report two records and store one. */
function refuseDuplicates(data: LibraryData): void {
  for (const table of BACKUP_TABLES) {
    const seen = new Map<string, number>();
    (data[table] ?? []).forEach((r, i) => {
      const first = seen.get(r.id);
      if (first !== undefined) throw new ImportError(`${table}[${i}].id: the same id as ${table}[${first}]. The file was not imported.`);
      seen.set(r.id, i);
    });
  }
}

async function plan(db: BackstoryDB, data: ImportData): Promise<Plan> {
  refuseDuplicates(data);
  const carried = (table: BackupTable, id: string) => data.carried?.[table]?.get(id);
  const report = emptyReport();
  const puts: LibraryData = { articles: [], highlights: [], notes: [], linkChoices: [], copies: [] };

  // Articles: by id first, then by URL (the unique key) so the same page saved twice does not break the unique index.
  const byId = await db.articles.bulkGet(data.articles.map((a) => a.id));
  const missingUrls = data.articles.filter((_, i) => !byId[i]).map((a) => a.url);
  const byUrl = new Map<string, ArticleRecord>();
  if (missingUrls.length) for (const a of await db.articles.where('url').anyOf(missingUrls).toArray()) byUrl.set(a.url, a);
  const articleIdMap = new Map<string, string>();
  const knownArticleIds = new Set<string>();
  const urlOwner = new Map<string, string>();
  for (let i = 0; i < data.articles.length; i++) {
    const incoming = data.articles[i]!;
    const existing = byId[i] ?? byUrl.get(incoming.url);
    const merged = existing && existing.id !== incoming.id ? { ...incoming, id: existing.id } : incoming;
    articleIdMap.set(incoming.id, merged.id);
    knownArticleIds.add(merged.id);
    const owner = urlOwner.get(merged.url);
    if (owner !== undefined && owner !== merged.id) throw new ImportError(`articles[${i}].url: two articles in the file have the URL ${merged.url}. The file was not imported.`);
    urlOwner.set(merged.url, merged.id);
    if (existing && existing.url !== merged.url && incoming.updatedAt > existing.updatedAt) {
      const clash = await db.articles.where('url').equals(merged.url).first();
      if (clash && clash.id !== merged.id) throw new ImportError(`articles[${i}].url: ${merged.url} is already saved as another article. The file was not imported.`);
    }
    decide(merged, existing, report.articles, puts.articles, carried('articles', incoming.id));
  }

  // Highlights and notes must belong to an article in the file or in the library.
  const referenced = new Set<string>();
  for (const r of [...data.highlights, ...data.notes, ...(data.copies ?? [])]) if (!articleIdMap.has(r.articleId)) referenced.add(r.articleId);
  if (referenced.size) {
    const found = await db.articles.bulkGet([...referenced]);
    for (const a of found) if (a) knownArticleIds.add(a.id);
  }
  const remap = <T extends HighlightRecord | NoteRecord | CopyRecord>(r: T, where: string): T => {
    const articleId = articleIdMap.get(r.articleId) ?? r.articleId;
    if (!knownArticleIds.has(articleId)) throw new ImportError(`${where}.articleId: no article with id ${r.articleId} in the file or the library. The file was not imported.`);
    return articleId === r.articleId ? r : { ...r, articleId };
  };

  const highlights = data.highlights.map((h, i) => remap(h, `highlights[${i}]`));
  const existingHighlights = await db.highlights.bulkGet(highlights.map((h) => h.id));
  highlights.forEach((h, i) => decide(h, existingHighlights[i], report.highlights, puts.highlights, carried('highlights', h.id)));

  const notes = data.notes.map((n, i) => remap(n, `notes[${i}]`));
  const existingNotes = await db.notes.bulkGet(notes.map((n) => n.id));
  notes.forEach((n, i) => decide(n, existingNotes[i], report.notes, puts.notes, carried('notes', n.id)));

  // Copies: one per article. The library's own copy of an article is the one its highlights were made on: a file's
  // copy of the same article under another id never replaces it (counted unchanged); by id, the newest edit wins.
  const copies = (data.copies ?? []).map((c, i) => remap(c, `copies[${i}]`));
  const copyOwner = new Map<string, number>();
  copies.forEach((c, i) => {
    const first = copyOwner.get(c.articleId);
    if (first !== undefined) throw new ImportError(`copies[${i}].articleId: the same article as copies[${first}] (one copy per article). The file was not imported.`);
    copyOwner.set(c.articleId, i);
  });
  const existingCopies = await db.copies.bulkGet(copies.map((c) => c.id));
  for (let i = 0; i < copies.length; i++) {
    const incoming = copies[i]!;
    const sameArticle = existingCopies[i] ? undefined : await db.copies.where('articleId').equals(incoming.articleId).first();
    if (sameArticle) {
      report.copies.skipped++;
      continue;
    }
    decide(incoming, existingCopies[i], report.copies, (puts.copies ??= []));
  }

  // Link choices are unique per [site+name]: a choice made on two machines merges into the saved one.
  const existingChoices = await db.linkChoices.bulkGet(data.linkChoices.map((c) => c.id));
  for (let i = 0; i < data.linkChoices.length; i++) {
    const incoming: LinkChoiceRecord = data.linkChoices[i]!;
    const existing = existingChoices[i] ?? (await db.linkChoices.where('[site+name]').equals([incoming.site, incoming.name]).first());
    const merged = existing && existing.id !== incoming.id ? { ...incoming, id: existing.id } : incoming;
    decide(merged, existing, report.linkChoices, puts.linkChoices);
  }
  return { report, puts };
}
