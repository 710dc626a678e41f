import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * A local Wikipedia + Wikidata in the real wire formats, for unit/integration tests, the e2e suite, the CLI and the
 * bench. Plain node:http, no test-runner import, so `tsx` can load it.
 *
 *   {url}/{lang}/w/api.php                      Action API (formatversion=2 shapes): query with titles / generator=search
 *   {url}/{lang}/api/rest_v1/page/summary/{t}   REST summary (302 to the canonical title for redirects, 404 problem+json)
 *   {url}/wikidata/w/api.php                    Wikidata wbgetentities (formatversion 1 shapes, as the API sends by default)
 *
 * So the extension's endpoints are `{ wikipedia: url + '/{lang}', wikidata: url + '/wikidata' }` (`server.endpoints`).
 * Content types, CORS and the HTTP-200-for-API-errors convention follow /work/shared/wikipedia-samples/PROVENANCE.md.
 * The page and item data live in tests/fixtures/wiki/ (see its README.md).
 */

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'fixtures', 'wiki');

/** One article as the fixtures describe it; rendered into each API's shape on request. */
export interface FakePage {
  title: string;
  pageid: number;
  qid: string | null;
  description: string | null;
  disambiguation: boolean;
  redirects: string[];
  extractHtml: string;
  thumbnail: { source: string; width: number; height: number } | null;
  coordinates: [number, number] | null;
  /** Main-namespace links of the page (a disambiguation page's entries), for `generator=links`. */
  links?: string[];
}

/** A recorded request. */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
}

/** How the next matching request fails. */
export type FailKind =
  | 404
  | 429
  | 500
  | 503
  /** Never answers (the client's timeout must fire). */
  | 'hang'
  /** 200 with a truncated JSON body. */
  | 'malformed'
  /** The Action API's `maxlag` error: HTTP 200, `error.code: "maxlag"`, Retry-After. */
  | 'maxlag'
  /** Closes the socket without an answer (fetch rejects with a TypeError, as when offline). */
  | 'reset';

/** Which requests fail, how often. */
export interface FailOptions {
  /** How many consecutive matching requests fail (default 1). */
  times?: number;
  /** Only requests whose path+query contains this (default: every request). */
  match?: string | RegExp;
  /** Retry-After seconds sent with 429/503/maxlag (default 0, so tests stay fast). */
  retryAfter?: number;
}

/** Options of startFakeWiki. */
export interface FakeWikiOptions {
  /** Milliseconds added before every answer (default 0). */
  latencyMs?: number;
  /** Extra pages per language, added to (or replacing by title) the fixtures. */
  pages?: Record<string, FakePage[]>;
  /** Wikidata entities (wbgetentities entity objects) added to, or replacing by id, the fixtures. */
  entities?: Record<string, Record<string, unknown>>;
}

/** A running fake: its URL, request log and failure controls. */
export interface FakeWiki {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Endpoints for utils/settings Endpoints. */
  endpoints: { wikipedia: string; wikidata: string };
  /** Every request received (OPTIONS preflights included), in order. */
  requests: FakeRequest[];
  /** Requests other than CORS preflights. */
  apiRequests(): FakeRequest[];
  setLatency(ms: number): void;
  failNext(kind: FailKind, opts?: FailOptions): void;
  /** Forget recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Api-User-Agent, Content-Type, If-None-Match',
  'access-control-expose-headers': 'Retry-After, X-Database-Lag',
  'access-control-max-age': '86400',
};
const JSON_TYPE = 'application/json; charset=utf-8';
const SUMMARY_TYPE = 'application/json; charset=utf-8; profile="https://www.mediawiki.org/wiki/Specs/Summary/1.5.0"';
const PROBLEM_TYPE = 'application/problem+json';

function loadJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as T;
}

/** MediaWiki title normalisation for the main namespace: underscores to spaces, collapse, first letter upper-case. */
export function normalizeTitle(raw: string): string {
  const t = raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function invalidReason(title: string): string | null {
  if (title === '') return 'The requested page title is empty or contains only the name of a namespace.';
  if (/[#<>[\]{}|]/.test(title)) return `The requested page title contains invalid characters: "${title.match(/[#<>[\]{}|]/)?.[0]}".`;
  return null;
}

/** Cuts lead HTML after `n` sentences, as TextExtracts' exsentences does, and closes the paragraph. */
function firstSentences(html: string, n: number): string {
  let count = 0;
  let inTag = false;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === '<') inTag = true;
    else if (c === '>') inTag = false;
    else if (!inTag && c === '.' && /\s/.test(html[i + 1] ?? ' ') && !/\b[A-Z]$|\b(?:Mr|Dr|St|D\.C)$/.test(html.slice(Math.max(0, i - 4), i))) {
      count++;
      if (count === n) {
        const cut = html.slice(0, i + 1);
        const opened = (cut.match(/<(p|i|b)\b[^>]*>/g) ?? []).length;
        const closed = (cut.match(/<\/(p|i|b)>/g) ?? []).length;
        return opened > closed ? `${cut}</p>` : cut;
      }
    }
  }
  return html;
}

function plain(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

interface WikidataBody {
  entities: Record<string, Record<string, unknown> & { id: string; labels: Record<string, unknown>; descriptions: Record<string, unknown>; aliases: Record<string, unknown> }>;
}

/** Starts the fake Wikipedia/Wikidata on 127.0.0.1 (random port). */
export async function startFakeWiki(opts: FakeWikiOptions = {}): Promise<FakeWiki> {
  const pagesByLang = new Map<string, FakePage[]>();
  pagesByLang.set('en', loadJson<FakePage[]>('enwiki-pages.json'));
  pagesByLang.set('de', loadJson<FakePage[]>('dewiki-pages.json'));
  pagesByLang.set('fr', loadJson<FakePage[]>('frwiki-pages.json'));
  for (const [lang, extra] of Object.entries(opts.pages ?? {})) {
    const base = (pagesByLang.get(lang) ?? []).filter((p) => !extra.some((e) => e.title === p.title));
    pagesByLang.set(lang, [...base, ...extra]);
  }
  const wikidata = loadJson<WikidataBody>('wikidata-entities.json');
  for (const [id, e] of Object.entries(opts.entities ?? {})) wikidata.entities[id] = e as WikidataBody['entities'][string];

  let latency = opts.latencyMs ?? 0;
  const failures: Array<{ kind: FailKind; left: number; match?: string | RegExp; retryAfter: number }> = [];
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const hanging = new Set<ServerResponse>();

  function lookup(lang: string, title: string): { page: FakePage | null; redirectedFrom: string | null } {
    const pages = pagesByLang.get(lang) ?? [];
    const direct = pages.find((p) => p.title === title);
    if (direct) return { page: direct, redirectedFrom: null };
    const viaRedirect = pages.find((p) => p.redirects.includes(title));
    return viaRedirect ? { page: viaRedirect, redirectedFrom: title } : { page: null, redirectedFrom: null };
  }

  function pageUrl(lang: string, title: string): string {
    return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_')).replace(/%2C/g, ',').replace(/%3A/g, ':')}`;
  }

  /** A page object in formatversion=2 shape, with only the props asked for. */
  function renderPage(lang: string, p: FakePage, q: Record<string, string>, withExtract: boolean, index?: number): Record<string, unknown> {
    const props = new Set((q.prop ?? '').split('|'));
    const out: Record<string, unknown> = { pageid: p.pageid, ns: 0, title: p.title };
    if (index !== undefined) out.index = index;
    if (props.has('extracts') && withExtract) {
      const sentences = Number(q.exsentences ?? 0);
      const html = sentences > 0 ? firstSentences(p.extractHtml, sentences) : p.extractHtml;
      out.extract = 'explaintext' in q ? plain(html) : html;
    }
    if (props.has('info')) {
      Object.assign(out, { contentmodel: 'wikitext', pagelanguage: lang, pagelanguagehtmlcode: lang, pagelanguagedir: 'ltr', touched: '2026-11-20T10:02:41Z', lastrevid: 1250000000 + p.pageid % 1000003, length: 4000 + p.extractHtml.length * 17 });
      if ((q.inprop ?? '').split('|').includes('url')) {
        const url = pageUrl(lang, p.title);
        Object.assign(out, { fullurl: url, editurl: `https://${lang}.wikipedia.org/w/index.php?title=${encodeURIComponent(p.title.replace(/ /g, '_'))}&action=edit`, canonicalurl: url });
      }
    }
    if (props.has('description') && p.description) Object.assign(out, { description: p.description, descriptionsource: 'local' });
    if (props.has('pageimages') && p.thumbnail) {
      const piprop = (q.piprop ?? 'thumbnail|name').split('|');
      if (piprop.includes('thumbnail')) out.thumbnail = p.thumbnail;
      if (piprop.includes('name')) out.pageimage = decodeURIComponent(p.thumbnail.source.split('/').at(-2) ?? '');
    }
    if (props.has('coordinates') && p.coordinates) out.coordinates = [{ lat: p.coordinates[0], lon: p.coordinates[1], primary: true, globe: 'earth' }];
    if (props.has('pageprops')) {
      const wanted = (q.ppprop ?? 'disambiguation|wikibase_item').split('|');
      const pp: Record<string, string> = {};
      if (wanted.includes('disambiguation') && p.disambiguation) pp.disambiguation = '';
      if (wanted.includes('wikibase_item') && p.qid) pp.wikibase_item = p.qid;
      if (Object.keys(pp).length > 0) out.pageprops = pp;
    }
    return out;
  }

  const EXLIMIT = 20;
  /** `gpllimit=max` for anonymous clients. */
  const PLLIMIT_MAX = 500;

  /**
   * `generator=links`: the pages the given titles link to, with the asked props. Links are listed by title (as
   * MediaWiki orders them), red links come back `missing`, links to redirects are resolved with `redirects`.
   */
  function linksQuery(lang: string, q: Record<string, string>, wantExtracts: boolean, excontinue: number): unknown {
    const sources = (q.titles ?? '').split('|').map(normalizeTitle);
    const follow = 'redirects' in q;
    const linked: string[] = [];
    for (const t of sources) {
      const { page } = follow ? lookup(lang, t) : { page: (pagesByLang.get(lang) ?? []).find((p) => p.title === t) ?? null };
      for (const l of [...(page?.links ?? [])].sort()) if (!linked.includes(l)) linked.push(l);
    }
    const limit = q.gpllimit === 'max' ? PLLIMIT_MAX : Math.min(Number(q.gpllimit ?? 10), PLLIMIT_MAX);
    const taken = linked.slice(0, limit);
    const redirects: Array<{ from: string; to: string }> = [];
    const found = new Map<string, FakePage>();
    const missing: Array<Record<string, unknown>> = [];
    for (const t of taken) {
      const { page, redirectedFrom } = follow ? lookup(lang, t) : { page: (pagesByLang.get(lang) ?? []).find((p) => p.title === t) ?? null, redirectedFrom: null };
      if (page) {
        if (redirectedFrom) redirects.push({ from: redirectedFrom, to: page.title });
        found.set(page.title, page);
      } else missing.push({ ns: 0, title: t, missing: true });
    }
    const good = [...found.values()].sort((a, b) => a.pageid - b.pageid);
    const query: Record<string, unknown> = {};
    if (redirects.length) query.redirects = redirects;
    query.pages = [...missing, ...good.map((p, i) => renderPage(lang, p, q, wantExtracts && i >= excontinue && i < excontinue + EXLIMIT))];
    const body: Record<string, unknown> = {};
    const cont: Record<string, string | number> = {};
    if (wantExtracts && good.length > excontinue + EXLIMIT) cont.excontinue = excontinue + EXLIMIT;
    if (linked.length > limit) cont.gplcontinue = `${good[0]?.pageid ?? 0}|0|${linked[limit]!.replace(/ /g, '_')}`;
    if (Object.keys(cont).length > 0) body.continue = { ...cont, continue: cont.gplcontinue ? 'gplcontinue||' : '||description|pageimages|pageprops|coordinates|info' };
    else body.batchcomplete = true;
    if (good.length === 0 && missing.length === 0) return { batchcomplete: true };
    body.query = query;
    return body;
  }

  function actionQuery(lang: string, q: Record<string, string>): unknown {
    if (!(lang === 'en' || pagesByLang.has(lang))) return { error: { code: 'badvalue', info: 'Unknown wiki.', docref: '' }, servedby: 'fake' };
    const wantExtracts = (q.prop ?? '').split('|').includes('extracts');
    const excontinue = Number(q.excontinue ?? 0);
    if (q.generator === 'links') return linksQuery(lang, q, wantExtracts, excontinue);
    if (q.generator === 'search') {
      const terms = (q.gsrsearch ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const limit = Math.min(Number(q.gsrlimit ?? 10), 50);
      const pages = pagesByLang.get(lang) ?? [];
      // CirrusSearch's default: every term must occur (title, redirects or text); title hits rank first.
      const hits = pages
        .map((p) => {
          const text = [p.title, ...p.redirects, p.description ?? '', plain(p.extractHtml)].join(' ').toLowerCase();
          const ok = terms.every((t) => text.includes(t.replace(/^"|"$/g, '')));
          const inTitle = terms.filter((t) => p.title.toLowerCase().includes(t)).length;
          return { p, ok, score: inTitle * 10 + (text.match(new RegExp(terms[0] ?? '^$', 'g'))?.length ?? 0) };
        })
        .filter((h) => h.ok)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
      if (hits.length === 0) return { batchcomplete: true, query: { searchinfo: { suggestion: undefined } } };
      return {
        batchcomplete: true,
        query: { pages: hits.map((h, i) => renderPage(lang, h.p, q, wantExtracts && i < EXLIMIT, i + 1)) },
      };
    }
    const rawTitles = (q.titles ?? '').split('|');
    if (rawTitles.length > 50) {
      return { error: { code: 'toomanyvalues', info: 'Too many values supplied for parameter "titles". The limit is 50.', limit: 50, lowlimit: 50, highlimit: 500, docref: '' }, servedby: 'fake' };
    }
    const normalized: Array<{ fromencoded: boolean; from: string; to: string }> = [];
    const redirects: Array<{ from: string; to: string }> = [];
    const found = new Map<string, FakePage>();
    const missing: Array<Record<string, unknown>> = [];
    const seen = new Set<string>();
    for (const raw of rawTitles) {
      const t = normalizeTitle(raw);
      if (t !== raw && !normalized.some((n) => n.from === raw)) normalized.push({ fromencoded: false, from: raw, to: t });
      const reason = invalidReason(t);
      if (reason) {
        missing.push({ title: raw, invalidreason: reason, invalid: true });
        continue;
      }
      if (seen.has(t)) continue;
      seen.add(t);
      const { page, redirectedFrom } = 'redirects' in q ? lookup(lang, t) : { page: (pagesByLang.get(lang) ?? []).find((p) => p.title === t) ?? null, redirectedFrom: null };
      if (page) {
        if (redirectedFrom && !redirects.some((r) => r.from === redirectedFrom)) redirects.push({ from: redirectedFrom, to: page.title });
        found.set(page.title, page);
      } else if (!missing.some((m) => m.title === t)) {
        missing.push({ ns: 0, title: t, missing: true });
      }
    }
    // formatversion=2 lists pages by page id; TextExtracts gives at most 20 extracts per request and continues.
    const good = [...found.values()].sort((a, b) => a.pageid - b.pageid);
    const pages = [
      ...missing,
      ...good.map((p, i) => renderPage(lang, p, q, wantExtracts && i >= excontinue && i < excontinue + EXLIMIT)),
    ];
    const query: Record<string, unknown> = {};
    if (normalized.length) query.normalized = normalized;
    if (redirects.length) query.redirects = redirects;
    query.pages = pages;
    const body: Record<string, unknown> = {};
    if (wantExtracts && good.length > excontinue + EXLIMIT) {
      body.continue = { excontinue: excontinue + EXLIMIT, continue: '||description|pageimages|pageprops|coordinates|info' };
    } else {
      body.batchcomplete = true;
    }
    body.query = query;
    return body;
  }

  function restSummary(lang: string, rawTitle: string): { status: number; type: string; body: unknown; location?: string } {
    const title = normalizeTitle(rawTitle);
    const { page, redirectedFrom } = lookup(lang, title);
    if (!page) {
      return { status: 404, type: PROBLEM_TYPE, body: { type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.', uri: `/${lang}.wikipedia.org/v1/page/summary/${encodeURIComponent(rawTitle)}` } };
    }
    const key = page.title.replace(/ /g, '_');
    if (redirectedFrom || rawTitle !== key) {
      return { status: 302, type: SUMMARY_TYPE, body: {}, location: encodeURIComponent(key) };
    }
    const url = pageUrl(lang, page.title);
    const body: Record<string, unknown> = {
      type: page.disambiguation ? 'disambiguation' : 'standard',
      title: key,
      displaytitle: `<span class="mw-page-title-main">${page.title}</span>`,
      namespace: { id: 0, text: '' },
      ...(page.qid ? { wikibase_item: page.qid } : {}),
      titles: { canonical: key, normalized: page.title, display: `<span class="mw-page-title-main">${page.title}</span>` },
      pageid: page.pageid,
      ...(page.thumbnail ? { thumbnail: page.thumbnail, originalimage: { source: page.thumbnail.source.replace(/\/thumb\//, '/').replace(/\/330px-[^/]*$/, ''), width: page.thumbnail.width * 6, height: page.thumbnail.height * 6 } } : {}),
      lang,
      dir: 'ltr',
      revision: String(1250000000 + page.pageid % 1000003),
      tid: '09d67a70-9134-11eb-a803-158f284cb2ea',
      timestamp: '2026-11-20T10:02:41Z',
      ...(page.description ? { description: page.description, description_source: 'local' } : {}),
      ...(page.coordinates ? { coordinates: { lat: page.coordinates[0], lon: page.coordinates[1] } } : {}),
      content_urls: {
        desktop: { page: url, revisions: `${url}?action=history`, edit: `${url}?action=edit`, talk: url.replace('/wiki/', '/wiki/Talk:') },
        mobile: { page: url.replace('.wikipedia.', '.m.wikipedia.'), revisions: url.replace('.wikipedia.', '.m.wikipedia.').replace('/wiki/', '/wiki/Special:History/'), edit: `${url.replace('.wikipedia.', '.m.wikipedia.')}?action=edit`, talk: url.replace('.wikipedia.', '.m.wikipedia.').replace('/wiki/', '/wiki/Talk:') },
      },
      extract: plain(page.extractHtml),
      extract_html: page.extractHtml.replace(/\n/g, ''),
    };
    return { status: 200, type: SUMMARY_TYPE, body };
  }

  function wbgetentities(q: Record<string, string>): unknown {
    const ids = (q.ids ?? '').split('|').filter(Boolean);
    if (ids.length > 50) return { error: { code: 'toomanyvalues', info: 'Too many values supplied for parameter "ids". The limit is 50.', '*': '' }, servedby: 'fake' };
    const bad = ids.find((id) => !/^[QP][1-9]\d*$/.test(id));
    if (bad !== undefined) {
      return { error: { code: 'no-such-entity', info: `Could not find such an entity. (Invalid id: ${bad})`, id: bad, messages: [{ name: 'wikibase-api-no-such-entity', parameters: [], html: { '*': 'Could not find such an entity.' } }], '*': 'See https://www.wikidata.org/w/api.php for API usage.' }, servedby: 'fake' };
    }
    const props = new Set((q.props ?? 'info|sitelinks|aliases|labels|descriptions|claims|datatype').split('|'));
    const langs = q.languages ? new Set(q.languages.split('|')) : null;
    const pickLangs = (terms: Record<string, unknown>) => (langs ? Object.fromEntries(Object.entries(terms).filter(([l]) => langs.has(l))) : terms);
    const entities: Record<string, unknown> = {};
    for (const id of ids) {
      const e = wikidata.entities[id];
      if (!e) {
        entities[id] = { id, missing: '' };
        continue;
      }
      const out: Record<string, unknown> = {};
      if (props.has('info')) for (const k of ['pageid', 'ns', 'title', 'lastrevid', 'modified']) out[k] = e[k];
      out.type = e.type;
      out.id = e.id;
      if (props.has('labels')) out.labels = pickLangs(e.labels);
      if (props.has('descriptions')) out.descriptions = pickLangs(e.descriptions);
      if (props.has('aliases')) out.aliases = pickLangs(e.aliases);
      if (props.has('claims')) out.claims = e.claims;
      if (props.has('sitelinks')) out.sitelinks = e.sitelinks;
      entities[id] = out;
    }
    return { entities, success: 1 };
  }

  function send(res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...CORS, 'content-type': type, 'cache-control': 'private, must-revalidate, max-age=0', ...extra });
    res.end(body);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const query = Object.fromEntries(url.searchParams.entries());
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, query, headers: { ...req.headers } });
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    const target = url.pathname + url.search;
    const failure = failures.find((f) => f.left > 0 && (f.match === undefined || (typeof f.match === 'string' ? decodeURIComponent(target).includes(f.match) : f.match.test(decodeURIComponent(target)))));
    if (failure) {
      failure.left--;
      const retry = { 'retry-after': String(failure.retryAfter) };
      switch (failure.kind) {
        case 'hang':
          hanging.add(res);
          return;
        case 'reset':
          req.socket.destroy();
          return;
        case 'malformed':
          send(res, 200, JSON_TYPE, '{"batchcomplete":true,"query":{"pages":[{"pageid":32817,"ns":0,"title":"Vladi');
          return;
        case 'maxlag':
          send(res, 200, JSON_TYPE, JSON.stringify({ error: { code: 'maxlag', info: 'Waiting for 10.64.16.27: 1.35 seconds lagged.', host: '10.64.16.27', lag: 1.35, type: 'db', docref: 'See https://en.wikipedia.org/w/api.php for API usage.' }, servedby: 'mw1426' }), { ...retry, 'x-database-lag': '1' });
          return;
        case 404:
          send(res, 404, PROBLEM_TYPE, JSON.stringify({ type: 'https://mediawiki.org/wiki/HyperSwitch/errors/not_found', title: 'Not found.', method: 'get', detail: 'Page or revision not found.', uri: url.pathname }));
          return;
        default:
          send(res, failure.kind, 'text/html; charset=utf-8', `<!DOCTYPE html><html><head><title>Wikimedia Error</title></head><body><p>Error ${failure.kind}: too many requests or server busy.</p></body></html>`, retry);
          return;
      }
    }
    let m: RegExpMatchArray | null;
    if (url.pathname === '/wikidata/w/api.php') {
      const body = query.action === 'wbgetentities' ? wbgetentities(query) : { error: { code: 'badvalue', info: `Unrecognized value for parameter "action": ${query.action}.` }, servedby: 'fake' };
      send(res, 200, JSON_TYPE, JSON.stringify(body));
    } else if ((m = url.pathname.match(/^\/([a-z][a-z-]{1,11})\/w\/api\.php$/))) {
      const lang = m[1] ?? 'en';
      const body = query.action === 'query'
        ? query.formatversion === '2'
          ? actionQuery(lang, query)
          : { error: { code: 'badvalue', info: 'This fake only speaks formatversion=2.', docref: '' }, servedby: 'fake' }
        : { error: { code: 'badvalue', info: `Unrecognized value for parameter "action": ${query.action}.`, docref: '' }, servedby: 'fake' };
      send(res, 200, JSON_TYPE, JSON.stringify(body));
    } else if ((m = url.pathname.match(/^\/([a-z][a-z-]{1,11})\/api\/rest_v1\/page\/summary\/(.+)$/))) {
      const r = restSummary(m[1] ?? 'en', decodeURIComponent(m[2] ?? ''));
      send(res, r.status, r.type, r.status === 302 ? '' : JSON.stringify(r.body), r.location ? { location: r.location } : {});
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  const server = createServer((req, res) => {
    const go = () => {
      try {
        handle(req, res);
      } catch (err) {
        send(res, 500, 'text/plain; charset=utf-8', String(err));
      }
    };
    if (latency > 0) setTimeout(go, latency);
    else go();
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    url: base,
    endpoints: { wikipedia: `${base}/{lang}`, wikidata: `${base}/wikidata` },
    requests,
    apiRequests: () => requests.filter((r) => r.method !== 'OPTIONS'),
    setLatency(ms) {
      latency = ms;
    },
    failNext(kind, o = {}) {
      failures.push({ kind, left: o.times ?? 1, match: o.match, retryAfter: o.retryAfter ?? 0 });
    },
    reset() {
      requests.length = 0;
      failures.length = 0;
    },
    async close() {
      for (const r of hanging) r.destroy();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
