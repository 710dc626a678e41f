import { Dexie } from 'dexie';
import type { BackstoryDB, EntityRecord, HighlightRecord, MentionRecord, NoteRecord, ReadRecord } from '../db/schema';
import { normalizeName } from './identity';
import { byReadingOrder } from '../highlights/readingOrder';

/** Articles weighed for "Also in these articles": the newest this many (bounds the page's cost on a long history). */
export const CO_OCCURRENCE_WINDOW = 300;
/** Entities listed under "Also in these articles". */
export const CO_OCCURRENCE_LIMIT = 10;

/** One article of an entity's timeline. */
export interface TimelineItem {
  read: ReadRecord;
  mention: MentionRecord;
  /** The reader's highlights in it that name the entity or sit in a paragraph that does. */
  highlights: HighlightRecord[];
  /** The reader's note on it, when the note names the entity. */
  note: NoteRecord | null;
}

/** An entity that appears in the same articles. */
export interface CoEntity {
  key: string;
  name: string;
  type: EntityRecord['type'];
  /** Articles (among those weighed) that name both. */
  together: number;
}

/** Articles and mentions of one calendar month (UTC). */
export interface MonthCount {
  /** "YYYY-MM". */
  month: string;
  articles: number;
  mentions: number;
}

/** Articles of the timeline loaded at first (the page asks for more): the page's cost does not grow with the history. */
export const TIMELINE_PAGE = 100;

/** Everything the entity page shows. */
export interface EntityPageData {
  entity: EntityRecord;
  /** The newest `limit` articles (by the article's date), newest first. */
  items: TimelineItem[];
  /** Articles in the whole timeline. */
  articles: number;
  /** Total mentions across the whole timeline. */
  mentions: number;
  /** Every month with an article, newest first (the chart). */
  months: MonthCount[];
  alsoIn: CoEntity[];
}

/** The identity stored under `key`, or the one a name key was merged into. */
export async function findEntity(db: BackstoryDB, key: string): Promise<EntityRecord | undefined> {
  return (await db.entities.where('key').equals(key).first()) ?? (await db.entities.where('aliasKeys').equals(key).first());
}

/** The mention rows of one identity, newest first: one index range ([entityKey+at]), no scan. */
export function mentionsOf(db: BackstoryDB, key: string) {
  return db.mentions.where('[entityKey+at]').between([key, Dexie.minKey], [key, Dexie.maxKey]).reverse();
}

/** True when the text names the entity by one of its spellings (compared as normalised words). */
function names(text: string, spellings: readonly string[]): boolean {
  const hay = ` ${normalizeName(text)} `;
  return spellings.some((s) => s.length > 1 && hay.includes(` ${s} `));
}

/** The reader's highlights of an article that name the entity or lie in a paragraph that names it. */
export function highlightsAbout(highlights: readonly HighlightRecord[], mention: Pick<MentionRecord, 'paragraphs'>, spellings: readonly string[]): HighlightRecord[] {
  return highlights
    .filter((h) => names(h.quote.exact, spellings) || names(h.note, spellings) || mention.paragraphs.some(([s, e]) => h.position.start < e && h.position.end > s))
    .sort(byReadingOrder);
}

/**
 * The entity page: the identity, its articles newest first with the reader's highlights and notes about it, and
 * the entities most often named with it. Reads only index ranges and key look-ups (scripts/bench/history.ts).
 */
export async function loadEntityPage(db: BackstoryDB, key: string, limit = TIMELINE_PAGE): Promise<EntityPageData | null> {
  return db.transaction('r', [db.entities, db.mentions, db.reads, db.highlights, db.notes], async () => {
    const entity = await findEntity(db, key);
    if (!entity) return null;
    const all = await mentionsOf(db, entity.key).toArray();
    const months: MonthCount[] = [];
    let total = 0;
    for (const m of all) {
      total += m.count;
      const month = new Date(m.at).toISOString().slice(0, 7);
      const last = months.at(-1);
      if (last?.month === month) {
        last.articles++;
        last.mentions += m.count;
      } else months.push({ month, articles: 1, mentions: m.count });
    }
    const mentions = all.slice(0, limit);
    const reads = await db.reads.bulkGet(mentions.map((m) => m.readId));
    const urls = reads.flatMap((r) => (r ? [r.url] : []));
    // One equality range per article: anyOf() over many keys is slower in IndexedDB implementations that seek linearly.
    const [highlights, notes] = await Promise.all([
      Promise.all(urls.map((u) => db.highlights.where('url').equals(u).toArray())).then((l) => l.flat()),
      Promise.all(urls.map((u) => db.notes.where('url').equals(u).toArray())).then((l) => l.flat()),
    ]);
    const highlightsByUrl = groupBy(highlights, (h) => h.url);
    const noteByUrl = new Map(notes.map((n) => [n.url, n]));
    const spellings = [...new Set([...entity.names, normalizeName(entity.name)])];
    const items: TimelineItem[] = [];
    mentions.forEach((mention, i) => {
      const read = reads[i];
      if (!read) return;
      const note = noteByUrl.get(read.url);
      items.push({
        read,
        mention,
        highlights: highlightsAbout(highlightsByUrl.get(read.url) ?? [], mention, spellings),
        note: note && names(note.body, spellings) ? note : null,
      });
    });
    return { entity, items, articles: all.length, mentions: total, months, alsoIn: await coOccurring(db, entity.key, all.slice(0, CO_OCCURRENCE_WINDOW), reads) };
  });
}

/** The entities named most often in the same articles (ties by name), from those articles' mention rows. */
async function coOccurring(db: BackstoryDB, key: string, mentions: readonly MentionRecord[], loaded: ReadonlyArray<ReadRecord | undefined>): Promise<CoEntity[]> {
  const counts = new Map<string, number>();
  // The reads' own key lists (by primary key), not their mention rows by index: see ReadRecord.entityKeys.
  const have = new Map(loaded.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  const more = await db.reads.bulkGet(mentions.filter((m) => !have.has(m.readId)).map((m) => m.readId));
  for (const r of [...have.values(), ...more]) {
    if (!r) continue;
    for (const k of new Set(r.entityKeys)) if (k !== key) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, CO_OCCURRENCE_LIMIT * 2);
  // Equality look-ups, not anyOf(): fake-indexeddb seeks anyOf linearly (25 s for 100 keys over 40,000 rows).
  const records = await Promise.all(top.map(([k]) => db.entities.where('key').equals(k).first()));
  const found = new Map(records.flatMap((e) => (e ? [[e.key, e] as const] : [])));
  return top
    .flatMap(([k, together]) => {
      const e = found.get(k);
      return e ? [{ key: k, name: e.name, type: e.type, together }] : [];
    })
    .sort((a, b) => b.together - a.together || a.name.localeCompare(b.name))
    .slice(0, CO_OCCURRENCE_LIMIT);
}

/**
 * How many articles in the history name the identity, other than the one at `url` (the side panel's "You have read
 * N other articles about X"). Counts one index range; looks at no record but the current article's.
 */
export async function otherReadsCount(db: BackstoryDB, key: string, url: string): Promise<number> {
  return db.transaction('r', [db.entities, db.mentions, db.reads], async () => {
    const entity = await findEntity(db, key);
    if (!entity) return 0;
    const all = await mentionsOf(db, entity.key).count();
    const current = await db.reads.where('url').equals(url).first();
    if (!current) return all;
    const here = await db.mentions.where('readId').equals(current.id).filter((m) => m.entityKey === entity.key).count();
    return all - here;
  });
}

/** A month of a timeline ("2023-10"), newest month first. */
export interface MonthGroup {
  /** "YYYY-MM" (UTC). */
  month: string;
  /** "October 2023". */
  label: string;
  items: TimelineItem[];
  mentions: number;
}

/** Groups a newest-first timeline by calendar month (UTC), keeping the order. */
export function groupByMonth(items: readonly TimelineItem[]): MonthGroup[] {
  const groups: MonthGroup[] = [];
  for (const item of items) {
    const d = new Date(item.read.at);
    const month = d.toISOString().slice(0, 7);
    let group = groups.at(-1);
    if (group?.month !== month) {
      group = { month, label: d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }), items: [], mentions: 0 };
      groups.push(group);
    }
    group.items.push(item);
    group.mentions += item.mention.count;
  }
  return groups;
}

/**
 * Mentions per month from the first month to the last, oldest first, months without articles as 0 (the chart's
 * bars). At most `maxMonths`, the newest.
 */
export function mentionsPerMonth(groups: readonly MonthCount[], maxMonths = 36): MonthCount[] {
  if (groups.length === 0) return [];
  const byMonth = new Map(groups.map((g) => [g.month, g]));
  const [newest, oldest] = [groups[0]!.month, groups.at(-1)!.month];
  const out: MonthCount[] = [];
  let [y, m] = newest.split('-').map(Number) as [number, number];
  for (let i = 0; i < maxMonths; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const g = byMonth.get(month);
    out.push({ month, mentions: g?.mentions ?? 0, articles: g?.articles ?? 0 });
    if (month <= oldest) break;
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return out.reverse();
}

/** Entity identities whose name or a spelling starts with the query ("kim jong" → Kim Jong Un), most-read first. */
export async function searchEntities(db: BackstoryDB, query: string, limit = 10): Promise<Array<EntityRecord & { reads: number }>> {
  const q = normalizeName(query);
  if (q.length < 2) return [];
  const found = await db.entities.where('names').startsWith(q).distinct().limit(limit * 3).toArray();
  const counted = await Promise.all(found.map(async (e) => ({ ...e, reads: await mentionsOf(db, e.key).count() })));
  return counted.sort((a, b) => b.reads - a.reads || a.name.localeCompare(b.name)).slice(0, limit);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
