import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { type BackstoryDB as DB, BackstoryDB, type EntityRecord, type HighlightRecord, type MentionRecord, type ReadRecord } from '../../utils/db/schema';
import { loadEntityPage, mentionsOf, otherReadsCount } from '../../utils/history/entityPage';
import { drawIndex, seededRandom } from '../lib/seededRandom';
import { percentile, timed } from './support/measure';

/*
 * Issue 16's scale figures: a reading history of 10,000 articles and 200,000 entity mentions, the entity page and the
 * panel's "You have read N other articles" count, each beside a full scan of the same tables (the baseline), both
 * measured in this run. fake-indexeddb in Node: real IndexedDB in the browser is faster at range reads.
 */

const READS = Number(process.env.HISTORY_BENCH_READS ?? 10_000);
const MENTIONS_PER_READ = Number(process.env.HISTORY_BENCH_MENTIONS_PER_READ ?? 20);
const IDENTITIES = 20_000;
const HIGHLIGHTS = 5_000;
const DAY = 86_400_000;

const ms = (t: number) => `${t.toFixed(t < 10 ? 2 : 0)} ms`;

/** A history where identity popularity follows Zipf's law (a few people in thousands of articles, most in one or two). */
async function seed(db: DB): Promise<{ keys: string[]; reads: ReadRecord[] }> {
  const rnd = seededRandom(16);
  const keys = Array.from({ length: IDENTITIES }, (_, i) => (i % 3 === 0 ? `person:someone ${i}` : `Q${1000 + i}`));
  const weights = keys.map((_, i) => 1 / (i + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  const pick = (): number => drawIndex(cumulative, rnd() * total);
  const start = Date.UTC(2022, 0, 1);
  const reads: ReadRecord[] = [];
  const mentions: MentionRecord[] = [];
  for (let r = 0; r < READS; r++) {
    const at = start + Math.floor(rnd() * 1000) * DAY;
    const read: ReadRecord = { id: crypto.randomUUID(), url: `https://news${r % 40}.example/story/${r}`, pageUrl: `https://news${r % 40}.example/story/${r}`, title: `Story ${r}`, siteName: null, site: `news${r % 40}.example`, lang: 'en', publishedTime: new Date(at).toISOString(), at, readAt: at, entityKeys: [], updatedAt: at };
    reads.push(read);
    const chosen = new Set<number>();
    while (chosen.size < MENTIONS_PER_READ) chosen.add(pick());
    read.entityKeys = [...chosen].map((i) => keys[i]!);
    for (const i of chosen) {
      mentions.push({ id: crypto.randomUUID(), readId: read.id, entityKey: keys[i]!, at, name: `Name ${i}`, type: 'person', count: 1 + Math.floor(rnd() * 8), sentence: `A sentence that names Name ${i} first, as a news story would.`, paragraphs: [[100, 400]], updatedAt: at });
    }
  }
  const entities: EntityRecord[] = keys.map((key, i) => ({ id: crypto.randomUUID(), key, qid: key.startsWith('Q') ? key : null, name: `Name ${i}`, type: 'person', names: [`name ${i}`], aliasKeys: [], updatedAt: start }));
  const highlights: HighlightRecord[] = Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const read = reads[Math.floor(rnd() * reads.length)]!;
    return { id: crypto.randomUUID(), articleId: crypto.randomUUID(), url: read.url, quote: { type: 'TextQuoteSelector', exact: `quoted passage ${i}`, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 150, end: 180 }, color: 'yellow', note: '', tags: [], anchorVersion: 1, scope: 'article', structure: null, createdAt: read.at, updatedAt: read.at };
  });
  await db.transaction('rw', [db.reads, db.entities, db.mentions, db.highlights], async () => {
    await db.reads.bulkAdd(reads);
    await db.entities.bulkAdd(entities);
    await db.mentions.bulkAdd(mentions);
    await db.highlights.bulkAdd(highlights);
  });
  return { keys, reads };
}

/** The baseline: the entity page's articles found by reading every mention and every read (no index). */
async function pageByScan(db: DB, key: string): Promise<number> {
  const rows = (await db.mentions.toArray()).filter((m) => m.entityKey === key).sort((a, b) => b.at - a.at);
  const reads = new Map((await db.reads.toArray()).map((r) => [r.id, r]));
  const urls = new Set(rows.map((m) => reads.get(m.readId)!.url));
  const highlights = (await db.highlights.toArray()).filter((h) => urls.has(h.url));
  return rows.length + highlights.length;
}

/** Runs the history section of `npm run bench`. */
export async function run(): Promise<void> {
  console.log('## history (issue 16: follow a person or place across everything read)');
  const db = new BackstoryDB(`bench-history-${Date.now()}`);
  await db.open();
  const [{ keys, reads }, { wall: seedTime }] = await timed(() => seed(db));
  const mentionCount = await db.mentions.count();
  console.log(`history: ${READS} articles read, ${mentionCount} mention rows, ${IDENTITIES} identities (Zipf), ${HIGHLIGHTS} highlights; written in ${ms(seedTime)}; fake-indexeddb in Node`);

  // Entities across the popularity range: the most-read, and ranks 10, 100, 1,000, 10,000.
  const sample = [0, 1, 9, 99, 999, 9999].map((i) => keys[i]!);
  const pageTimes: number[] = [];
  const lines: string[] = [];
  for (const key of sample) {
    await loadEntityPage(db, key); // warm once (the page opens after the library has)
    const runs: number[] = [];
    let articles = 0;
    for (let i = 0; i < 5; i++) {
      const [page, { wall: t }] = await timed(() => loadEntityPage(db, key));
      runs.push(t);
      articles = page?.items.length ?? 0;
    }
    pageTimes.push(...runs);
    lines.push(`  ${key.padEnd(18)} ${String(articles).padStart(5)} articles: median ${ms(percentile(runs, 50))}, max ${ms(Math.max(...runs))}`);
  }
  console.log('entity page (timeline + highlights + "Also in these articles"), 5 runs each after one warm-up:');
  for (const l of lines) console.log(l);
  console.log(`  all: p50 ${ms(percentile(pageTimes, 50))}, p95 ${ms(percentile(pageTimes, 95))}, max ${ms(Math.max(...pageTimes))}  (target ≤ 100 ms)`);

  const scanTimes: number[] = [];
  for (const key of sample.slice(0, 3)) {
    const [, { wall: t }] = await timed(() => pageByScan(db, key));
    scanTimes.push(t);
  }
  console.log(`  baseline, full scan of mentions + reads + highlights (3 entities): median ${ms(percentile(scanTimes, 50))}, max ${ms(Math.max(...scanTimes))}`);

  const countTimes: number[] = [];
  let checked = 0;
  for (let i = 0; i < 60; i++) {
    const key = keys[[0, 1, 9, 99, 999, 9999][i % 6]!]!;
    const url = reads[(i * 131) % reads.length]!.url;
    const [n, { wall: t }] = await timed(() => otherReadsCount(db, key, url));
    countTimes.push(t);
    if (i < 6) {
      const all = await mentionsOf(db, key).count();
      if (n === all || n === all - 1) checked++;
    }
  }
  console.log(`"You have read N other articles about X" (60 counts, popularity ranks 1–10,000): p50 ${ms(percentile(countTimes, 50))}, p95 ${ms(percentile(countTimes, 95))}, max ${ms(Math.max(...countTimes))}  (target ≤ 20 ms; ${checked}/6 agree with a direct count)`);
  const scanCount: number[] = [];
  for (const key of sample.slice(0, 3)) {
    const [, { wall: t }] = await timed(async () => (await db.mentions.toArray()).filter((m) => m.entityKey === key).length);
    scanCount.push(t);
  }
  console.log(`  baseline, count by full scan of the mentions table: median ${ms(percentile(scanCount, 50))}`);
  db.close();
}
