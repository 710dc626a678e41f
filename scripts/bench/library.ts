import 'fake-indexeddb/auto';
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import { BackstoryDB } from '../../utils/db/schema';
import type { LibraryData } from '../../utils/library/backupSchema';
import { exportBackup, serializeBackup } from '../../utils/library/exportBackup';
import { exportMarkdownFiles } from '../../utils/library/exportMarkdown';
import { exportW3c } from '../../utils/library/exportW3c';
import { parseLibraryFile } from '../../utils/library/importLibraryFile';
import { LibraryIndex } from '../../utils/library/libraryIndex';
import type { LibraryFilter } from '../../utils/library/libraryFilter';
import { listArticles } from '../../utils/library/listArticles';
import { applyImport, previewImport } from '../../utils/library/mergeImport';
import { formatBytes } from '../../utils/format/bytes';
import { MAX_IMPORT_BYTES } from '../../utils/library/readImportFile';
import { zipTextFiles } from '../../utils/library/zipFiles';
import { LIBRARY_WORDS, generateLibrary, seededRandom } from '../lib/generateLibrary';
import { percentile, timed, type Timing } from './support/measure';

const ARTICLES = Number(process.env.LIBRARY_BENCH_ARTICLES ?? 10_000);
const HIGHLIGHTS = Number(process.env.LIBRARY_BENCH_HIGHLIGHTS ?? 100_000);
const noYield = { yieldFn: async () => {} };

const ms = (t: number | Timing): string =>
  typeof t === 'number' ? `${t.toFixed(t < 10 ? 2 : 0)} ms` : `${ms(t.wall)} (CPU ${ms(t.cpu)})`;

/**
 * 100 queries a reader might type: content words (vocabulary ranks 100–1500, as readers search for topics rather than
 * "the"), prefixes as typed, two words, entity names, and a common word with a content word (the worst case for AND).
 */
function makeQueries(): Array<{ q: string; filter: LibraryFilter }> {
  const rnd = seededRandom(7);
  const content = LIBRARY_WORDS.slice(100, 1500);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const queries: Array<{ q: string; filter: LibraryFilter }> = [];
  for (let i = 0; i < 100; i++) {
    const kind = i % 5;
    const q = kind === 0 ? pick(content) : kind === 1 ? `${pick(content)} ${pick(content)}` : kind === 2 ? pick(content).slice(0, 4) : kind === 3 ? pick(['kim jong', 'xi jinping', 'putin', 'pyongyang', 'zürich', 'sanctions', 'summit']) : `${pick(['the', 'of', 'and', 'said'])} ${pick(content)}`;
    const filter: LibraryFilter = i % 4 === 0 ? { colors: [pick(['yellow', 'green', 'blue', 'pink', 'purple'] as const)] } : i % 4 === 1 ? { entityKeys: ['q56226'] } : {};
    queries.push({ q, filter });
  }
  return queries;
}

/** The baseline: no index, a case-insensitive substring scan over every record held in memory. */
function naiveSearch(data: LibraryData, articleById: Map<string, LibraryData['articles'][number]>, q: string, filter: LibraryFilter): number {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => terms.every((t) => text.includes(t));
  const hits = new Set<string>();
  for (const a of data.articles) if (matches(`${a.title} ${a.tags.join(' ')}`.toLowerCase()) && (!filter.entityKeys || filter.entityKeys.some((k) => a.entityKeys.includes(k)))) hits.add(a.id);
  for (const h of data.highlights) {
    if (filter.colors && !filter.colors.includes(h.color)) continue;
    const a = articleById.get(h.articleId)!;
    if (filter.entityKeys && !filter.entityKeys.some((k) => a.entityKeys.includes(k))) continue;
    if (matches(`${h.quote.exact} ${h.note} ${h.tags.join(' ')}`.toLowerCase())) hits.add(h.articleId);
  }
  for (const n of data.notes) if (matches(n.body.toLowerCase())) hits.add(n.articleId);
  return hits.size;
}

function compareLibraries(expected: LibraryData, actual: LibraryData): { records: number; fields: number; mismatches: string[] } {
  let records = 0;
  let fields = 0;
  const mismatches: string[] = [];
  for (const table of ['articles', 'highlights', 'notes', 'linkChoices'] as const) {
    const got = new Map<string, Record<string, unknown>>(actual[table].map((r) => [r.id, r as unknown as Record<string, unknown>]));
    if (got.size !== expected[table].length) mismatches.push(`${table}: ${expected[table].length} expected, ${got.size} found`);
    for (const record of expected[table] as unknown as Array<Record<string, unknown>>) {
      records++;
      const other = got.get(String(record.id));
      if (!other) {
        mismatches.push(`${table} ${String(record.id)} missing`);
        continue;
      }
      const keys = new Set([...Object.keys(record), ...Object.keys(other)]);
      for (const key of keys) {
        fields++;
        if (!isDeepStrictEqual(record[key], other[key])) mismatches.push(`${table} ${String(record.id)}.${key}`);
      }
    }
  }
  return { records, fields, mismatches };
}

/** The library benchmark: search, open, export, import and the round trip, on a generated library in fake-indexeddb. */
export async function run(): Promise<void> {
  console.log('## library');
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  console.log(`library: ${ARTICLES} articles, ${HIGHLIGHTS} highlights (60% with notes), seeded PRNG, fake-indexeddb in Node (real IndexedDB differs)`);
  const [data, genTime] = await timed(() => generateLibrary({ articles: ARTICLES, highlights: HIGHLIGHTS }, 42));
  const db = new BackstoryDB(`bench-library-${Date.now()}`);
  const [, seedTime] = await timed(() =>
    db.transaction('rw', [db.articles, db.highlights, db.notes, db.linkChoices], async () => {
      const copy = structuredClone(data);
      await db.articles.bulkAdd(copy.articles);
      await db.highlights.bulkAdd(copy.highlights);
      await db.notes.bulkAdd(copy.notes);
      await db.linkChoices.bulkAdd(copy.linkChoices);
    }),
  );
  console.log(`generate ${ms(genTime)}, write to IndexedDB ${ms(seedTime)} (${data.notes.length} article notes)`);

  // Open: the first page of the list comes straight from Dexie; the search index builds after it.
  const [firstPage, listTime] = await timed(() => listArticles(db, { limit: 50 }));
  const index = new LibraryIndex();
  const [, buildTime] = await timed(() => index.build(db));
  const [, memoryBuildTime] = await timed(() => new LibraryIndex().buildFrom(data));
  console.log(`open library: first page (50 of ${firstPage.total}) ${ms(listTime)} (target: first paint ≤ 200 ms); search index build ${ms(buildTime)} of which indexing alone ${ms(memoryBuildTime)} (${index.size} article documents, added in chunks with yields: the page stays responsive)`);

  const queries = makeQueries();
  const articleById = new Map(data.articles.map((a) => [a.id, a]));
  // Warm-up once so both sides are JIT-compiled.
  index.search(queries[0]!.q, queries[0]!.filter);
  naiveSearch(data, articleById, queries[0]!.q, queries[0]!.filter);
  const indexed: number[] = [];
  const naive: number[] = [];
  const indexedCpu: number[] = [];
  const naiveCpu: number[] = [];
  let agree = 0;
  for (const { q, filter } of queries) {
    const [result, t1] = await timed(() => index.search(q, filter, 50));
    const [naiveHits, t2] = await timed(() => naiveSearch(data, articleById, q, filter));
    indexed.push(t1.wall);
    naive.push(t2.wall);
    indexedCpu.push(t1.cpu);
    naiveCpu.push(t2.cpu);
    if (result.total > 0 || naiveHits === 0) agree++;
  }
  console.log(`search, 100 queries (content words, 4-letter prefixes, two words, entity names, a common word + a content word; 1 in 2 with a colour or entity filter):`);
  console.log(`  MiniSearch index: median ${ms(percentile(indexed, 50))}, p95 ${ms(percentile(indexed, 95))} wall; CPU median ${ms(percentile(indexedCpu, 50))}, p95 ${ms(percentile(indexedCpu, 95))}  (target p95 ≤ 50 ms)`);
  console.log(`  naive full scan in memory (baseline): median ${ms(percentile(naive, 50))}, p95 ${ms(percentile(naive, 95))} wall; CPU median ${ms(percentile(naiveCpu, 50))}, p95 ${ms(percentile(naiveCpu, 95))}`);
  console.log(`  queries where the index found results whenever the scan did: ${agree}/100 (differences: stop words, prefix and diacritic matching)`);

  const dexieScan: number[] = [];
  for (const { q } of queries.slice(0, 5)) {
    const terms = q.toLowerCase().split(/\s+/);
    const [, t] = await timed(() => db.highlights.filter((h) => terms.every((term) => `${h.quote.exact} ${h.note}`.toLowerCase().includes(term))).toArray());
    dexieScan.push(t.wall);
  }
  console.log(`  naive Dexie scan of the highlights table (5 queries only: too slow for 100): median ${ms(percentile(dexieScan, 50))}`);

  // Incremental sync after one edit: by key (what the storagemutated watcher does) and by the full updatedAt diff
  // (the fallback after a clear()).
  const one = data.highlights[123]!;
  await db.highlights.update(one.id, { note: 'edited in the bench', updatedAt: one.updatedAt + 1 });
  const [byKey, keyTime] = await timed(() => index.syncKeys(db, { articles: [], highlights: [one.id], notes: [] }));
  await db.highlights.update(one.id, { note: one.note, updatedAt: one.updatedAt });
  const [byDiff, diffTime] = await timed(() => index.sync(db));
  console.log(`index update after 1 edit: by key ${ms(keyTime)} (${byKey.changed} re-read); full updatedAt diff ${ms(diffTime)} (${byDiff.changed} re-read); full rebuild ${ms(buildTime)}`);

  // Export.
  const [backup, exportTime] = await timed(() => exportBackup(db));
  const [text, serializeTime] = await timed(() => serializeBackup(backup));
  const bytes = Buffer.byteLength(text, 'utf8');
  console.log(`export JSON backup: read ${ms(exportTime)} + serialise ${ms(serializeTime)}, ${formatBytes(bytes)} (import limit ${formatBytes(MAX_IMPORT_BYTES)}${bytes > MAX_IMPORT_BYTES ? ' — OVER THE LIMIT' : ''})`);
  const [md, mdTime] = await timed(() => exportMarkdownFiles(backup));
  const [zip, zipTime] = await timed(() => zipTextFiles(md, 'Backstory'));
  console.log(`export Markdown: ${md.length} files ${ms(mdTime)}, zipped ${ms(zipTime)} → ${formatBytes(zip.byteLength)}`);
  const [w3c, w3cTime] = await timed(() => JSON.stringify(exportW3c(backup)));
  console.log(`export W3C JSON-LD: ${ms(w3cTime)}, ${formatBytes(Buffer.byteLength(w3c, 'utf8'))}`);

  // Import into an empty library, then the round-trip comparison.
  const target = new BackstoryDB(`bench-library-import-${Date.now()}`);
  const [parsed, parseTime] = await timed(() => parseLibraryFile(text, noYield));
  const [preview, previewTime] = await timed(() => previewImport(target, parsed.data));
  const [report, applyTime] = await timed(() => applyImport(target, parsed.data));
  console.log(`import JSON backup: parse+validate ${ms(parseTime)}, preview ${ms(previewTime)}, write (one transaction) ${ms(applyTime)}; added ${report.articles.added} articles, ${report.highlights.added} highlights, ${report.notes.added} notes`);
  if (!isDeepStrictEqual(preview, report)) console.log('  WARNING: preview and report differ');
  const [back, readBackTime] = await timed(() => exportBackup(target));
  const check = compareLibraries(data, back);
  console.log(
    `round trip (generated → IndexedDB → JSON → IndexedDB, every field of every record): ${check.mismatches.length ? `FAIL, ${check.mismatches.length} differences, e.g. ${check.mismatches.slice(0, 3).join('; ')}` : 'OK'} — ${check.records} records, ${check.fields} fields compared (read back ${ms(readBackTime)}) (target: loses nothing)`,
  );
  const [, reimportTime] = await timed(async () => applyImport(target, (await parseLibraryFile(text, noYield)).data));
  console.log(`re-import of the same file (all skipped): ${ms(reimportTime)}`);
  const cpu = process.cpuUsage(cpuStart);
  console.log(`whole run: ${ms(performance.now() - wallStart)} wall, ${ms((cpu.user + cpu.system) / 1000)} CPU (wall ≫ CPU means the shared machine was busy: wall figures above are inflated by the same factor)`);
  db.close();
  target.close();
}
