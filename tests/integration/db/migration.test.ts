import { Dexie } from 'dexie';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackstoryDB, HISTORY_TABLES, STORES_V1, STORES_V2, STORES_V4, TABLES } from '../../../utils/db/schema';
import { keepCopy } from '../../../utils/db/copies';
import { recordRead } from '../../../utils/history/recordRead';
import { HighlightRecordSchema } from '../../../utils/records/recordSchema';
import * as v from 'valibot';

/*
 * The migration harness: every shipped schema version has a fixture recorded when it shipped. The harness writes the
 * fixture with a database declared exactly as that version was, closes it, and opens it with today's BackstoryDB.
 * When version 2 arrives, add tests/fixtures/db/v2.json and a case below; the v1 case keeps proving v1 → latest.
 */

interface DbFixture {
  version: number;
  stores: Record<string, string>;
  rows: Record<string, Array<Record<string, unknown>>>;
}

function loadFixture(name: string): DbFixture {
  return JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/db', name), 'utf8')) as DbFixture;
}

async function writeOldDatabase(name: string, fixture: DbFixture): Promise<void> {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.rows)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

describe('database migrations', () => {
  it('version 1 as shipped is still declared unchanged (shipped versions are never edited)', () => {
    expect(STORES_V1).toEqual(loadFixture('v1.json').stores);
  });

  it('opens a version 1 database with the current schema and keeps every record and index', async () => {
    const fixture = loadFixture('v1.json');
    await writeOldDatabase('migrate-v1', fixture);
    const db = new BackstoryDB('migrate-v1');
    opened.push(db);
    await db.open();
    for (const table of TABLES) {
      const rows = await db.table(table).toArray();
      // Tables added after version 1 start empty; version 2 (issue 14) adds two fields to highlights; the rest is kept.
      const kept = fixture.rows[table] ?? [];
      const expected = table === 'highlights' ? kept.map((h) => ({ ...h, scope: 'article', structure: null })) : kept;
      expect(rows, table).toEqual(expected);
    }
    // Indexes the app queries work on migrated data.
    expect(await db.articles.where('url').equals('https://news.example/opinion/axis-of-outcasts').count()).toBe(1);
    expect(await db.articles.where('entityKeys').equals('khasan').count()).toBe(1);
    expect(await db.highlights.where('tags').equals('thesis').count()).toBe(1);
    expect(await db.linkChoices.where('[site+name]').equals(['news.example', 'khasan']).count()).toBe(1);
  });

  it('version 3 adds the reading history to a version 1 database: empty, indexed, and the v1 records untouched', async () => {
    const fixture = loadFixture('v1.json');
    await writeOldDatabase('migrate-v1-v3', fixture);
    const db = new BackstoryDB('migrate-v1-v3');
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(3);
    for (const table of HISTORY_TABLES) expect(await db.table(table).count(), table).toBe(0);
    // The v1 article is still there, and a read of it can be recorded and found through the new indexes.
    const saved = fixture.rows.articles![0]!;
    const read = await recordRead(db, {
      article: { canonicalUrl: String(saved.url), title: String(saved.title), siteName: null, lang: 'en', publishedTime: String(saved.publishedTime), text: 'Kim Jong Un met Vladimir Putin in Khasan.' },
      pageUrl: String(saved.pageUrl),
      entities: [
        { id: 'p1', type: 'person', name: 'Kim Jong Un', aliases: [], mentions: [{ start: 0, end: 11, text: 'Kim Jong Un' }] },
        { id: 'p2', type: 'person', name: 'Vladimir Putin', aliases: ['Putin'], mentions: [{ start: 16, end: 30, text: 'Vladimir Putin' }] },
      ],
    });
    expect(await db.reads.where('url').equals(String(saved.url)).count()).toBe(1);
    expect(await db.mentions.where('readId').equals(read.id).count()).toBe(2);
    expect(await db.mentions.where('[entityKey+at]').between(['person:kim jong un', Dexie.minKey], ['person:kim jong un', Dexie.maxKey]).count()).toBe(1);
    expect(await db.entities.where('names').startsWith('kim jong').count()).toBe(1);
    expect(await db.articles.get(String(saved.id))).toEqual(saved);
    // Every key is a UUID string.
    for (const table of HISTORY_TABLES) for (const row of await db.table(table).toArray()) expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('version 1 → 2: highlights are marked as made in the article text with no structure, and still pass the record schema', async () => {
    const fixture = loadFixture('v1.json');
    expect(fixture.rows.highlights!.length).toBeGreaterThan(0);
    expect(fixture.rows.highlights!.every((h) => !('scope' in h) && !('structure' in h))).toBe(true);
    await writeOldDatabase('migrate-v1-v2', fixture);
    const db = new BackstoryDB('migrate-v1-v2');
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    const rows = await db.highlights.toArray();
    expect(rows.map((h) => [h.scope, h.structure, h.anchorVersion])).toEqual(fixture.rows.highlights!.map((h) => ['article', null, h.anchorVersion]));
    for (const row of rows) expect(v.safeParse(HighlightRecordSchema, row).success).toBe(true);
    // Version 2 declares only the table it changes, with the indexes version 1 had.
    expect(Object.keys(STORES_V2)).toEqual(['highlights']);
    expect(STORES_V2.highlights).toBe(STORES_V1.highlights);
    expect(await db.highlights.where('url').equals(rows[0]!.url).count()).toBeGreaterThan(0);
  });

  it('refuses to add a second article under the same URL (the article key is unique)', async () => {
    const fixture = loadFixture('v1.json');
    await writeOldDatabase('migrate-unique', fixture);
    const db = new BackstoryDB('migrate-unique');
    opened.push(db);
    const copy = { ...fixture.rows.articles![0]!, id: crypto.randomUUID() };
    await expect(db.table('articles').add(copy)).rejects.toThrow(/constraint/i);
  });

  it('version 4 adds the copies table to a version 1 database, which then keeps a copy of a migrated article', async () => {
    const fixture = loadFixture('v1.json');
    await writeOldDatabase('migrate-v4', fixture);
    const db = new BackstoryDB('migrate-v4');
    opened.push(db);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(Object.keys(STORES_V4)).toEqual(['copies']);
    expect(await db.copies.count()).toBe(0);
    const article = fixture.rows.articles![0]! as { id: string; url: string };
    const text = 'The recent meeting in Khasan came across as a desperate gambit.\n\nA second paragraph.';
    const kept = await keepCopy(db, article.url, {
      title: 'Axis of outcasts', byline: null, siteName: null, lang: 'en', dir: 'ltr', publishedTime: null, modifiedTime: null,
      excerpt: null, leadImage: null, html: '<p>The recent meeting in Khasan came across as a desperate gambit.</p><p>A second paragraph.</p>', text,
    });
    expect(kept.kept).toBe(true);
    // The indexes the reader view and the budget use work on the migrated database.
    expect(await db.copies.where('articleId').equals(article.id).count()).toBe(1);
    expect(await db.copies.where('url').equals(article.url).count()).toBe(1);
    expect(((await db.copies.orderBy('bytes').keys()) as number[])[0]).toBe(kept.kept ? kept.copy.bytes : -1);
  });
});
