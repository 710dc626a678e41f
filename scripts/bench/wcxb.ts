/**
 * The article bench on WCXB dev (1,497 real pages, seven page types, human-reviewed ground truth): per page type the
 * share accepted as an article, bag-of-words F1 against `main_content`, title/author/date hits and time per page,
 * each beside plain Readability on the same linkedom document in the same run. linkedom, not jsdom: jsdom's parse
 * alone costs ~300 ms a page here (measured on 60 pages; linkedom 13 ms), which would make the bench take half an hour.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { extractArticle } from '../../utils/article/extractArticle';
import { hasWcxb, wcxbHtml, wcxbPages, wcxbTruth, wordF1, type WcxbType } from '../lib/wcxb';
import { median, percentile, timedSync } from './support/measure';

const TYPES: WcxbType[] = ['article', 'listing', 'collection', 'product', 'service', 'documentation', 'forum'];

const norm = (s: string): string => s.toLowerCase().normalize('NFKC').replace(/[‘’`´]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim();

/** A title hit: same text, or one contains the other (sites add or drop their name). */
function titleHit(got: string | null | undefined, want: string): boolean {
  if (!got) return false;
  const g = norm(got);
  const w = norm(want);
  return g !== '' && (g === w || w.includes(g) || g.includes(w));
}

/** An author hit: every word of the wanted name appears in what we found (order and "By" ignored). */
function authorHit(got: string | null | undefined, want: string): boolean {
  if (!got) return false;
  const g = norm(got);
  const words = norm(want).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length > 0 && words.every((w) => g.includes(w));
}

/** A date hit: the same calendar day (the ground truth gives days). */
function dateHit(got: string | null | undefined, want: string): boolean {
  if (!got) return false;
  return got.slice(0, 10) === want.slice(0, 10);
}

interface Row {
  id: string;
  type: WcxbType;
  url: string;
  accepted: boolean;
  reason: string | null;
  f1: number;
  f1Plain: number;
  ms: number;
  msPlain: number;
  hits: { title: [boolean, boolean] | null; author: [boolean, boolean] | null; date: [boolean, boolean] | null };
  crashed: string | null;
}

/** Measures one page: ours (the gate included) and plain Readability on clones of the same document. */
export function measurePage(id: string, type: WcxbType, url: string): Row {
  const truth = wcxbTruth(id);
  const row: Row = { id, type, url, accepted: false, reason: null, f1: 0, f1Plain: 0, ms: 0, msPlain: 0, hits: { title: null, author: null, date: null }, crashed: null };
  try {
    const { document } = parseHTML(wcxbHtml(id)) as unknown as { document: Document };
    const [plain, plainTime] = timedSync((): ReturnType<Readability['parse']> => {
      try {
        return new Readability(document.cloneNode(true) as Document).parse();
      } catch {
        return null;
      }
    });
    row.msPlain = plainTime.wall;
    const [r, oursTime] = timedSync(() => extractArticle(document, url, { budgetMs: 60_000 }));
    row.ms = oursTime.wall;
    const a = r.kind === 'article' ? r.article : null;
    row.accepted = a !== null;
    row.reason = r.kind === 'not-article' ? r.reason : null;
    row.f1 = wordF1(a?.text ?? '', truth.mainContent);
    row.f1Plain = wordF1(plain?.textContent ?? '', truth.mainContent);
    if (truth.title) row.hits.title = [titleHit(a?.title, truth.title), titleHit(plain?.title, truth.title)];
    if (truth.author) row.hits.author = [authorHit(a ? (a.authors.join(', ') || a.byline) : null, truth.author), authorHit(plain?.byline, truth.author)];
    if (truth.publishDate) row.hits.date = [dateHit(a?.publishedTime, truth.publishDate), dateHit(plain?.publishedTime, truth.publishDate)];
  } catch (e) {
    row.crashed = e instanceof Error ? e.message : String(e);
  }
  return row;
}

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** Prints the WCXB part of `npm run bench -- article`. */
export async function run(): Promise<void> {
  if (!hasWcxb()) {
    console.log('wcxb-dev: corpus not found (../shared/corpora/wcxb-dev), skipped');
    return;
  }
  const pages = wcxbPages();
  const rows: Row[] = [];
  for (const p of pages) rows.push(measurePage(p.id, p.type, p.url));
  console.log(`\n### wcxb-dev: ${rows.length} real pages (../shared/corpora/wcxb-dev), DOM: linkedom, ours vs plain Readability on the same document, one run each`);
  console.log('type           pages  accepted  F1 ours  F1 plain  F1 ours/accepted | title ours/plain  author ours/plain  date ours/plain | ms/page ours/plain (median)');
  for (const type of TYPES) {
    const rs = rows.filter((r) => r.type === type);
    if (rs.length === 0) continue;
    const acc = rs.filter((r) => r.accepted);
    const mean = (xs: number[]): number => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
    const hit = (k: 'title' | 'author' | 'date'): string => {
      const hs = rs.map((r) => r.hits[k]).filter((h): h is [boolean, boolean] => h !== null);
      return `${pct(hs.filter((h) => h[0]).length, hs.length)}/${pct(hs.filter((h) => h[1]).length, hs.length)} (${hs.length})`;
    };
    console.log(
      `${type.padEnd(14)} ${String(rs.length).padStart(5)}  ${pct(acc.length, rs.length)}   ${mean(rs.map((r) => r.f1)).toFixed(3)}    ${mean(rs.map((r) => r.f1Plain)).toFixed(3)}     ${mean(acc.map((r) => r.f1)).toFixed(3)}        | ${hit('title')}  ${hit('author')}  ${hit('date')} | ${median(rs.map((r) => r.ms)).toFixed(1)}/${median(rs.map((r) => r.msPlain)).toFixed(1)}`,
    );
  }
  const arts = rows.filter((r) => r.type === 'article');
  const refused = arts.filter((r) => !r.accepted);
  const reasons = new Map<string, number>();
  for (const r of refused) reasons.set(r.reason ?? '?', (reasons.get(r.reason ?? '?') ?? 0) + 1);
  console.log(`articles refused: ${refused.length} of ${arts.length} (${pct(refused.length, arts.length).trim()}; target ≤ 4 = 0.5%) — ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}`);
  const lc = rows.filter((r) => r.type === 'listing' || r.type === 'collection');
  console.log(`listing + collection recognised as not-an-article: ${lc.filter((r) => !r.accepted).length} of ${lc.length} (${pct(lc.filter((r) => !r.accepted).length, lc.length).trim()}; target ≥ 80%)`);
  const f1All = arts.reduce((s, r) => s + r.f1, 0) / (arts.length || 1);
  const f1Plain = arts.reduce((s, r) => s + r.f1Plain, 0) / (arts.length || 1);
  console.log(`article word-F1 (refusal = empty): ours ${f1All.toFixed(4)} vs plain Readability ${f1Plain.toFixed(4)} (Δ ${(f1All - f1Plain >= 0 ? '+' : '')}${(f1All - f1Plain).toFixed(4)}; target ≥ 0.96 and ≥ +0.03)`);
  const ratio = (p: number): string => `${percentile(arts.map((r) => r.ms), p).toFixed(1)}/${percentile(arts.map((r) => r.msPlain), p).toFixed(1)} ms = ${(percentile(arts.map((r) => r.ms), p) / Math.max(1e-6, percentile(arts.map((r) => r.msPlain), p))).toFixed(2)}×`;
  console.log(`article extraction time ours/plain: median ${ratio(50)}, p95 ${ratio(95)} (target ≤ 1.3×; ours includes metadata, gate, sanitising)`);
  const crashed = rows.filter((r) => r.crashed !== null);
  console.log(`pages that threw: ${crashed.length}${crashed.map((r) => `\n  ${r.id} (${r.type}): ${r.crashed}`).join('')}`);
  console.log('worst 10 article pages by F1 (ours):');
  for (const r of [...arts].sort((a, b) => a.f1 - b.f1).slice(0, 10)) {
    const why = !r.accepted ? `refused: ${r.reason}` : r.f1Plain > r.f1 + 0.05 ? 'Readability picked better' : r.f1Plain < 0.3 ? 'Readability misses the body too' : 'partial body / extra furniture';
    console.log(`  ${r.id} F1 ${r.f1.toFixed(3)} (plain ${r.f1Plain.toFixed(3)}) ${why} — ${r.url}`);
  }
}
