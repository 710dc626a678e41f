import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { textToArticle } from '../../../utils/analysis/textToArticle';
import { BackstoryDB, type HighlightRecord } from '../../../utils/db/schema';
import { findEntities } from '../../../utils/entities/findEntities';
import { groupByMonth, loadEntityPage, mentionsPerMonth, otherReadsCount, searchEntities } from '../../../utils/history/entityPage';
import { identityKey, normalizeName } from '../../../utils/history/identity';
import { clearHistory, linkRead, recordRead } from '../../../utils/history/recordRead';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/*
 * The reading history (issue 16) on real text: the seed article's own analysis, and two short articles that name
 * Kim Jong Un under other spellings. What is stored, how identities merge when a link resolves, and what the entity
 * page reads back.
 */

const SEED = SEED_TEXT;
const SEED_URL = 'https://news.example/opinion/axis-of-outcasts';
const SECOND = [
  'Kim Jong Un inspects new missile launch',
  'Pyongyang — North Korean leader Kim Jong Un watched a test launch on Tuesday, state media said.',
  'Analysts in Seoul said the launch was timed for the talks in Washington. Kim Jong Un was joined by his sister Kim Yo Jong.',
  'The launch site lies on the west coast, where earlier tests were also held.',
].join('\n\n');
const THIRD = [
  'Sanctions talks stall',
  'Diplomats met in Geneva. The United Nations said talks with North Korea had stalled.',
  'Kim Jong-eun, as some agencies spell his name, did not send an envoy to Geneva.',
].join('\n\n');

function read(db: BackstoryDB, text: string, url: string, publishedTime: string, now: number) {
  const article = { ...textToArticle(text, url), publishedTime, siteName: 'Example News' };
  return recordRead(db, { article, pageUrl: url, entities: findEntities({ text: article.text, title: article.title }) }, now);
}

let db: BackstoryDB;
beforeEach(async () => {
  db = new BackstoryDB(`history-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('identity', () => {
  it('reads spellings that differ only in case, hyphens, accents or a possessive as one name', () => {
    expect(normalizeName('Kim Jong-un')).toBe('kim jong un');
    expect(normalizeName('KIM JONG UN’s')).toBe('kim jong un');
    expect(normalizeName('Zürich')).toBe('zurich');
    expect(identityKey({ type: 'person', name: 'Kim Jong-un', qid: null })).toBe('person:kim jong un');
    expect(identityKey({ type: 'person', name: 'Kim Jong-eun', qid: 'Q56226' })).toBe('Q56226');
    // A malformed id is not an identity.
    expect(identityKey({ type: 'place', name: 'Khasan', qid: 'javascript:1' })).toBe('place:khasan');
  });
});

describe('recording what was read', () => {
  it('keeps title, site, date, each person/place/organisation with its count and first sentence', async () => {
    const r = await read(db, SEED, SEED_URL, '2023-10-02T05:30:00Z', 1_710_000_000_000);
    expect(r).toMatchObject({ url: SEED_URL, site: 'news.example', at: Date.parse('2023-10-02T05:30:00Z') });
    const rows = await db.mentions.where('readId').equals(r.id).toArray();
    const kim = rows.find((m) => m.entityKey === 'person:kim jong un');
    expect(kim, JSON.stringify(rows.map((m) => m.entityKey))).toBeDefined();
    const seedKimMentions = SEED.split('Kim').length - 1;
    expect(kim!.count).toBeGreaterThan(1);
    expect(kim!.count).toBeLessThanOrEqual(seedKimMentions);
    // textToArticle keeps the headline as the text's first line: that is where Kim is first named.
    expect(kim!.sentence).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    expect(rows.every((m) => m.type !== ('other' as string))).toBe(true);
    // Reading it again replaces its mentions rather than adding a second copy.
    await read(db, SEED, SEED_URL, '2023-10-02T05:30:00Z', 1_710_000_500_000);
    expect(await db.reads.count()).toBe(1);
    expect(await db.mentions.where('readId').equals(r.id).count()).toBe(rows.length);
    expect((await db.reads.get(r.id))!.readAt).toBe(1_710_000_000_000);
  });

  it('merges the bare-name identity into the Wikidata id when a later article links the name', async () => {
    await read(db, SEED, SEED_URL, '2023-10-02T05:30:00Z', 1_710_000_000_000);
    await read(db, SECOND, 'https://wire.example/kim-missile', '2023-11-14T09:00:00Z', 1_710_000_100_000);
    await read(db, THIRD, 'https://daily.example/sanctions', '2024-01-20T12:00:00Z', 1_710_000_200_000);
    // Unlinked, the hyphen does not matter but another romanisation does.
    expect(await otherReadsCount(db, 'person:kim jong un', SEED_URL)).toBe(1);
    expect(await otherReadsCount(db, 'person:kim jong eun', SEED_URL)).toBe(1);

    // The look-ups of the second and third articles link their spellings to one item.
    await linkRead(db, 'https://wire.example/kim-missile', [{ type: 'person', name: 'Kim Jong Un', qid: 'Q56226', title: 'Kim Jong Un' }]);
    await linkRead(db, 'https://daily.example/sanctions', [{ type: 'person', name: 'Kim Jong-eun', qid: 'Q56226', title: 'Kim Jong Un' }]);
    expect(await otherReadsCount(db, 'Q56226', SEED_URL)).toBe(2);
    // The old name keys now lead to the merged identity.
    expect(await otherReadsCount(db, 'person:kim jong eun', 'https://wire.example/kim-missile')).toBe(2);
    expect(await db.entities.where('key').equals('person:kim jong eun').count()).toBe(0);

    const page = await loadEntityPage(db, 'person:kim jong un');
    expect(page!.entity).toMatchObject({ key: 'Q56226', qid: 'Q56226', name: 'Kim Jong Un' });
    expect(page!.items.map((i) => i.read.url)).toEqual(['https://daily.example/sanctions', 'https://wire.example/kim-missile', SEED_URL]);
    expect(page!.items[0]!.mention.sentence).toBe('Kim Jong-eun, as some agencies spell his name, did not send an envoy to Geneva.');
    expect(page!.items[1]!.mention.count).toBe(3);
    expect(page!.mentions).toBe(page!.items.reduce((n, i) => n + i.mention.count, 0));
    // A later unlinked read of the bare name joins the item too.
    await read(db, 'Kim Jong-un again\n\nKim Jong-un spoke in Wonsan.', 'https://wire.example/wonsan', '2024-02-01T00:00:00Z', 1_710_000_300_000);
    expect(await otherReadsCount(db, 'Q56226', 'https://wire.example/wonsan')).toBe(3);

    const groups = groupByMonth(page!.items);
    expect(groups.map((g) => g.label)).toEqual(['January 2024', 'November 2023', 'October 2023']);
    expect(page!.months.map((m) => m.month)).toEqual(['2024-01', '2023-11', '2023-10']);
    expect(page!.articles).toBe(3);
    const bars = mentionsPerMonth(page!.months);
    expect(bars.map((b) => b.month)).toEqual(['2023-10', '2023-11', '2023-12', '2024-01']);
    expect(bars[2]).toEqual({ month: '2023-12', mentions: 0, articles: 0 });
    expect(bars[3]).toEqual({ month: '2024-01', mentions: page!.items[0]!.mention.count, articles: 1 });
    // The first page of a long timeline: the newest articles only, the totals still whole.
    const [first, whole] = [await loadEntityPage(db, 'Q56226', 2), await loadEntityPage(db, 'Q56226')];
    expect(first!.items.map((i) => i.read.url)).toEqual(whole!.items.slice(0, 2).map((i) => i.read.url));
    expect([first!.articles, first!.mentions]).toEqual([whole!.articles, whole!.mentions]);
    expect(whole!.articles).toBe(4);

    // "Also in these articles": most shared first, each count what the mention rows say, Kim himself not listed.
    const readIds = new Set(page!.items.map((i) => i.read.id));
    const all = await db.mentions.toArray();
    expect(page!.alsoIn.length).toBeGreaterThan(3);
    for (const co of page!.alsoIn) expect(co.together, co.name).toBe(all.filter((m) => m.entityKey === co.key && readIds.has(m.readId)).length);
    expect(page!.alsoIn.map((e) => e.together)).toEqual(page!.alsoIn.map((e) => e.together).sort((a, b) => b - a));
    expect(page!.alsoIn.some((e) => e.key === 'Q56226')).toBe(false);
    expect(page!.alsoIn[0]!.together).toBeGreaterThanOrEqual(2);

    expect((await searchEntities(db, 'kim jong')).map((e) => e.key)[0]).toBe('Q56226');
    expect((await searchEntities(db, 'KIM JONG-EUN')).map((e) => e.key)).toEqual(['Q56226']);
    expect(await searchEntities(db, 'k')).toEqual([]);
  });

  it('shows the highlights that name the entity or sit in a paragraph naming it, not the others', async () => {
    const r = await read(db, SECOND, 'https://wire.example/kim-missile', '2023-11-14T09:00:00Z', 1_710_000_000_000);
    const text = textToArticle(SECOND, r.url).text;
    const at = (exact: string, note = ''): HighlightRecord => {
      const start = text.indexOf(exact);
      return {
        id: crypto.randomUUID(),
        articleId: crypto.randomUUID(),
        url: r.url,
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start, end: start + exact.length },
        color: 'yellow',
        note,
        tags: [],
        anchorVersion: 1,
        scope: 'article',
        structure: null,
        createdAt: 1,
        updatedAt: 1,
      };
    };
    const samePara = at('timed for the talks in Washington');
    const title = at('inspects new missile launch');
    const elsewhere = at('where earlier tests were also held');
    const byNote = at('earlier tests', 'Kim Jong-un was not there, state media said');
    await db.highlights.bulkAdd([samePara, title, elsewhere, byNote]);
    const page = await loadEntityPage(db, 'person:kim jong un');
    // In reading order: the headline (which names him), the paragraph naming him, and a note that names him.
    expect(page!.items[0]!.highlights.map((h) => h.id)).toEqual([title.id, samePara.id, byNote.id]);
  });

  it('clears the whole history and nothing else', async () => {
    await read(db, SEED, SEED_URL, '2023-10-02T05:30:00Z', 1_710_000_000_000);
    await db.notes.add({ id: crypto.randomUUID(), articleId: crypto.randomUUID(), url: SEED_URL, body: 'kept', createdAt: 1, updatedAt: 1 });
    await clearHistory(db);
    expect([await db.reads.count(), await db.entities.count(), await db.mentions.count()]).toEqual([0, 0, 0]);
    expect(await db.notes.count()).toBe(1);
    expect(await loadEntityPage(db, 'person:kim jong un')).toBeNull();
  });
});
