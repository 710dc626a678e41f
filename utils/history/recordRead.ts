import { Dexie } from 'dexie';
import { siteOf } from '../article/siteOf';
import type { Article } from '../article/types';
import { PARAGRAPH_SEPARATOR } from '../article/articleText';
import type { Entity, EntityType } from '../entities/types';
import { mentionSnippet } from '../entities/snippets';
import { type BackstoryDB, type EntityRecord, HISTORY_TABLES, type MentionRecord, newId, type ReadRecord } from '../db/schema';
import { MAX_CLOCK_SKEW_MS } from '../records/recordSchema';
import { identityKey, isLinkedKey, unlinkedKey, normalizeName } from './identity';

/** Entity types the history follows (the analysis's "other" is not a person, place or organisation). */
const FOLLOWED: ReadonlySet<EntityType> = new Set(['person', 'place', 'organization']);
/** Paragraph ranges kept per mention (enough for any article; bounds a hostile one). */
const MAX_PARAGRAPHS = 200;
/** Longest first-mention sentence kept. */
const SENTENCE_CHARS = 300;

/** The time an article sorts by in a timeline: its own date when it has a believable one, else when it was read. */
export function articleTime(publishedTime: string | null, readAt: number): number {
  const t = publishedTime ? Date.parse(publishedTime) : Number.NaN;
  return Number.isFinite(t) && t >= 0 && t <= readAt + MAX_CLOCK_SKEW_MS ? t : readAt;
}

/** [start, end) of the paragraphs of `text` (separated by PARAGRAPH_SEPARATOR) that hold one of the offsets. */
export function paragraphsHolding(text: string, offsets: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let last = -1;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    if (offset < last) continue;
    const before = text.lastIndexOf(PARAGRAPH_SEPARATOR, offset);
    const start = before === -1 ? 0 : before + PARAGRAPH_SEPARATOR.length;
    const after = text.indexOf(PARAGRAPH_SEPARATOR, offset);
    const end = after === -1 ? text.length : after;
    out.push([start, end]);
    last = end;
    if (out.length >= MAX_PARAGRAPHS) break;
  }
  return out;
}

/** The entities of an analysis the history keeps: real people, places and organisations with a mention. */
function followed(entities: readonly Entity[]): Entity[] {
  return entities.filter((e) => FOLLOWED.has(e.type) && !e.fictional && e.mentions.length > 0);
}

/** The key a name resolves to now: its own name key, or the linked identity that absorbed it. */
async function resolveKeys(db: BackstoryDB, keys: string[]): Promise<Map<string, string>> {
  const resolved = new Map(keys.map((k) => [k, k]));
  for (const e of await db.entities.where('aliasKeys').anyOf(keys).toArray()) {
    for (const alias of e.aliasKeys) if (resolved.has(alias)) resolved.set(alias, e.key);
  }
  return resolved;
}

/** Adds spellings and merged name keys to an identity, creating it when new. */
async function touchEntity(
  db: BackstoryDB,
  key: string,
  init: { qid: string | null; name: string; type: EntityType },
  spellings: string[],
  aliasKeys: string[],
  now: number,
  /** Take `init.name` as the display name (a linked title names the identity better than any one spelling). */
  rename: boolean,
): Promise<void> {
  const existing = await db.entities.where('key').equals(key).first();
  const names = [...new Set([...(existing?.names ?? []), ...spellings.map(normalizeName).filter(Boolean)])].slice(0, 200);
  const aliases = [...new Set([...(existing?.aliasKeys ?? []), ...aliasKeys])].filter((k) => k !== key).slice(0, 200);
  if (existing && names.length === existing.names.length && aliases.length === existing.aliasKeys.length && !(rename && existing.name !== init.name)) return;
  const record: EntityRecord = existing
    ? { ...existing, names, aliasKeys: aliases, name: rename ? init.name : existing.name, updatedAt: now }
    : { id: newId(), key, qid: init.qid, name: init.name, type: init.type, names, aliasKeys: aliases, updatedAt: now };
  await db.entities.put(record);
}

/** What the history needs of an analysed article. */
export interface ReadInput {
  article: Pick<Article, 'canonicalUrl' | 'title' | 'siteName' | 'lang' | 'publishedTime' | 'text'>;
  /** The page the reader was on. */
  pageUrl: string;
  entities: readonly Entity[];
}

/**
 * Remembers that the reader read an article, with each person, place and organisation in it: how often it is
 * named, the sentence that names it first and the paragraphs that name it. A re-read (or re-analysis) replaces the
 * article's mentions and keeps the identities links gave them. One transaction: a read is recorded whole or not.
 */
export async function recordRead(db: BackstoryDB, input: ReadInput, now = Date.now()): Promise<ReadRecord> {
  const { article } = input;
  return db.transaction('rw', [db.reads, db.entities, db.mentions], async () => {
    const existing = await db.reads.where('url').equals(article.canonicalUrl).first();
    const readAt = existing?.readAt ?? now;
    const read: ReadRecord = {
      id: existing?.id ?? newId(),
      url: article.canonicalUrl,
      pageUrl: input.pageUrl,
      title: article.title,
      siteName: article.siteName,
      site: siteOf(article.canonicalUrl),
      lang: article.lang,
      publishedTime: article.publishedTime,
      at: articleTime(article.publishedTime, readAt),
      readAt,
      entityKeys: [],
      updatedAt: now,
    };

    const entities = followed(input.entities);
    const previous = existing ? await db.mentions.where('readId').equals(read.id).toArray() : [];
    // A link made on an earlier visit stays: the same spelling maps to the identity it was linked to.
    const linkedBefore = new Map(previous.map((m) => [unlinkedKey(m.type, m.name), m.entityKey]));
    const ownKeys = entities.map((e) => unlinkedKey(e.type, e.name));
    const resolved = await resolveKeys(db, ownKeys);
    const rows = new Map<string, MentionRecord>();
    for (const [i, e] of entities.entries()) {
      const own = ownKeys[i]!;
      const key = linkedBefore.get(own) ?? resolved.get(own) ?? own;
      const first = e.mentions[0]!;
      const snippet = mentionSnippet(article.text, first, SENTENCE_CHARS);
      const row = rows.get(key);
      if (row) {
        row.count += e.mentions.length; // two spellings the analysis kept apart, one identity
        continue;
      }
      rows.set(key, {
        id: newId(),
        readId: read.id,
        entityKey: key,
        at: read.at,
        name: e.name,
        type: e.type,
        count: e.mentions.length,
        sentence: `${snippet.before}${snippet.match}${snippet.after}`,
        paragraphs: paragraphsHolding(article.text, e.mentions.map((m) => m.start)),
        updatedAt: now,
      });
      await touchEntity(db, key, { qid: isLinkedKey(key) ? key : null, name: e.name, type: e.type }, [e.name, ...e.aliases], [], now, false);
    }
    read.entityKeys = [...rows.keys()];
    await db.reads.put(read);
    await db.mentions.bulkDelete(previous.map((m) => m.id));
    await db.mentions.bulkAdd([...rows.values()]);
    return read;
  });
}

/** A name of an article linked to a Wikidata item (from a knowledge look-up). */
export interface ResolvedLink {
  type: EntityType;
  /** The name as the article's analysis has it. */
  name: string;
  qid: string;
  /** The linked article's title, the identity's display name ("Kim Jong Un"). */
  title: string;
}

/**
 * Gives the names of a read article their Wikidata identity, and merges what the history kept under the bare name
 * (earlier articles read while look-ups were off or failing) into it: every mention of "person:kim jong un" becomes
 * one of Q56226. The name key stays as an alias, so later unlinked reads of that name join it too.
 */
export async function linkRead(db: BackstoryDB, url: string, links: readonly ResolvedLink[], now = Date.now()): Promise<number> {
  const valid = links.filter((l) => FOLLOWED.has(l.type) && /^Q\d{1,12}$/.test(l.qid));
  if (valid.length === 0) return 0;
  return db.transaction('rw', [db.reads, db.entities, db.mentions], async () => {
    const read = await db.reads.where('url').equals(url).first();
    if (!read) return 0;
    let merged = 0;
    for (const link of valid) {
      const from = unlinkedKey(link.type, link.name);
      const to = identityKey(link);
      const name = link.title.replace(/\s*\([^)]*\)$/, '') || link.name;
      const moved = await db.mentions.where('[entityKey+at]').between([from, Dexie.minKey], [from, Dexie.maxKey]).toArray();
      const old = await db.entities.where('key').equals(from).first();
      await touchEntity(db, to, { qid: link.qid, name, type: link.type }, [link.name, name, ...(old?.names ?? [])], [from, ...(old?.aliasKeys ?? [])], now, true);
      if (old) await db.entities.delete(old.id);
      // An article that names it under two spellings now has two rows of one identity: fold them into one.
      const existingTo = new Map(
        (await db.mentions.where('readId').anyOf([...new Set(moved.map((m) => m.readId))]).toArray()).filter((m) => m.entityKey === to).map((m) => [m.readId, m]),
      );
      for (const m of moved) {
        const into = existingTo.get(m.readId);
        if (into) {
          await db.mentions.put({ ...into, count: into.count + m.count, paragraphs: [...into.paragraphs, ...m.paragraphs].slice(0, MAX_PARAGRAPHS), updatedAt: now });
          await db.mentions.delete(m.id);
        } else await db.mentions.put({ ...m, entityKey: to, updatedAt: now });
        merged++;
      }
      const touched = await db.reads.bulkGet([...new Set(moved.map((m) => m.readId))]);
      await db.reads.bulkPut(touched.flatMap((r) => (r ? [{ ...r, entityKeys: [...new Set(r.entityKeys.map((k) => (k === from ? to : k)))], updatedAt: now }] : [])));
    }
    return merged;
  });
}

/** Forgets the whole reading history (the reader turned it off, or asked). Saved articles, highlights and notes stay. */
export async function clearHistory(db: BackstoryDB): Promise<void> {
  await db.transaction('rw', HISTORY_TABLES.map((t) => db[t]), async () => {
    for (const t of HISTORY_TABLES) await db[t].clear();
  });
}
