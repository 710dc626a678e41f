import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endpointsFor } from '../../../scripts/lib/cliEndpoints';
import { siteOf } from '../../../utils/article/siteOf';
import { endpointsFromBase } from '../../../utils/knowledge/wikiUrls';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';
import { SEED_TEXT_PATH } from '../../../scripts/lib/seed';

/*
 * `npm run analyze` as a reader runs it: the real CLI in a child process, reading fixture pages, talking only to the
 * fake Wikipedia/Wikidata this file starts on 127.0.0.1. It runs the bundled build (scripts/analyze-cli.mjs, what
 * `npm run analyze` runs). Each run costs 1–4 s, so the file keeps to seven.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEED_HTML = 'tests/fixtures/pages/seed/index.html';
const SEED_TXT = relative(ROOT, SEED_TEXT_PATH);
const SECTION_FRONT = 'tests/fixtures/pages/section-front/index.html';
const PKG = JSON.parse(readFileSync(new URL('package.json', `file://${ROOT}`), 'utf8')) as { version: string; homepage: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function analyze(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['scripts/analyze-cli.mjs', ...args], { cwd: ROOT, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface Mention {
  start: number;
  end: number;
  text: string;
}
interface EntityJson {
  id: string;
  type: string;
  name: string;
  aliases: string[];
  fictional: boolean;
  mentionCount: number;
  mentions: Mention[];
  knowledge: Record<string, unknown> | null;
}
type Output = Record<string, unknown> & { text: string; entities: EntityJson[] };

async function analyzeJson(...args: string[]): Promise<Output> {
  const run = await analyze(...args, '--json');
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as Output;
}

const PUBLIC_FIELDS = [
  'url', 'isArticle', 'notArticle', 'title', 'byline', 'authors', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'dir',
  'excerpt', 'canonicalUrl', 'wordCount', 'readingMinutes', 'leadImage', 'text', 'html', 'entities',
];
const ENTITY_FIELDS = ['id', 'type', 'name', 'aliases', 'fictional', 'mentionCount', 'mentions'];

function entity(out: Output, name: string): EntityJson {
  const e = out.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name} in ${out.entities.map((x) => x.name).join(', ')}`);
  return e;
}

function expectMentionsMatchText(out: Output): void {
  for (const e of out.entities) {
    expect(e.mentionCount).toBe(e.mentions.length);
    for (const m of e.mentions) expect(out.text.slice(m.start, m.end)).toBe(m.text);
  }
}

let wiki: FakeWiki;
beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(async () => {
  await wiki.close();
});
beforeEach(() => {
  wiki.reset();
});

describe('npm run analyze -- --json --offline', () => {
  it('prints the seed article with every public field and its entities, and sends nothing', async () => {
    // --wiki is given on purpose: --offline must win over it.
    const out = await analyzeJson(SEED_HTML, '--offline', '--wiki', wiki.url);
    for (const field of PUBLIC_FIELDS) expect(out).toHaveProperty(field);
    expect(out.isArticle).toBe(true);
    expect(out.notArticle).toBeNull();
    expect(out.title).toBe('Axis of outcasts: Putin and Kim’s cartoon summit');
    expect(out.byline).toMatch(/Khrushcheva/);
    expect(out.wordCount).toBeGreaterThan(500);
    expect(out.lookups).toBe('off');

    const putin = entity(out, 'Vladimir Putin');
    expect(putin.type).toBe('person');
    expect(putin.mentionCount).toBeGreaterThanOrEqual(10);
    for (const e of out.entities) {
      for (const field of ENTITY_FIELDS) expect(e).toHaveProperty(field);
      expect(e.knowledge).toBeNull();
    }
    expectMentionsMatchText(out);
    expect(wiki.requests).toHaveLength(0);
  });

  it('takes a .txt file as the article itself', async () => {
    const raw = readFileSync(new URL(SEED_TXT, `file://${ROOT}`), 'utf8');
    const out = await analyzeJson(SEED_TXT, '--offline');
    expect(out.isArticle).toBe(true);
    expect(out.text).toBe(raw.trim());
    expect(out.html).toBe('');
    const names = out.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong-un', 'Khasan']));
    expectMentionsMatchText(out);
  });

  it('says a section front is not an article, and exits 0', async () => {
    const out = await analyzeJson(SECTION_FRONT, '--offline');
    expect(out.isArticle).toBe(false);
    const notArticle = out.notArticle as { reason: unknown; message: unknown };
    expect(typeof notArticle.reason).toBe('string');
    expect(typeof notArticle.message).toBe('string');
    expect(out.entities).toEqual([]);
    expect(out.text).toBe('');
  });
});

describe('npm run analyze -- --wiki <fake server>', () => {
  it('adds each entity its Wikipedia/Wikidata knowledge, with the CLI named in the requests', async () => {
    const out = await analyzeJson(SEED_HTML, '--wiki', wiki.url);
    expect(out.lookups).toBe('on');
    for (const field of PUBLIC_FIELDS) expect(out).toHaveProperty(field);

    const putin = entity(out, 'Vladimir Putin').knowledge;
    expect(putin).toMatchObject({ status: 'linked', title: 'Vladimir Putin', qid: 'Q7747', fictional: false, fellBackToEnglish: false });
    expect(putin?.description).toMatch(/President of Russia/);
    expect(putin?.pageUrl).toMatch(/^https:\/\/en\.wikipedia\.org\/wiki\/Vladimir_Putin$/);
    expect(Array.isArray(putin?.facts) && (putin.facts as unknown[]).length).toBeGreaterThan(0);

    // How sure, and why (#15): an exact title, and the facts told as of the article's publication date.
    expect(typeof out.publishedTime).toBe('string');
    expect(putin).toMatchObject({ match: { method: 'title', asked: 'Vladimir Putin' }, factsAsOf: String(out.publishedTime).slice(0, 10) });

    // The settlement, not Lake Khasan, picked by the words around its mentions.
    const khasan = entity(out, 'Khasan').knowledge;
    expect(khasan).toMatchObject({ status: 'linked', title: 'Khasan, Primorsky Krai', match: { method: 'context', asked: 'Khasan' } });
    expect((khasan as { match: { words: string[] } }).match.words.length).toBeGreaterThan(0);
    // A book with no Wikipedia article says why it has no card.
    const book = out.entities.find((e) => e.name.startsWith('In Putin’s Footsteps'));
    expect(book?.knowledge).toMatchObject({ status: 'unlinked', miss: 'no-article' });
    for (const e of out.entities) expect(['linked', 'unlinked', 'error']).toContain(e.knowledge?.status);

    const api = wiki.apiRequests();
    expect(api.length).toBeGreaterThan(0);
    expect(api.length).toBe(out.lookupRequests);
    // Wikimedia's User-Agent policy: a name, a version and a way to reach the maintainers.
    for (const r of api) expect(r.headers['api-user-agent']).toBe(`Backstory-analyze/${PKG.version} (${PKG.homepage}; command line)`);
  });

  it('prints descriptions beside names, with fictional characters and works in their own sections', async () => {
    const run = await analyze(SEED_HTML, '--wiki', wiki.url);
    expect(run.code).toBe(0);
    const sections = new Map<string, string[]>();
    let current = '';
    for (const line of run.stdout.split('\n')) {
      if (/^\S.*:$/.test(line)) sections.set((current = line.slice(0, -1)), []);
      else if (line.startsWith('  ') && current) sections.get(current)?.push(line.trim());
    }
    const names = (heading: string) => (sections.get(heading) ?? []).map((l) => l.replace(/ \(\d+\).*$/, ''));
    expect(names('Fictional characters')).toEqual(expect.arrayContaining(['Mickey Mouse', 'Donald Duck']));
    expect(names('People')).toContain('Vladimir Putin');
    expect(names('People')).not.toContain('Mickey Mouse');
    expect(names('Works and other')).toContain('The Death of Stalin');
    expect(sections.get('People')?.find((l) => l.startsWith('Vladimir Putin'))).toMatch(/President of Russia/);
  });
});

describe('npm run analyze -- --json with many inputs', () => {
  it('prints one JSON line per page in input order, a line with the error for a missing file, and --force extracts a refused page', async () => {
    const run = await analyze('--json', '--offline', SECTION_FRONT, 'tests/fixtures/pages/no-such-page.html', SEED_HTML);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.input)).toEqual([SECTION_FRONT, 'tests/fixtures/pages/no-such-page.html', SEED_HTML]);
    expect(lines[0]!.isArticle).toBe(false);
    expect(lines[1]!.error).toMatch(/no such file/);
    expect(lines[2]!.isArticle).toBe(true);
    for (const field of PUBLIC_FIELDS) expect(lines[2]).toHaveProperty(field);
    const forced = await analyze('--json', '--offline', '--force', SECTION_FRONT, SEED_HTML);
    expect(forced.code).toBe(0);
    const [front, seed] = forced.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(front!.isArticle).toBe(true);
    expect(Number(front!.wordCount)).toBeGreaterThan(0);
    expect(seed!.title).toBe(lines[2]!.title);
  });
});

describe('npm run analyze -- errors', () => {
  it('reports a missing file in one line and exits 1', async () => {
    const run = await analyze('tests/fixtures/pages/no-such-page.html', '--json');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/no such file: tests\/fixtures\/pages\/no-such-page\.html/);
  });
});

describe('--wiki / --wikidata endpoints and the site name', () => {
  it('lays a plain base out like the fake server, keeps a {lang} template as given, and defaults to Wikimedia', () => {
    expect(endpointsFor('http://127.0.0.1:8080/', null)).toEqual(endpointsFromBase('http://127.0.0.1:8080'));
    expect(endpointsFor('http://127.0.0.1:8080', 'http://127.0.0.1:9090/wd/')).toEqual({
      wikipedia: 'http://127.0.0.1:8080/{lang}',
      wikidata: 'http://127.0.0.1:9090/wd',
    });
    expect(endpointsFor('https://{lang}.wikipedia.beta.example', null)).toEqual({
      wikipedia: 'https://{lang}.wikipedia.beta.example',
      wikidata: 'https://www.wikidata.org',
    });
    expect(endpointsFor('https://de.wikipedia.org/', null).wikipedia).toBe('https://de.wikipedia.org');
    expect(endpointsFor(null, null)).toEqual({ wikipedia: 'https://{lang}.wikipedia.org', wikidata: 'https://www.wikidata.org' });
  });

  // Issue 19: the CLI used its own rule (host with "www.", 'local' for a file) and so asked for corrections under a
  // key the panel never saves them under; it now uses the extension's one rule.
  it('remembers corrections under the site key the extension uses: the host without "www.", "" for a file', () => {
    expect(siteOf('https://www.example-news.com/2023/10/axis')).toBe('example-news.com');
    expect(siteOf('file:///work/main/tests/fixtures/pages/seed/index.html')).toBe('');
  });
});
