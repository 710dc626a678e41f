// `npm run analyze -- <file.html | file.txt | directory | http(s) URL>… [--json] [--force] [--offline] [--wiki <base URL>] [--wikidata <base URL>]`
// One input prints one object (pretty JSON with --json); several inputs print one JSON object per line, in input order.
// Runs the extension's own utils/ code in Node and prints what Backstory sees in a page.
// The --json output is a public interface: fields are only ever added, never renamed or dropped.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { quietDom } from './lib/quietDom';
import { analyzePage, type PageAnalysis } from '../utils/analysis/analyzePage';
import { textToArticle } from '../utils/analysis/textToArticle';
import { findEntities } from '../utils/entities/findEntities';
import { languageSupport } from '../utils/entities/languages';
import { modelFor } from '../utils/entities/model/load';
import type { KeyFact, LinkCandidate, LinkResult, MatchInfo, MissReason } from '../utils/knowledge/types';
import { resultAsOf } from '../utils/knowledge/articleDate';
import { siteOf } from '../utils/article/siteOf';
import { entityRef } from '../utils/knowledge/entityRef';
import { apiUserAgent } from '../utils/knowledge/userAgent';
import type { Endpoints } from '../utils/settings/endpoints';
import { parseHttpUrl } from '../utils/url/httpUrl';
import { endpointsFor } from './lib/cliEndpoints';

interface Options {
  inputs: string[];
  json: boolean;
  /** Extract a page the gate refuses (the panel's "Try anyway"). */
  force: boolean;
  offline: boolean;
  wiki: string | null;
  wikidata: string | null;
}

/** A mistake in the command line or its input: reported as one line, exit code 1. */
class UsageError extends Error {}

const USAGE =
  'usage: npm run analyze -- <file.html | file.txt | directory | http(s)://…>… [--json] [--force] [--offline] [--wiki <Wikipedia base URL, {lang} allowed>] [--wikidata <base URL>]';


/** The package's version and homepage, for the User-Agent; missing or unreadable fields fall back quietly. */
const PACKAGE = ((): { version: string; homepage: string | null } => {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const fields = typeof pkg === 'object' && pkg !== null ? (pkg as { version?: unknown; homepage?: unknown }) : {};
    return {
      version: typeof fields.version === 'string' ? fields.version : '0.0.0',
      homepage: typeof fields.homepage === 'string' ? fields.homepage : null,
    };
  } catch {
    return { version: '0.0.0', homepage: null };
  }
})();

/** Sent with every request (page fetch and look-ups), with the contact URL Wikimedia's User-Agent policy asks for. */
export const USER_AGENT = apiUserAgent(PACKAGE.version, PACKAGE.homepage, { name: 'Backstory-analyze', kind: 'command line' });

function parseArgs(argv: string[]): Options {
  const opts: Options = { inputs: [], json: false, force: false, offline: false, wiki: null, wikidata: null };
  const value = (flag: string, v: string | undefined): string => {
    if (!v || v.startsWith('--')) throw new UsageError(`${flag} needs a URL\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') opts.json = true;
    else if (arg === '--force') opts.force = true;
    else if (arg === '--offline') opts.offline = true;
    else if (arg === '--wiki') opts.wiki = value(arg, argv[++i]);
    else if (arg === '--wikidata') opts.wikidata = value(arg, argv[++i]);
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option: ${arg}\n${USAGE}`);
    else opts.inputs.push(arg);
  }
  if (opts.inputs.length === 0) throw new UsageError(USAGE);
  return opts;
}

function checkUrl(flag: string, url: string | null): void {
  if (url === null) return;
  if (!parseHttpUrl(url.replace('{lang}', 'en'))) throw new UsageError(`${flag}: not an http(s) URL: ${url}`);
}

async function load(input: string): Promise<{ body: string; url: string; isText: boolean }> {
  if (/^https?:\/\//i.test(input)) {
    let response: Response;
    try {
      response = await fetch(input, { headers: { 'user-agent': USER_AGENT } });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new UsageError(`${input}: could not fetch${cause}`);
    }
    if (!response.ok) throw new UsageError(`${input}: HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    return { body: await response.text(), url: response.url, isText: type.startsWith('text/plain') };
  }
  let body: string;
  try {
    body = await readFile(input, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`analyze: no such file: ${input}`);
    if (code === 'EISDIR') throw new UsageError(`analyze: ${input} is a directory, not a page`);
    if (code === 'EACCES') throw new UsageError(`analyze: permission denied: ${input}`);
    throw new UsageError(`analyze: cannot read ${input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { body, url: pathToFileURL(input).href, isText: /\.txt$/i.test(input) };
}

/** Runs the analysis on an input's contents (HTML through extraction, plain text as the article itself). */
export function analyzeInput(body: string, url: string, isText: boolean, force = false): PageAnalysis {
  if (isText) {
    const article = textToArticle(body, url);
    const entities = findEntities({ text: article.text, title: article.title, byline: article.byline, lang: article.lang }, { model: modelFor(article.lang) });
    const language = languageSupport(article.lang, article.text);
    return { url, extraction: { kind: 'article', article }, entities, language, analyzedAt: Date.now() };
  }
  const { window } = quietDom(body, url);
  try {
    return analyzePage(window.document, url, { force });
  } finally {
    window.close();
  }
}

/** One entity's knowledge in the --json output: the LinkResult with its card flattened. */
export type KnowledgeJson =
  | {
      status: 'linked';
      title: string;
      qid: string | null;
      description: string | null;
      extractHtml: string | null;
      pageUrl: string;
      thumbnail: { url: string; width: number; height: number } | null;
      facts: KeyFact[];
      coordinates: { lat: number; lon: number } | null;
      fictional: boolean;
      fellBackToEnglish: boolean;
      lang: string;
      candidates: LinkCandidate[];
      /** How the match was made (exact title, redirect, context search with its words, the reader's choice). */
      match: MatchInfo | null;
      /** The date the facts are told as of (the article's publication date), or null for today's facts. */
      factsAsOf: string | null;
    }
  | { status: 'unlinked'; reason: string; candidates: LinkCandidate[]; miss: MissReason | null }
  | { status: 'error'; reason: string; message: string };

/** Flattens a LinkResult for the --json output (field order fixed, so diffs of the output stay readable). */
export function knowledgeJson(result: LinkResult): KnowledgeJson {
  if (result.status === 'linked') {
    const c = result.card;
    return {
      status: 'linked',
      title: c.title,
      qid: c.qid,
      description: c.description,
      extractHtml: c.extractHtml,
      pageUrl: c.pageUrl,
      thumbnail: c.thumbnail,
      facts: c.facts,
      coordinates: c.coordinates,
      fictional: c.fictional,
      fellBackToEnglish: c.fellBackToEnglish,
      lang: c.lang,
      candidates: result.candidates,
      match: result.match ?? null,
      factsAsOf: c.factsAsOf ?? null,
    };
  }
  if (result.status === 'unlinked') {
    return { status: 'unlinked', reason: result.reason, candidates: result.candidates, miss: result.miss ?? null };
  }
  return { status: 'error', reason: result.reason, message: result.message };
}

/** What the look-ups found: each entity's result by id, and how many requests it took. */
export interface Lookups {
  endpoints: Endpoints;
  results: Record<string, LinkResult>;
  requests: number;
}

/** Links the entities to Wikipedia/Wikidata with the extension's own code, on an in-memory knowledge cache. */
export async function lookUp(analysis: PageAnalysis, endpoints: Endpoints): Promise<Lookups> {
  const article = analysis.extraction.kind === 'article' ? analysis.extraction.article : null;
  if (!article || analysis.entities.length === 0) return { endpoints, results: {}, requests: 0 };
  // Loaded only now: Dexie reads the IndexedDB globals when it loads, and --offline must not pay for any of this.
  // The specifier is a plain string because 'fake-indexeddb/auto' ships no type declarations (only the package's main
  // entry does), and it is imported for its side effect alone: the IndexedDB globals, in memory.
  const fakeIndexedDbAuto: string = 'fake-indexeddb/auto';
  await import(fakeIndexedDbAuto);
  const { BackstoryDB } = await import('../utils/db/schema');
  const { linkEntities } = await import('../utils/knowledge/linkEntities');
  const { createWikiClient } = await import('../utils/knowledge/wikiClient');
  // Node may set a real User-Agent (browsers cannot, hence Api-User-Agent in the client): Wikimedia asks for one.
  const fetchWithAgent: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('user-agent', USER_AGENT);
    return fetch(input, { ...init, headers });
  };
  const client = createWikiClient({ fetch: fetchWithAgent, userAgent: USER_AGENT });
  const db = new BackstoryDB('backstory-analyze');
  try {
    await db.open();
    const results = await linkEntities(
      analysis.entities.map(entityRef),
      {
        lang: article.lang,
        // The extension's rule (utils/article/siteOf), so a correction is looked up under the key the panel saves it under.
        site: siteOf(analysis.url),
        context: article.text,
        endpoints,
        fetch: fetchWithAgent,
        db,
        enabled: true,
        userAgent: USER_AGENT,
        client,
        // A fresh in-memory cache has nothing stale to refresh.
        revalidate: false,
      },
    );
    // Facts as of the article's publication date, as the side panel tells them (today's value kept in `now`).
    const now = Date.now();
    const dated = Object.fromEntries(
      Object.entries(results).map(([id, result]) => [id, resultAsOf(result, article.publishedTime, now)]),
    );
    return { endpoints, results: dated, requests: client.requestCount };
  } finally {
    db.close();
  }
}

/** The JSON shape scripts rely on. `lookups` undefined = the caller did not say (library use: no knowledge fields). */
export function toJson(analysis: PageAnalysis, lookups?: Lookups | 'off'): Record<string, unknown> {
  const { extraction } = analysis;
  const article = extraction.kind === 'article' ? extraction.article : null;
  const knowledge = (id: string): KnowledgeJson | null => {
    if (lookups === undefined || lookups === 'off') return null;
    const result = lookups.results[id];
    return result ? knowledgeJson(result) : null;
  };
  return {
    url: analysis.url,
    isArticle: article !== null,
    notArticle: extraction.kind === 'not-article' ? { reason: extraction.reason, message: extraction.message } : null,
    title: article?.title ?? (extraction.kind === 'not-article' ? extraction.title : null),
    byline: article?.byline ?? null,
    authors: article?.authors ?? [],
    siteName: article?.siteName ?? null,
    publishedTime: article?.publishedTime ?? null,
    modifiedTime: article?.modifiedTime ?? null,
    lang: article?.lang ?? null,
    dir: article?.dir ?? null,
    excerpt: article?.excerpt ?? null,
    canonicalUrl: article?.canonicalUrl ?? null,
    wordCount: article?.wordCount ?? 0,
    readingMinutes: article?.readingMinutes ?? 0,
    leadImage: article?.leadImage ?? null,
    text: article?.text ?? '',
    html: article?.html ?? '',
    // Issue 12: the language the entities were read in; entities 'none' = not recognised in this script yet.
    language: analysis.language ?? null,
    ...(lookups === undefined
      ? {}
      : lookups === 'off'
        ? { lookups: 'off', endpoints: null, lookupRequests: 0 }
        : { lookups: 'on', endpoints: lookups.endpoints, lookupRequests: lookups.requests }),
    entities: analysis.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      fictional: e.fictional ?? false,
      mentionCount: e.mentions.length,
      mentions: e.mentions,
      confidence: e.confidence ?? null,
      ...(lookups === undefined ? {} : { knowledge: knowledge(e.id) }),
    })),
  };
}

interface HumanEntity {
  type: string;
  name: string;
  fictional: boolean;
  mentionCount: number;
  knowledge?: KnowledgeJson | null;
}

const SECTIONS: Array<{ heading: string; has: (e: HumanEntity) => boolean }> = [
  { heading: 'People', has: (e) => e.type === 'person' && !isFictional(e) },
  { heading: 'Fictional characters', has: (e) => e.type === 'person' && isFictional(e) },
  { heading: 'Places', has: (e) => e.type === 'place' },
  { heading: 'Organisations', has: (e) => e.type === 'organization' },
  { heading: 'Works and other', has: (e) => e.type !== 'person' && e.type !== 'place' && e.type !== 'organization' },
];

function isFictional(e: HumanEntity): boolean {
  return e.fictional || (e.knowledge?.status === 'linked' && e.knowledge.fictional);
}

function gloss(k: KnowledgeJson | null | undefined): string {
  if (!k) return '';
  if (k.status === 'linked') {
    const title = k.fellBackToEnglish ? `${k.title}, English Wikipedia` : k.title;
    return k.description ? ` — ${k.description} [${title}]` : ` [${title}]`;
  }
  if (k.status === 'unlinked') return k.reason === 'no-confident-match' ? ' — no confident match' : '';
  return ` — look-up failed (${k.reason})`;
}

/** The reader-facing summary: article facts, then entities by section, with descriptions when look-ups ran. */
export function printHuman(json: Record<string, unknown>): void {
  const j = json as ReturnType<typeof toJson> & { entities: HumanEntity[]; lookups?: string; lookupRequests?: number };
  if (!j.isArticle) {
    console.log(`Not an article: ${(j.notArticle as { message: string }).message}`);
    return;
  }
  console.log(`${j.title}`);
  console.log([j.siteName, (j.authors as string[]).join(', ') || j.byline, j.publishedTime, `${j.readingMinutes} min read`, j.lang].filter(Boolean).join(' · '));
  console.log(`canonical: ${j.canonicalUrl}\n${j.wordCount} words\n`);
  const language = j.language as { name: string; entities: string } | null;
  if (language?.entities === 'none') console.log(`People and places are not recognised in ${language.name} yet.`);
  for (const section of SECTIONS) {
    const list = j.entities.filter(section.has);
    if (list.length === 0) continue;
    console.log(`${section.heading}:`);
    for (const e of list) console.log(`  ${e.name} (${e.mentionCount})${gloss(e.knowledge)}`);
  }
  if (j.lookups === 'off') console.log('\nLook-ups off: nothing was sent.');
  else if (j.lookups === 'on') {
    const failed = j.entities.filter((e) => e.knowledge?.status === 'error');
    const first = failed[0]?.knowledge;
    const why = first?.status === 'error' ? `: ${first.message}` : '';
    const requests = j.lookupRequests ?? 0;
    console.log(`\nLook-ups: ${requests} request${requests === 1 ? '' : 's'}${failed.length ? `; ${failed.length} failed${why}` : ''}`);
  }
}

/** The pages a directory holds (.html, .htm, .txt), in name order; any other input as given. */
export function expandInputs(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = !/^https?:\/\//i.test(input) && statSync(input).isDirectory();
    } catch {
      isDir = false;
    }
    if (!isDir) {
      out.push(input);
      continue;
    }
    const names = readdirSync(input).filter((n) => /\.(html?|txt)$/i.test(n)).sort();
    if (names.length === 0) throw new UsageError(`analyze: ${input} holds no .html or .txt page`);
    for (const n of names) out.push(join(input, n));
  }
  return out;
}

async function analyzeOne(input: string, opts: Options): Promise<Record<string, unknown>> {
  const { body, url, isText } = await load(input);
  const analysis = analyzeInput(body, url, isText, opts.force);
  // --offline wins over --wiki/--wikidata (an alias may carry those): nothing is sent.
  const lookups = opts.offline ? 'off' : await lookUp(analysis, endpointsFor(opts.wiki, opts.wikidata));
  return toJson(analysis, lookups);
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  checkUrl('--wiki', opts.wiki);
  checkUrl('--wikidata', opts.wikidata);
  // A single file or URL prints exactly what it always has; a directory counts as many inputs.
  const single = opts.inputs.length === 1 && expandInputs(opts.inputs)[0] === opts.inputs[0];
  if (single) {
    const json = await analyzeOne(opts.inputs[0]!, opts);
    if (opts.json) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    else printHuman(json);
    return 0;
  }
  // Many inputs: one line per page, in input order; a page that cannot be read gets a line with `error` and the run
  // goes on (exit code 1 at the end).
  let failed = 0;
  for (const input of expandInputs(opts.inputs)) {
    let json: Record<string, unknown>;
    try {
      json = await analyzeOne(input, opts);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      failed++;
      json = { input, error: error.message };
    }
    if (opts.json) process.stdout.write(`${JSON.stringify({ input, ...json })}\n`);
    else if ('error' in json) console.error(String(json.error));
    else {
      console.log(`== ${input}`);
      printHuman(json);
      console.log('');
    }
  }
  return failed === 0 ? 0 : 1;
}

/** Runs the command line (also the entry of the bundled build, scripts/analyze-cli.mjs). */
export function cli(argv: string[]): void {
  main(argv).then(
    (code) => {
      if (code !== 0) process.exitCode = code;
    },
    (error: unknown) => {
      // Usage and input mistakes are one line; anything else is a bug worth its stack.
      console.error(error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) cli(process.argv.slice(2));
