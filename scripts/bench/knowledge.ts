import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { quietDom } from '../lib/quietDom';
import { startFakeWiki, type FakeWiki } from '../lib/fakeWiki';
import { analyzePage } from '../../utils/analysis/analyzePage';
import { BackstoryDB } from '../../utils/db/schema';
import { linkDetails, linkEntities, type LinkOptions } from '../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../utils/knowledge/resolveEntities';
import { restSummaryUrl } from '../../utils/knowledge/wikiUrls';
import { entityRef } from '../../utils/knowledge/entityRef';
import { SEED_TEXT } from '../lib/seed';
import { timed } from './support/measure';

/*
 * Knowledge look-ups against the fake Wikipedia/Wikidata with a realistic 60 ms added to every answer, for the seed
 * article and three of the real pages (tests/fixtures/pages; their entities found by the extension's own code, the
 * fake's pages and items for them constructed: tests/fixtures/wiki/PROVENANCE.md). For each: requests for the whole
 * list on a cold cache and on a revisit, what opening cards adds, and time to the list's answer — beside the naive
 * approach (one REST summary per entity, in series as etiquette asks; no facts, no disambiguation) in the same run.
 */

const LATENCY_MS = 60;
const UA = 'Backstory/0.1.0 (https://github.com/backstory-reader/backstory; bench)';

interface Article {
  label: string;
  lang: string | null;
  text: string;
  entities: EntityRef[];
}

function fixture(name: string): string {
  return readFileSync(new URL(`../../tests/fixtures/${name}`, import.meta.url), 'utf8');
}

function realPage(name: string, file = `pages/${name}/source.html`): Article {
  const url = `https://news.example/${name}`;
  const dom = quietDom(fixture(file), url);
  try {
    const analysis = analyzePage(dom.window.document, url, { force: false });
    if (analysis.extraction.kind !== 'article') throw new Error(`${name} is not an article`);
    const { article } = analysis.extraction;
    return { label: name, lang: article.lang, text: article.text, entities: analysis.entities.map(entityRef) };
  } finally {
    dom.window.close();
  }
}

const kind = (r: { path: string; query: Record<string, string> }) =>
  r.query.action === 'wbgetentities' ? (r.query.props?.includes('claims') ? 'items' : 'labels') : r.query.generator === 'links' ? 'candidates' : r.query.prop === 'extracts' ? 'extracts' : r.path.startsWith('/en/') ? 'titles' : `titles(${r.path.split('/')[1]})`;

interface Figures {
  cold: string[];
  warm: number;
  coldMs: number;
  firstCard: number;
  allCards: number;
  linked: number;
  naive: number;
  naiveMs: number;
}

async function measure(wiki: FakeWiki, a: Article): Promise<Figures> {
  const db = new BackstoryDB(`bench-knowledge-${a.label}-${Date.now()}`);
  try {
    // The side panel's configuration: the list first, each card's details when it is opened.
    const opts: LinkOptions = { lang: a.lang, site: 'bench.example', context: a.text, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: UA, details: false };
    wiki.reset();
    const [cold, { wall: coldMs }] = await timed(() => linkEntities(a.entities, opts));
    const coldRequests = wiki.apiRequests().map(kind);

    wiki.reset();
    await linkEntities(a.entities, opts);
    const warm = wiki.apiRequests().length;

    // Opening cards: the first, then every other linked one.
    const linked = a.entities.filter((e) => cold[e.id]?.status === 'linked');
    wiki.reset();
    let firstCard = 0;
    for (const [i, e] of linked.entries()) {
      const r = cold[e.id];
      if (r?.status !== 'linked') continue;
      await linkDetails(e, r.card, opts);
      if (i === 0) firstCard = wiki.apiRequests().length;
    }
    const allCards = wiki.apiRequests().length;

    // Naive: one REST summary per entity name, in series (fetch follows the 302 of a redirect: counted too).
    wiki.reset();
    const [, { wall: naiveMs }] = await timed(async () => {
      for (const e of a.entities) {
        const res = await fetch(restSummaryUrl(wiki.endpoints, a.lang ?? 'en', e.name), { headers: { 'Api-User-Agent': UA } });
        await res.body?.cancel();
      }
    });
    return { cold: coldRequests, warm, coldMs, firstCard, allCards, linked: linked.length, naive: wiki.apiRequests().length, naiveMs };
  } finally {
    db.close();
    await db.delete();
  }
}

/** Prints the `## knowledge` section of `npm run bench`. */
export async function run(): Promise<void> {
  const seed: Article = { label: 'seed', lang: 'en', text: SEED_TEXT, entities: JSON.parse(fixture('wiki/seed-entities.json')) as EntityRef[] };
  const articles = [seed, realPage('bbc-1'), realPage('telegraph'), realPage('breitbart'), realPage('putin-de-2024 (invented, German)', 'wiki/articles/putin-de-2024.html')];
  const wiki = await startFakeWiki({ latencyMs: LATENCY_MS });
  try {
    // Warm up the JIT, Dexie and the HTTP connection, so the first article is timed like the others.
    await measure(wiki, seed);
    console.log('## knowledge');
    console.log(`fake Wikipedia/Wikidata adding ${LATENCY_MS} ms per request; requests in series, as Wikimedia's etiquette asks. Target: ≤ 3 cold, 0 warm`);
    for (const a of articles) {
      const f = await measure(wiki, a);
      console.log(
        `${a.label}: ${a.entities.length} entities, ${f.linked} linked | whole list cold: ${f.cold.length} requests (${f.cold.join(', ')}), ${Math.round(f.coldMs)} ms | warm revisit: ${f.warm} | ` +
          `naive one-summary-per-entity: ${f.naive} requests, ${Math.round(f.naiveMs)} ms, every visit`,
      );
      console.log(`  opening cards (lead sentences + fact labels, cached after): first card ${f.firstCard} requests, all ${f.linked} cards ${f.allCards}`);
    }
    console.log('  (the German article also asks English Wikipedia for the names German Wikipedia lacks: one batch more)');
  } finally {
    await wiki.close();
  }
}
