import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { startFakeWiki } from '../../tests/support/fakeWiki';
import { BackstoryDB } from '../../utils/db/schema';
import { linkEntities } from '../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../utils/knowledge/resolveEntities';
import { restSummaryUrl } from '../../utils/knowledge/wikiUrls';

/*
 * Knowledge look-ups for the seed article against the fake Wikipedia/Wikidata with 150 ms added to every answer:
 * requests per article (cold and warm) and time to all cards, beside the naive approach (one REST summary per entity,
 * in series as etiquette asks; no facts, no disambiguation) measured in the same run.
 */

const LATENCY_MS = 150;
const UA = 'Backstory/0.1.0 (bench)';

function fixture(name: string): string {
  return readFileSync(new URL(`../../tests/fixtures/wiki/${name}`, import.meta.url), 'utf8');
}

/** Prints the `## knowledge` section of `npm run bench`. */
export async function run(): Promise<void> {
  const entities = JSON.parse(fixture('seed-entities.json')) as EntityRef[];
  const context = fixture('axis-of-outcasts.txt');
  const wiki = await startFakeWiki({ latencyMs: LATENCY_MS });
  const db = new BackstoryDB(`bench-knowledge-${Date.now()}`);
  try {
    const opts = { lang: 'en', site: 'bench.example', context, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: UA };

    // Warm up the JIT, Dexie and the HTTP connection on a throwaway database, so both approaches are timed alike.
    const scratch = new BackstoryDB(`bench-knowledge-warmup-${Date.now()}`);
    await linkEntities(entities, { ...opts, db: scratch });
    scratch.close();
    await scratch.delete();

    // Batched, cold cache.
    wiki.reset();
    let t0 = performance.now();
    const cold = await linkEntities(entities, opts);
    const coldMs = performance.now() - t0;
    const coldRequests = wiki.apiRequests();
    const linked = Object.values(cold).filter((r) => r.status === 'linked').length;
    const withFacts = Object.values(cold).filter((r) => r.status === 'linked' && r.card.facts.length > 0).length;
    const khasan = cold['place:khasan'];

    // Batched, warm revisit.
    wiki.reset();
    t0 = performance.now();
    await linkEntities(entities, opts);
    const warmMs = performance.now() - t0;
    const warmRequests = wiki.apiRequests().length;

    // Naive: one REST summary per entity name, in series (fetch follows the 302 of a redirect: counted too).
    wiki.reset();
    t0 = performance.now();
    let naiveCards = 0;
    let naiveDisambiguation = 0;
    for (const e of entities) {
      const res = await fetch(restSummaryUrl(wiki.endpoints, 'en', e.name), { headers: { 'Api-User-Agent': UA } });
      if (res.ok) {
        const body = (await res.json()) as { type?: string };
        if (body.type === 'disambiguation') naiveDisambiguation++;
        else naiveCards++;
      } else await res.body?.cancel();
    }
    const naiveMs = performance.now() - t0;
    const naiveRequests = wiki.apiRequests().length;

    const kinds = coldRequests.map((r) => (r.query.action === 'wbgetentities' ? (r.query.props?.includes('claims') ? 'items' : 'labels') : r.query.generator === 'search' ? 'search' : r.query.excontinue ? 'extracts-continue' : 'titles'));
    console.log('## knowledge');
    console.log(`seed article: ${entities.length} entities, fake server adding ${LATENCY_MS} ms per request`);
    console.log(`requests per article, cold cache: ${coldRequests.length} (${kinds.join(', ')}) | naive one-summary-per-entity: ${naiveRequests} | target ≤ 3`);
    console.log(`requests per article, warm revisit: ${warmRequests} | naive: ${naiveRequests} (no cache) | target 0`);
    console.log(`time to all cards, cold: ${Math.round(coldMs)} ms | naive in series: ${Math.round(naiveMs)} ms`);
    console.log(`time to all cards, warm: ${Math.round(warmMs)} ms | naive: ${Math.round(naiveMs)} ms`);
    console.log(`cards: ${linked}/${entities.length} linked, ${withFacts} with Wikidata facts; Khasan → ${khasan?.status === 'linked' ? khasan.card.title : khasan?.status} | naive: ${naiveCards} summaries without facts, ${naiveDisambiguation} disambiguation page(s) shown as-is`);
  } finally {
    db.close();
    await db.delete();
    await wiki.close();
  }
}
