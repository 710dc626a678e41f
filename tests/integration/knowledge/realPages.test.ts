import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzePage } from '../../../utils/analysis/analyzePage';
import { BackstoryDB } from '../../../utils/db/schema';
import { resultAsOf } from '../../../utils/knowledge/articleDate';
import { linkEntities } from '../../../utils/knowledge/linkEntities';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';

/*
 * Three of the real pages (tests/fixtures/pages, from Mozilla Readability's test set), analysed by the extension's own
 * code, linked against the fake Wikipedia/Wikidata whose pages and items for them are constructed
 * (tests/fixtures/wiki/PROVENANCE.md). The request budget is structural: a title batch, one request for every
 * ambiguous name's candidates, one item batch.
 */

const NOW = Date.parse('2026-11-29T08:00:00Z');
let wiki: FakeWiki;
beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(() => wiki.close());

function analyse(name: string) {
  const html = readFileSync(new URL(`../../fixtures/pages/${name}/source.html`, import.meta.url), 'utf8');
  const url = `https://news.example/${name}`;
  const dom = new JSDOM(html, { url });
  try {
    const analysis = analyzePage(dom.window.document, url, { force: false });
    if (analysis.extraction.kind !== 'article') throw new Error(`${name} is not an article`);
    return { article: analysis.extraction.article, entities: analysis.entities.map(({ id, type, name: n, aliases }) => ({ id, type, name: n, aliases })) };
  } finally {
    dom.window.close();
  }
}

function card(results: Record<string, LinkResult>, entities: Array<{ id: string; name: string }>, name: string): KnowledgeCard {
  const e = entities.find((x) => x.name === name);
  const r = e ? results[e.id] : undefined;
  if (r?.status !== 'linked') throw new Error(`${name}: ${JSON.stringify(r)}`);
  return r.card;
}

describe.each(['bbc-1', 'telegraph', 'breitbart'])('the real page %s', (name) => {
  it('gets its whole list in at most three requests on a cold cache, none on a revisit', async () => {
    const { article, entities } = analyse(name);
    const db = new BackstoryDB(`real-${name}-${Date.now()}`);
    try {
      wiki.reset();
      const opts = { lang: article.lang, site: 'news.example', context: article.text, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: 'Backstory/test (https://example.org)', now: () => NOW, details: false };
      const cold = await linkEntities(entities, opts);
      expect(wiki.apiRequests().length).toBeGreaterThan(0);
      expect(wiki.apiRequests().length).toBeLessThanOrEqual(3);
      expect(Object.values(cold).filter((r) => r.status === 'error')).toEqual([]);
      wiki.reset();
      const warm = await linkEntities(entities, opts);
      expect(wiki.apiRequests()).toHaveLength(0);
      // The same answer, from the cache (which adds when each card was fetched).
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'fetchedAt' ? undefined : v)));
      expect(plain(warm)).toEqual(plain(cold));
    } finally {
      db.close();
      await db.delete();
    }
  });
});

describe('facts as of the real pages’ dates', () => {
  it('2017 (telegraph): Mnangagwa’s office then, and today’s one line below; Mugabe’s age then', async () => {
    const { article, entities } = analyse('telegraph');
    const db = new BackstoryDB(`real-dated-${Date.now()}`);
    try {
      const r = await linkEntities(entities, { lang: article.lang, site: 'news.example', context: article.text, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: 'x', now: () => NOW });
      const dated = (n: string) => resultAsOf({ status: 'linked', card: card(r, entities, n), candidates: [], chosenByReader: false }, article.publishedTime, NOW);
      const fact = (n: string, kind: string) => {
        const d = dated(n);
        return d.status === 'linked' ? d.card.facts.find((f) => f.kind === kind) : undefined;
      };
      expect(fact('Emmerson Mnangagwa', 'office')).toEqual({ kind: 'office', label: 'Last office', value: 'First Vice-President of Zimbabwe (2014–2017)', now: 'President of Zimbabwe (since 2017)' });
      expect(fact('Robert Mugabe', 'born')?.value).toBe('21 February 1924 (93 at the time)');
      // His presidency had not ended yet on the article's date; the same term is today's last office: no second line.
      expect(fact('Robert Mugabe', 'office')).toEqual({ kind: 'office', label: 'Office', value: 'President of Zimbabwe (1987–2017)' });
    } finally {
      db.close();
      await db.delete();
    }
  });
});
