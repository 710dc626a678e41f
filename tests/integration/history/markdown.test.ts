import { Dexie } from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { exportEntityNotes } from '../../../utils/history/entityMarkdown';
import { linkRead, recordRead } from '../../../utils/history/recordRead';
import { exportBackup } from '../../../utils/library/exportBackup';

/* The Markdown export's entity notes (issue 16): one per identity, its timeline linking to the article notes. */

let db: BackstoryDB;
beforeEach(() => {
  db = new BackstoryDB(`history-md-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

it('writes one note per identity, newest first by month, [[links]] to saved articles and plain links to the rest', async () => {
  const now = 1_710_000_000_000;
  const add = (url: string, title: string, name: string, day: string, text: string) =>
    recordRead(db, {
      article: { canonicalUrl: url, title, siteName: 'News', lang: 'en', publishedTime: `${day}T00:00:00Z`, text },
      pageUrl: url,
      entities: [{ id: 'k', type: 'person', name, aliases: [], mentions: [{ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name }] }],
    }, now);
  await add('https://a.example/1', 'Kim at the border [exclusive]', 'Kim Jong Un', '2023-10-02', 'Kim Jong Un crossed into Russia.');
  await add('https://b.example/2', 'Geneva talks', 'Kim Jong-eun', '2024-01-20', 'Envoys waited. Kim Jong-eun sent nobody.');
  await linkRead(db, 'https://a.example/1', [{ type: 'person', name: 'Kim Jong Un', qid: 'Q56226', title: 'Kim Jong Un' }], now);
  await linkRead(db, 'https://b.example/2', [{ type: 'person', name: 'Kim Jong-eun', qid: 'Q56226', title: 'Kim Jong Un' }], now);
  const files = exportEntityNotes(await exportBackup(db), new Map([['https://a.example/1', '2023-10-02 Kim at the border - exclusive.md']]));
  expect(files.map((f) => f.name)).toEqual(['People/Kim Jong Un.md']);
  const md = files[0]!.content;
  expect(md).toContain('wikidata: Q56226');
  expect(md.indexOf('## January 2024')).toBeLessThan(md.indexOf('## October 2023'));
  expect(md).toContain('[[2023-10-02 Kim at the border - exclusive|Kim at the border \\[exclusive\\]]]');
  expect(md).toContain('[Geneva talks](<https://b.example/2>)');
  expect(md).toContain('  > Kim Jong-eun sent nobody.');
});

it('the library entity filter follows identity: one spelling picked, every linked spelling matched', async () => {
  const { sameIdentityKeys } = await import('../../../utils/history/filterIdentity');
  const now = 1_710_000_000_000;
  const add = (url: string, name: string) =>
    recordRead(db, {
      article: { canonicalUrl: url, title: 't', siteName: null, lang: 'en', publishedTime: null, text: `${name} spoke.` },
      pageUrl: url,
      entities: [{ id: 'k', type: 'person', name, aliases: [], mentions: [{ start: 0, end: name.length, text: name }] }],
    }, now);
  await add('https://a.example/1', 'Kim Jong-un');
  await add('https://b.example/2', 'Kim Jong-eun');
  await add('https://c.example/3', 'Kim Yo Jong');
  // Before any link: "Kim Jong-un" is only itself.
  expect(await sameIdentityKeys(db, [{ key: 'kim jong-un', name: 'Kim Jong-un', type: 'person' }])).toEqual(['kim jong-un']);
  await linkRead(db, 'https://a.example/1', [{ type: 'person', name: 'Kim Jong-un', qid: 'Q56226', title: 'Kim Jong Un' }], now);
  await linkRead(db, 'https://b.example/2', [{ type: 'person', name: 'Kim Jong-eun', qid: 'Q56226', title: 'Kim Jong Un' }], now);
  expect((await sameIdentityKeys(db, [{ key: 'kim jong-un', name: 'Kim Jong-un', type: 'person' }])).sort()).toEqual(['kim jong-eun', 'kim jong-un']);
  expect(await sameIdentityKeys(db, [{ key: 'nobody', name: 'Nobody', type: 'person' }])).toEqual(['nobody']);
});
