import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { otherReadsCount } from '../../../utils/history/entityPage';
import { linkRead, recordRead } from '../../../utils/history/recordRead';
import { exportBackup, serializeBackup } from '../../../utils/library/exportBackup';
import { parseLibraryFile } from '../../../utils/library/importLibraryFile';
import { applyImport, previewImport } from '../../../utils/library/mergeImport';

/* The JSON backup carries the reading history and round-trips it (issue 16); a hostile history is refused whole. */

const noYield = { yieldFn: async () => {} };
const opened: BackstoryDB[] = [];
async function fresh(): Promise<BackstoryDB> {
  const db = new BackstoryDB(`history-backup-${crypto.randomUUID()}`);
  opened.push(db);
  await db.open();
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const NOW = 1_710_000_000_000;
async function readKim(db: BackstoryDB, url: string, spelling: string, day: string, now = NOW) {
  const text = `${spelling} met officials in Pyongyang. Later, ${spelling} spoke.`;
  const at = text.indexOf(spelling);
  const later = text.lastIndexOf(spelling);
  return recordRead(
    db,
    {
      article: { canonicalUrl: url, title: `About ${spelling}`, siteName: 'News', lang: 'en', publishedTime: `${day}T08:00:00Z`, text },
      pageUrl: url,
      entities: [
        { id: 'k', type: 'person', name: spelling, aliases: [], mentions: [{ start: at, end: at + spelling.length, text: spelling }, { start: later, end: later + spelling.length, text: spelling }] },
        { id: 'p', type: 'place', name: 'Pyongyang', aliases: [], mentions: [{ start: text.indexOf('Pyongyang'), end: text.indexOf('Pyongyang') + 9, text: 'Pyongyang' }] },
      ],
    },
    now,
  );
}

async function tables(db: BackstoryDB) {
  const sort = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => a.id.localeCompare(b.id));
  return { reads: sort(await db.reads.toArray()), entities: sort(await db.entities.toArray()), mentions: sort(await db.mentions.toArray()) };
}

describe('the reading history in the JSON backup', () => {
  it('round-trips: export, import into an empty library, the same records; again, nothing changes', async () => {
    const source = await fresh();
    await readKim(source, 'https://a.example/1', 'Kim Jong Un', '2024-01-02');
    await readKim(source, 'https://b.example/2', 'Kim Jong-eun', '2024-02-03');
    await linkRead(source, 'https://b.example/2', [{ type: 'person', name: 'Kim Jong-eun', qid: 'Q56226', title: 'Kim Jong Un' }]);
    await linkRead(source, 'https://a.example/1', [{ type: 'person', name: 'Kim Jong Un', qid: 'Q56226', title: 'Kim Jong Un' }]);
    const text = serializeBackup(await exportBackup(source));
    expect(JSON.parse(text).reads).toHaveLength(2);

    const target = await fresh();
    const parsed = await parseLibraryFile(text, noYield);
    expect((await previewImport(target, parsed.data)).reads).toEqual({ added: 2, updated: 0, skipped: 0 });
    await applyImport(target, parsed.data);
    expect(await tables(target)).toEqual(await tables(source));
    expect(await otherReadsCount(target, 'Q56226', 'https://x.example/')).toBe(2);
    expect((await applyImport(target, (await parseLibraryFile(text, noYield)).data)).reads).toEqual({ added: 0, updated: 0, skipped: 2 });
    expect(await tables(target)).toEqual(await tables(source));
  });

  it('merges an article read on two machines into one read, and a name one side linked into that id', async () => {
    const laptop = await fresh();
    await readKim(laptop, 'https://a.example/1', 'Kim Jong Un', '2024-01-02', NOW + 1000);
    const backup = serializeBackup(await exportBackup(laptop));
    const desktop = await fresh();
    await readKim(desktop, 'https://a.example/1', 'Kim Jong Un', '2024-01-02', NOW);
    await readKim(desktop, 'https://c.example/3', 'Kim Jong Un', '2024-03-01', NOW);
    await linkRead(desktop, 'https://c.example/3', [{ type: 'person', name: 'Kim Jong Un', qid: 'Q56226', title: 'Kim Jong Un' }], NOW);
    const report = await applyImport(desktop, (await parseLibraryFile(backup, noYield)).data);
    expect(report.reads).toEqual({ added: 0, updated: 1, skipped: 0 });
    expect(await desktop.reads.count()).toBe(2);
    // One row per article and identity: the laptop's copy replaced the desktop's, under the desktop's linked id.
    const rows = await desktop.mentions.toArray();
    expect(rows.filter((m) => m.type === 'person').map((m) => m.entityKey)).toEqual(['Q56226', 'Q56226']);
    expect(await otherReadsCount(desktop, 'Q56226', 'https://x.example/')).toBe(2);
    expect(await desktop.entities.where('key').equals('person:kim jong un').count()).toBe(0);
  });

  it('refuses a history record that breaks the record schema, or a mention of no article, and writes nothing', async () => {
    const source = await fresh();
    await readKim(source, 'https://a.example/1', 'Kim Jong Un', '2024-01-02');
    const good = JSON.parse(serializeBackup(await exportBackup(source)));
    const bad1 = structuredClone(good);
    bad1.mentions[0].entityKey = '<img src=x onerror=alert(1)>';
    await expect(parseLibraryFile(JSON.stringify(bad1), noYield)).rejects.toThrow(/^mentions\[0\]\.entityKey: must be a Wikidata id or "type:name"/);
    const bad2 = structuredClone(good);
    bad2.reads[0].url = 'javascript:alert(1)';
    await expect(parseLibraryFile(JSON.stringify(bad2), noYield)).rejects.toThrow(/^reads\[0\]\.url: /);
    const orphan = structuredClone(good);
    orphan.reads = [];
    const target = await fresh();
    await expect(parseLibraryFile(JSON.stringify(orphan), noYield).then((p) => applyImport(target, p.data))).rejects.toThrow(/^mentions\[0\]\.readId: no read article/);
    expect([await target.reads.count(), await target.mentions.count(), await target.entities.count()]).toEqual([0, 0, 0]);
    // A backup from before the history existed still imports.
    const old = structuredClone(good);
    delete old.reads;
    delete old.entities;
    delete old.mentions;
    expect((await applyImport(target, (await parseLibraryFile(JSON.stringify(old), noYield)).data)).reads).toBeUndefined();
  });
});
