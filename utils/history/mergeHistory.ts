import type { BackstoryDB, EntityRecord, MentionRecord, ReadRecord } from '../db/schema';
import type { HistoryData } from '../library/backupSchema';
import { ImportError } from '../library/importError';

/** What an import does to the reading history, counted in articles read. */
export interface HistoryCounts {
  added: number;
  updated: number;
  skipped: number;
}

/** The records to write, and what they mean to the reader. */
export interface HistoryPlan {
  counts: HistoryCounts;
  puts: HistoryData;
  /** Mention rows replaced by a newer copy of their article from the file. */
  deletes: string[];
}

/**
 * Plans the merge of a backup's reading history into the database (run inside the import's transaction). An article
 * read on two machines is one read (unique URL), the newer copy's mentions win; an identity is one record per key,
 * its spellings and merged names the union of both; a mention keyed by a name this library has since linked to a
 * Wikidata id joins that id. A mention of an article neither side has refuses the file.
 */
export async function planHistory(db: BackstoryDB, data: HistoryData): Promise<HistoryPlan> {
  const counts: HistoryCounts = { added: 0, updated: 0, skipped: 0 };
  const puts: HistoryData = { reads: [], entities: [], mentions: [] };
  const deletes: string[] = [];

  // Identities: one per key; a key this library merged into a Wikidata id goes to that id.
  const aliasOf = new Map<string, string>();
  const allKeys = [...new Set([...data.entities.map((e) => e.key), ...data.mentions.map((m) => m.entityKey), ...data.reads.flatMap((r) => r.entityKeys)])];
  for (const e of await db.entities.where('aliasKeys').anyOf(allKeys).toArray()) for (const k of e.aliasKeys) aliasOf.set(k, e.key);
  const keyOf = (k: string) => aliasOf.get(k) ?? k;
  // Reads: by id, then by URL.
  const byId = await db.reads.bulkGet(data.reads.map((r) => r.id));
  const byUrl = new Map((await db.reads.where('url').anyOf(data.reads.filter((_, i) => !byId[i]).map((r) => r.url)).toArray()).map((r) => [r.url, r]));
  const readId = new Map<string, string>();
  /** Reads whose mentions the file replaces (`true`) or whose file mentions are dropped as older (`false`). */
  const wins = new Map<string, boolean>();
  /** Reads the library already had that the file's newer copy replaces, mentions and all. */
  const replaced: string[] = [];
  data.reads.forEach((incoming, i) => {
    const existing = byId[i] ?? byUrl.get(incoming.url);
    const own: ReadRecord = { ...incoming, entityKeys: [...new Set(incoming.entityKeys.map(keyOf))] };
    const merged: ReadRecord = existing ? { ...own, id: existing.id, readAt: Math.min(existing.readAt, incoming.readAt) } : own;
    readId.set(incoming.id, merged.id);
    if (!existing) {
      counts.added++;
      puts.reads.push(merged);
      wins.set(merged.id, true);
    } else if (incoming.updatedAt > existing.updatedAt) {
      counts.updated++;
      puts.reads.push(merged);
      wins.set(merged.id, true);
      replaced.push(merged.id);
    } else {
      counts.skipped++;
      wins.set(merged.id, false);
    }
  });
  if (replaced.length) deletes.push(...(await db.mentions.where('readId').anyOf(replaced).primaryKeys()));

  const local = new Map((await db.entities.where('key').anyOf(data.entities.map((e) => keyOf(e.key))).toArray()).map((e) => [e.key, e]));
  const planned = new Map<string, EntityRecord>();
  for (const incoming of data.entities) {
    const key = keyOf(incoming.key);
    const base = planned.get(key) ?? local.get(key);
    if (!base) {
      planned.set(key, { ...incoming, key, aliasKeys: incoming.aliasKeys.filter((k) => k !== key) });
      continue;
    }
    const names = [...new Set([...base.names, ...incoming.names])].slice(0, 200);
    const aliasKeys = [...new Set([...base.aliasKeys, ...incoming.aliasKeys, ...(incoming.key !== key ? [incoming.key] : [])])].filter((k) => k !== key).slice(0, 200);
    const newer = incoming.updatedAt > base.updatedAt && incoming.key === key;
    planned.set(key, { ...base, names, aliasKeys, name: newer ? incoming.name : base.name, qid: base.qid ?? incoming.qid, updatedAt: Math.max(base.updatedAt, incoming.updatedAt) });
  }
  for (const [key, e] of planned) {
    const before = local.get(key);
    if (!before || JSON.stringify(before) !== JSON.stringify(e)) puts.entities.push(e);
  }

  // Mentions: follow their read; a read neither side has refuses the file.
  const known = new Set([...readId.values()]);
  const missing = [...new Set(data.mentions.map((m) => m.readId).filter((id) => !readId.has(id)))];
  if (missing.length) for (const r of await db.reads.bulkGet(missing)) if (r) known.add(r.id);
  const existingMentions = await db.mentions.bulkGet(data.mentions.map((m) => m.id));
  data.mentions.forEach((m, i) => {
    const rid = readId.get(m.readId) ?? m.readId;
    if (!known.has(rid)) throw new ImportError(`mentions[${i}].readId: no read article with id ${m.readId} in the file or the library. The file was not imported.`);
    if (wins.get(rid) === false) return;
    const existing = existingMentions[i];
    // A mention the library has in the same or a newer edit stays, unless its article is being replaced.
    if (existing && existing.updatedAt >= m.updatedAt && !replaced.includes(existing.readId)) return;
    const row: MentionRecord = { ...m, readId: rid, entityKey: keyOf(m.entityKey) };
    puts.mentions.push(row);
  });
  return { counts, puts, deletes };
}

/** Writes a planned history merge (inside the import's transaction). */
export async function applyHistoryPlan(db: BackstoryDB, plan: HistoryPlan): Promise<void> {
  await db.mentions.bulkDelete(plan.deletes);
  await db.reads.bulkPut(plan.puts.reads);
  await db.entities.bulkPut(plan.puts.entities);
  await db.mentions.bulkPut(plan.puts.mentions);
}
