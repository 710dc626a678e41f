import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { linkEntities, type LinkOptions } from '../../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../../utils/knowledge/resolveEntities';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/*
 * Issue 13, finding 9: one malformed Wikidata statement must cost only its own entity, never every card of the
 * article. wikibase-sdk's simplifyClaims throws on a value snak without a datavalue and on a datavalue type it does
 * not know; both are served here inside an otherwise ordinary wbgetentities batch.
 */

const fixture = (name: string) => new URL(`../../fixtures/wiki/${name}`, import.meta.url);
const SEED: EntityRef[] = JSON.parse(readFileSync(fixture('seed-entities.json'), 'utf8'));
const ENTITIES = JSON.parse(readFileSync(fixture('wikidata-entities.json'), 'utf8')).entities as Record<string, Record<string, unknown>>;
const NOW = Date.parse('2026-11-29T08:00:00Z');

/** Putin's item with one broken statement added: a "value" snak that carries no datavalue. */
function putinWithBrokenStatement(): Record<string, unknown> {
  const putin = structuredClone(ENTITIES.Q7747!) as { claims: Record<string, unknown[]> };
  putin.claims.P1477 = [{ mainsnak: { snaktype: 'value', property: 'P1477', datatype: 'monolingualtext' }, type: 'statement', id: 'Q7747$broken', rank: 'normal' }];
  return putin;
}

/** Kim's item with a datavalue type no parser knows. */
function kimWithUnknownType(): Record<string, unknown> {
  const kim = structuredClone(ENTITIES.Q56226!) as { claims: Record<string, unknown[]> };
  kim.claims.P9999 = [{ mainsnak: { snaktype: 'value', property: 'P9999', datavalue: { value: 1, type: 'not-a-real-type' }, datatype: 'x' }, type: 'statement', id: 'Q56226$odd', rank: 'normal' }];
  return kim;
}

/** Xi's item with its claims not even a map of lists (the entity itself is malformed). */
function xiMalformed(): Record<string, unknown> {
  return { ...structuredClone(ENTITIES.Q15031!), claims: 'nonsense' };
}

let wiki: FakeWiki;
let db: BackstoryDB;
let n = 0;
beforeAll(async () => {
  wiki = await startFakeWiki({ entities: { Q7747: putinWithBrokenStatement(), Q56226: kimWithUnknownType(), Q15031: xiMalformed() } });
});
afterAll(() => wiki.close());
beforeEach(async () => {
  db = new BackstoryDB(`malformed-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const options = (): LinkOptions => ({ lang: 'en', site: 'news.example', context: SEED_TEXT, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: 'Backstory/test (https://example.org)', now: () => NOW });
function card(r: LinkResult | undefined): KnowledgeCard {
  if (r?.status !== 'linked') throw new Error(`expected linked, got ${JSON.stringify(r)}`);
  return r.card;
}

describe('a malformed Wikidata statement', () => {
  it('fails only its own entity: every other card of the article keeps its facts', async () => {
    const r = await linkEntities(SEED, options());
    // The entities with a broken statement keep their card and every well-formed fact.
    expect(card(r['person:vladimir-putin']).facts.find((f) => f.kind === 'born')?.value).toMatch(/^7 October 1952/);
    expect(card(r['person:kim-jong-un']).facts.find((f) => f.kind === 'born')?.value).toMatch(/^8 January 1984/);
    // The entity whose claims are not readable at all still has its Wikipedia card, marked as lacking facts.
    expect(card(r['person:xi-jinping'])).toMatchObject({ title: 'Xi Jinping', facts: [], factsMissing: true });
    // Nobody else is touched.
    expect(card(r['place:khasan']).facts.find((f) => f.kind === 'population')?.value).toBe('683 (2021)');
    expect(card(r['place:moscow']).facts.length).toBeGreaterThan(0);
    expect(Object.values(r).filter((x) => x.status === 'error')).toEqual([]);
  });
});
