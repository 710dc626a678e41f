/**
 * Article extraction bench: text quality (token F1 against Readability's expected.html), metadata agreement and
 * extraction time, each beside plain Readability measured in the same run on the same jsdom documents.
 *
 * Run alone: npx tsx -e "import('./scripts/bench/article.ts').then(m=>m.run())"
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { quietDom } from '../lib/quietDom';
import { Readability } from '@mozilla/readability';
import { extractArticle, stripSiteSuffix } from '../../utils/article/extractArticle';
import { toIsoTime } from '../../utils/article/metadata';
import { run as runWcxb } from './wcxb';
import { wordF1 } from '../lib/wcxb';
import { SEED_TEXT } from '../lib/seed';
import { median, timedSync } from './support/measure';

const PAGES_DIR = path.join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'pages');
/** Timed runs per page and method (interleaved; the median is kept). */
const RUNS = 5;

interface Expected {
  title?: string | null;
  byline?: string | null;
  lang?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

function load(html: string, url: string): Document {
  // No scripts, no resources: the bench measures extraction, not page loading.
  return quietDom(html, url).window.document;
}


const norm = (s: string): string =>
  s.toLowerCase().replace(/[‘’`´]/g, "'").replace(/[“”„]/g, '"').replace(/\s+/g, ' ').trim();

function titleMatches(ours: string, expected: string, siteName: string | null): boolean {
  const o = norm(ours);
  const e = norm(expected);
  if (o === e) return true;
  // Expected titles keep the site suffix ("… - Breitbart"); ours removes it by design.
  if (norm(stripSiteSuffix(expected, siteName)) === o) return true;
  return e.startsWith(o) && /^\s*[|\-–—:]\s/.test(e.slice(o.length));
}

function bylineMatches(ours: string | null, expected: string): boolean {
  if (!ours) return false;
  const strip = (s: string): string => norm(s).replace(/^by\s+/, '');
  const o = strip(ours);
  const e = strip(expected);
  return o === e || e.includes(o) || o.includes(e);
}

type Field = 'title' | 'byline' | 'lang' | 'siteName' | 'publishedTime';
const FIELDS: Field[] = ['title', 'byline', 'lang', 'siteName', 'publishedTime'];

/** Prints the `## article` section of `npm run bench`. */
export async function run(): Promise<void> {
  const names = fs
    .readdirSync(PAGES_DIR)
    .filter((n) => fs.existsSync(path.join(PAGES_DIR, n, 'expected.html')))
    .sort();
  console.log('## article');
  console.log(`pages: ${names.length} (tests/fixtures/pages, Readability's test pages), DOM: jsdom for both methods, ${RUNS} timed runs each (interleaved), median per page`);
  console.log('page              F1 ours  F1 plain  | title byline lang site date | time ours/plain');
  let sumOurs = 0;
  let sumPlain = 0;
  let worse = 0;
  const metaTotals = new Map<Field, { ok: number; n: number }>(FIELDS.map((f) => [f, { ok: 0, n: 0 }]));
  let totalOurs = 0;
  let totalPlain = 0;
  const ratios: number[] = [];
  for (const name of names) {
    const dir = path.join(PAGES_DIR, name);
    const source = fs.readFileSync(path.join(dir, 'source.html'), 'utf8');
    const expectedText = load(fs.readFileSync(path.join(dir, 'expected.html'), 'utf8'), 'http://fakehost/').body.textContent ?? '';
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as Expected;
    const url = `http://fakehost/test/${name}/`;
    const doc = load(source, url);

    const oursTimes: number[] = [];
    const plainTimes: number[] = [];
    let oursResult = extractArticle(doc, url, { budgetMs: 60_000 });
    let plainText = '';
    for (let i = 0; i < RUNS; i++) {
      const [plain, plainTime] = timedSync(() => new Readability(doc.cloneNode(true) as Document).parse());
      plainTimes.push(plainTime.wall);
      plainText = plain?.textContent ?? '';
      const [result, oursTime] = timedSync(() => extractArticle(doc, url, { budgetMs: 60_000 }));
      oursResult = result;
      oursTimes.push(oursTime.wall);
    }
    const ours = oursResult.kind === 'article' ? oursResult.article : null;
    const f1Ours = ours ? wordF1(ours.text, expectedText) : 0;
    const f1Plain = wordF1(plainText, expectedText);
    sumOurs += f1Ours;
    sumPlain += f1Plain;
    if (f1Ours + 1e-9 < f1Plain) worse++;

    const marks: string[] = [];
    for (const field of FIELDS) {
      const want = expected[field];
      // seattletimes-1's expected "byline" is a dateline ("April 28, 2019 at 6:01 am Updated …"): the page names no
      // author there, so the field does not count as carried.
      const nameless = field === 'byline' && typeof want === 'string' && !/\p{L}{3,}/u.test(want.replace(/\b(january|february|march|april|may|june|july|august|september|october|november|december|updated|at|am|pm)\b/gi, ''));
      if (want === undefined || want === null || want === '' || nameless) {
        marks.push('  - ');
        continue;
      }
      const tally = metaTotals.get(field)!;
      tally.n++;
      let ok = false;
      if (ours) {
        if (field === 'title') ok = titleMatches(ours.title, want, expected.siteName ?? ours.siteName);
        else if (field === 'byline') ok = bylineMatches(ours.byline, want);
        else if (field === 'lang') ok = (ours.lang ?? '').toLowerCase() === want.toLowerCase();
        else if (field === 'siteName') ok = norm(ours.siteName ?? '').replace(/^the /, '') === norm(want).replace(/^the /, '');
        else ok = ours.publishedTime !== null && ours.publishedTime === toIsoTime(want);
      }
      if (ok) tally.ok++;
      marks.push(ok ? ' ok ' : ' XX ');
    }
    const tOurs = median(oursTimes);
    const tPlain = median(plainTimes);
    totalOurs += tOurs;
    totalPlain += tPlain;
    ratios.push(tOurs / tPlain);
    console.log(
      `${name.padEnd(16)}  ${f1Ours.toFixed(3)}    ${f1Plain.toFixed(3)}   |${marks.join('')}| ${tOurs.toFixed(0)}/${tPlain.toFixed(0)} ms = ${(tOurs / tPlain).toFixed(2)}×${ours ? '' : ` (${oursResult.kind === 'not-article' ? oursResult.reason : ''})`}`,
    );
  }
  // The seed page has no expected.html: its reference is the seed text's body (dateline paragraph to author bio).
  const seedDir = path.join(PAGES_DIR, 'seed');
  if (fs.existsSync(path.join(seedDir, 'index.html'))) {
    const seedText = SEED_TEXT;
    const reference = seedText.slice(seedText.indexOf('MOSCOW:'), seedText.indexOf('Tags:'));
    const url = 'http://127.0.0.1/seed/';
    const doc = load(fs.readFileSync(path.join(seedDir, 'index.html'), 'utf8'), url);
    const r = extractArticle(doc, url);
    const plain = new Readability(doc.cloneNode(true) as Document).parse();
    console.log(
      `seed (F1 vs the seed text's body, not in the average): ours ${(r.kind === 'article' ? wordF1(r.article.text, reference) : 0).toFixed(3)} vs plain ${wordF1(plain?.textContent ?? '', reference).toFixed(3)}`,
    );
  }
  const n = names.length || 1;
  console.log(`token F1 average: ours ${(sumOurs / n).toFixed(4)} vs plain Readability ${(sumPlain / n).toFixed(4)} (target: higher on average)`);
  console.log(`pages where ours < plain: ${worse} (target: 0)`);
  for (const [field, t] of metaTotals) console.log(`metadata ${field}: ${t.ok}/${t.n} pages that carry it match (target: all)`);
  console.log(
    `extraction time: ours ${totalOurs.toFixed(0)} ms vs plain Readability.parse() ${totalPlain.toFixed(0)} ms over all pages = ${(totalOurs / totalPlain).toFixed(2)}× (median page ${median(ratios).toFixed(2)}×, worst ${Math.max(...ratios).toFixed(2)}×; target ≤ 1.2×)`,
  );
  benchCli(names.map((n) => path.join(PAGES_DIR, n, 'source.html')));
  // The 17 pages above are Readability's own test pages; the real web's breadth is measured on WCXB dev.
  await runWcxb();
}

/** `npm run analyze` as a script runs it: the bundled CLI, offline, one page alone and all pages in one call. */
function benchCli(files: string[]): void {
  const root = path.join(import.meta.dirname, '..', '..');
  const cli = (args: string[]): number => {
    return timedSync(() => execFileSync(process.execPath, ['scripts/analyze-cli.mjs', '--json', '--offline', ...args], { cwd: root, maxBuffer: 256 * 1024 * 1024 }))[1].wall;
  };
  cli([files[0]!]); // builds the bundle if a source changed, so the timings below are start-up as a user sees it
  const one = cli([files[0]!]);
  const all = cli(files);
  console.log(
    `CLI (bundled, --offline, jsdom): one page incl. start-up ${(one / 1000).toFixed(2)} s; ${files.length} pages in one call ${(all / 1000).toFixed(2)} s = ${(all / files.length / 1000).toFixed(2)} s/page (target ≤ 0.5 s/page)`,
  );
}
