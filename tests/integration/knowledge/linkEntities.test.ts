import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { chooseLink, linkEntities, type LinkOptions } from '../../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../../utils/knowledge/resolveEntities';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';
import { createWikiClient } from '../../../utils/knowledge/wikiClient';
import { startFakeWiki, type FakeWiki } from '../../support/fakeWiki';

const fixture = (name: string) => new URL(`../../fixtures/wiki/${name}`, import.meta.url);
const SEED: EntityRef[] = JSON.parse(readFileSync(fixture('seed-entities.json'), 'utf8'));
const SEED_TEXT = readFileSync(fixture('axis-of-outcasts.txt'), 'utf8');
const NOW = Date.parse('2026-11-29T08:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const UA = 'Backstory/0.1.0 (https://github.com/backstory/backstory; tests)';

let wiki: FakeWiki;
let db: BackstoryDB;
let dbCount = 0;

beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(async () => {
  await wiki.close();
});
beforeEach(async () => {
  wiki.reset();
  db = new BackstoryDB(`knowledge-test-${++dbCount}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function options(over: Partial<LinkOptions> = {}): LinkOptions {
  return { lang: 'en', site: 'www.example-news.com', context: SEED_TEXT, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: UA, now: () => NOW, ...over };
}

function linked(r: LinkResult | undefined): KnowledgeCard {
  if (r?.status !== 'linked') throw new Error(`expected linked, got ${JSON.stringify(r)}`);
  return r.card;
}

const byId = (id: string) => SEED.find((e) => e.id === id) as EntityRef;
const fact = (card: KnowledgeCard, kind: string) => card.facts.find((f) => f.kind === kind)?.value;

describe('linkEntities on the seed article (fake Wikipedia/Wikidata)', () => {
  it('links the people and places to the right articles, with descriptions, lead sentences and facts', async () => {
    const r = await linkEntities(SEED, options());
    const putin = linked(r['person:vladimir-putin']);
    expect(putin.title).toBe('Vladimir Putin');
    expect(putin.qid).toBe('Q7747');
    expect(putin.description).toBe('President of Russia since 2012');
    expect(putin.thumbnail?.url).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    expect(putin.extractHtml).toMatch(/^<p><b>Vladimir Vladimirovich Putin<\/b> \(born 7 October 1952\)/);
    expect(fact(putin, 'born')).toBe('7 October 1952 (age 74)');
    expect(fact(putin, 'office')).toBe('President of Russia (since 7 May 2012)');
    expect(fact(putin, 'citizenship')).toBe('Russia');
    expect(putin.pageUrl).toBe('https://en.wikipedia.org/wiki/Vladimir_Putin');

    // "Kim Jong-un" is a redirect; "Nina L. Khrushcheva" too.
    expect(linked(r['person:kim-jong-un']).title).toBe('Kim Jong Un');
    expect(fact(linked(r['person:kim-jong-un']), 'office')).toBe('Supreme Leader of North Korea (since 17 December 2011)');
    expect(linked(r['person:xi-jinping']).qid).toBe('Q15031');
    expect(linked(r['person:nina-l-khrushcheva']).title).toBe('Nina Khrushcheva');

    // Khasan is a disambiguation page: the article's context picks the settlement, not the lake.
    const khasan = linked(r['place:khasan']);
    expect(khasan.title).toBe('Khasan, Primorsky Krai');
    expect(fact(khasan, 'country')).toBe('Russia');
    expect(fact(khasan, 'region')).toBe('Primorsky Krai');
    expect(fact(khasan, 'population')).toBe('683 (2021)');
    expect(khasan.coordinates).toEqual({ lat: 42.4308, lon: 130.6434 });
    const khasanResult = r['place:khasan'];
    expect(khasanResult?.status === 'linked' && khasanResult.candidates.map((c) => c.title)).toContain('Lake Khasan');

    expect(linked(r['place:vostochny-cosmodrome']).description).toBe('Russian spaceport in Amur Oblast');
    for (const id of ['place:russia', 'place:north-korea', 'place:china', 'place:south-korea', 'place:ukraine', 'place:united-states', 'place:pyongyang', 'place:moscow', 'place:soviet-union']) {
      expect(linked(r[id]).qid, id).toMatch(/^Q\d+$/);
    }
    expect(linked(r['place:china']).qid).toBe('Q148');
    expect(fact(linked(r['place:moscow']), 'population')).toBe('13,010,112 (2021)');
    expect(fact(linked(r['organization:united-nations-security-council']), 'founded')).toBe('24 October 1945');
  });

  it('shows cartoon characters as characters, never as real people', async () => {
    const r = await linkEntities([byId('person:mickey-mouse'), byId('person:donald-duck')], options());
    expect(linked(r['person:mickey-mouse']).fictional).toBe(true);
    expect(linked(r['person:donald-duck']).fictional).toBe(true);
    expect(linked(r['person:mickey-mouse']).facts.some((f) => f.kind === 'born')).toBe(false);
  });

  it('asks politely: few requests, one at a time, each with Api-User-Agent', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const countingFetch: typeof fetch = async (input, init) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    await linkEntities(SEED, options({ fetch: countingFetch }));
    const sent = wiki.apiRequests();
    expect(maxInFlight).toBe(1);
    // One title batch (+ its TextExtracts continuation), one search (Khasan), one item batch, one label batch.
    expect(sent.length).toBeLessThanOrEqual(5);
    expect(sent.filter((q) => q.query.generator === 'search')).toHaveLength(1);
    expect(sent.filter((q) => q.query.action === 'wbgetentities').length).toBeLessThanOrEqual(2);
    for (const q of sent) expect(q.headers['api-user-agent']).toBe(UA);
    const first = sent[0];
    expect(first?.query.titles?.split('|')).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong-un', 'Khasan', 'Nina L. Khrushcheva']));
    expect(first?.query.redirects).toBe('1');
    expect(first?.query.formatversion).toBe('2');
  });

  it('splits more than 50 titles into batches of 50, and never sends a title with a separator in it', async () => {
    const many: EntityRef[] = Array.from({ length: 55 }, (_, i) => ({ id: `person:${i}`, type: 'person', name: `Nobody Number ${i}`, aliases: [] }));
    const r = await linkEntities([...many, { id: 'person:pipe', type: 'person', name: 'Putin|Xi', aliases: ['Vladimir Putin'] }, byId('person:xi-jinping')], options({ context: '' }));
    const batches = wiki.apiRequests().filter((q) => q.query.titles !== undefined && !q.query.excontinue);
    // 55 names + 'Vladimir Putin' + 'Xi Jinping' ('Xi' is too short to look up alone; 'Putin|Xi' is dropped).
    expect(batches.map((q) => q.query.titles?.split('|').length)).toEqual([50, 7]);
    expect(linked(r['person:pipe']).title).toBe('Vladimir Putin');
    expect(linked(r['person:xi-jinping']).title).toBe('Xi Jinping');
    expect(r['person:3']).toMatchObject({ status: 'unlinked', reason: 'no-confident-match' });
  });

  it('makes no request at all on a revisit', async () => {
    const first = await linkEntities(SEED, options());
    const before = wiki.apiRequests().length;
    expect(before).toBeGreaterThan(0);
    const again = await linkEntities(SEED, options({ now: () => NOW + DAY }));
    expect(wiki.apiRequests().length).toBe(before);
    expect(linked(again['place:khasan']).title).toBe('Khasan, Primorsky Krai');
    expect(linked(again['person:vladimir-putin']).title).toBe(linked(first['person:vladimir-putin']).title);
    expect(linked(again['person:vladimir-putin']).stale).toBeUndefined();
  });

  it('sends nothing when look-ups are off, and lists every entity as disabled', async () => {
    const r = await linkEntities(SEED, options({ enabled: false }));
    expect(wiki.requests).toHaveLength(0);
    expect(Object.keys(r)).toHaveLength(SEED.length);
    for (const e of SEED) expect(r[e.id]).toMatchObject({ status: 'error', reason: 'disabled' });
  });
});

describe('disambiguation, missing titles and wrong types', () => {
  const khasan: EntityRef = { id: 'place:khasan', type: 'place', name: 'Khasan', aliases: [] };

  it('follows the context: an article about the 1938 battle links Khasan to the lake', async () => {
    const context = 'In 1938 Soviet Union troops fought Japan at Khasan. The hills above Khasan were taken after two weeks of fighting in the Soviet Union border zone near Japan-held Manchukuo; the water of the lake is still shallow.';
    const places: EntityRef[] = [khasan, { id: 'place:soviet-union', type: 'place', name: 'Soviet Union', aliases: [] }];
    const r = await linkEntities(places, options({ context }));
    expect(linked(r['place:khasan']).title).toBe('Lake Khasan');
    const search = wiki.apiRequests().find((q) => q.query.generator === 'search');
    expect(search?.query.gsrsearch).toBe('Khasan Soviet Union');
  });

  it('leaves a name unlinked, with no guess, when nothing is found', async () => {
    const r = await linkEntities([{ id: 'person:x', type: 'person', name: 'Zvonimir Qaraxhi', aliases: [] }], options({ context: 'Zvonimir Qaraxhi said so.' }));
    expect(r['person:x']).toEqual({ status: 'unlinked', reason: 'no-confident-match', candidates: [] });
  });

  it('rejects an article of the wrong type (a film extracted as a person)', async () => {
    const r = await linkEntities([{ id: 'person:death', type: 'person', name: 'The Death of Stalin', aliases: [] }], options());
    expect(r['person:death']).toMatchObject({ status: 'unlinked', reason: 'no-confident-match', candidates: [{ title: 'The Death of Stalin', qid: 'Q27959498' }] });
  });

  it('rejects a disambiguation-only name when the context does not decide', async () => {
    const r = await linkEntities([khasan], options({ context: 'Khasan was mentioned once.' }));
    const res = r['place:khasan'];
    expect(res?.status).toBe('unlinked');
    expect(res?.status === 'unlinked' && res.candidates.map((c) => c.title)).toEqual(expect.arrayContaining(['Khasan, Primorsky Krai', 'Lake Khasan']));
  });

  it('looks a name written in capitals up in title case', async () => {
    const r = await linkEntities([{ id: 'person:nina', type: 'person', name: 'NINA L. KHRUSHCHEVA', aliases: [] }, { id: 'place:moscow', type: 'place', name: 'MOSCOW', aliases: [] }], options());
    expect(linked(r['person:nina']).title).toBe('Nina Khrushcheva');
    expect(linked(r['place:moscow']).title).toBe('Moscow');
  });

  it('falls back to English for names the article language lacks, and says so', async () => {
    const r = await linkEntities([byId('person:vladimir-putin'), byId('person:kim-jong-un')], options({ lang: 'de' }));
    const putin = linked(r['person:vladimir-putin']);
    expect(putin).toMatchObject({ title: 'Wladimir Putin', lang: 'de', fellBackToEnglish: false });
    expect(putin.pageUrl).toBe('https://de.wikipedia.org/wiki/Wladimir_Putin');
    expect(linked(r['person:kim-jong-un'])).toMatchObject({ title: 'Kim Jong Un', lang: 'en', fellBackToEnglish: true });
    expect(wiki.apiRequests().map((q) => q.path)).toEqual(expect.arrayContaining(['/de/w/api.php', '/en/w/api.php']));
  });
});

describe('failures', () => {
  const putin = () => [byId('person:vladimir-putin')];

  it('a 404 from the API is an http error, nothing is cached, the next visit retries', async () => {
    wiki.failNext(404);
    const r = await linkEntities(putin(), options());
    expect(r['person:vladimir-putin']).toMatchObject({ status: 'error', reason: 'http' });
    expect(await db.knowledge.count()).toBe(0);
    const again = await linkEntities(putin(), options());
    expect(linked(again['person:vladimir-putin']).title).toBe('Vladimir Putin');
  });

  it('backs off exponentially on 429 and 503, then succeeds', async () => {
    const waits: number[] = [];
    const client = createWikiClient({ fetch, userAgent: UA, sleep: async (ms) => void waits.push(ms) });
    wiki.failNext(429, { times: 2 });
    wiki.failNext(503, { match: 'wbgetentities' });
    const r = await linkEntities(putin(), options({ client }));
    expect(linked(r['person:vladimir-putin']).facts.length).toBeGreaterThan(0);
    expect(waits).toEqual([500, 1000, 500]);
    expect(wiki.apiRequests().filter((q) => q.query.titles !== undefined)).toHaveLength(3);
    expect(wiki.apiRequests().filter((q) => q.query.action === 'wbgetentities')).toHaveLength(3);
  });

  it('honours Retry-After and the maxlag error', async () => {
    const waits: number[] = [];
    const client = createWikiClient({ fetch, userAgent: UA, sleep: async (ms) => void waits.push(ms) });
    wiki.failNext('maxlag', { retryAfter: 5 });
    const r = await linkEntities(putin(), options({ client }));
    expect(linked(r['person:vladimir-putin']).title).toBe('Vladimir Putin');
    expect(waits).toEqual([5000]);
    expect(wiki.apiRequests().every((q) => q.query.maxlag === '5')).toBe(true);
  });

  it('gives up after the retries and reports an http error', async () => {
    const client = createWikiClient({ fetch, userAgent: UA, sleep: async () => undefined, maxRetries: 2 });
    wiki.failNext(429, { times: 3 });
    const r = await linkEntities(putin(), options({ client }));
    expect(r['person:vladimir-putin']).toMatchObject({ status: 'error', reason: 'http' });
  });

  it('a response that never comes times out', async () => {
    wiki.failNext('hang');
    const r = await linkEntities(putin(), options({ timeoutMs: 300 }));
    expect(r['person:vladimir-putin']).toMatchObject({ status: 'error', reason: 'timeout' });
  });

  it('malformed JSON is reported as malformed', async () => {
    wiki.failNext('malformed');
    const r = await linkEntities(putin(), options());
    expect(r['person:vladimir-putin']).toMatchObject({ status: 'error', reason: 'malformed' });
  });

  it('a dropped connection reads as offline; cached cards are still shown', async () => {
    await linkEntities(putin(), options());
    wiki.failNext('reset', { times: 10 });
    const r = await linkEntities([...putin(), byId('person:xi-jinping')], options());
    expect(linked(r['person:vladimir-putin']).title).toBe('Vladimir Putin');
    expect(r['person:xi-jinping']).toMatchObject({ status: 'error', reason: 'offline' });
  });

  it('when Wikidata fails the cards keep Wikipedia’s part, lack facts, and are not cached', async () => {
    wiki.failNext(500, { match: 'wbgetentities' });
    const r = await linkEntities(putin(), options());
    const card = linked(r['person:vladimir-putin']);
    expect(card.description).toBe('President of Russia since 2012');
    expect(card.facts).toEqual([]);
    expect(card.factsMissing).toBe(true);
    expect(await db.knowledge.count()).toBe(0);
  });

  it('neutralises <script> and onerror in an extract before it is stored', async () => {
    const r = await linkEntities([{ id: 'organization:evil', type: 'organization', name: 'Evil Corp', aliases: [] }], options());
    const html = linked(r['organization:evil']).extractHtml ?? '';
    expect(html).toContain('<b>Evil Corp</b> is a company');
    expect(html).not.toMatch(/<script|onerror|onclick|javascript:|<img|<a\b|style=|alert\("x"\)/i);
    const stored = await db.knowledge.toArray();
    expect(JSON.stringify(stored)).not.toMatch(/<script|onerror/i);
  });
});

describe('cache freshness and size', () => {
  it('serves stale cards at once and refreshes them in the background', async () => {
    await linkEntities([byId('person:xi-jinping')], options());
    const before = wiki.apiRequests().length;
    let refresh: Promise<Record<string, LinkResult>> | undefined;
    const later = NOW + 8 * DAY;
    const r = await linkEntities([byId('person:xi-jinping')], options({ now: () => later, onRevalidate: (p) => (refresh = p) }));
    expect(linked(r['person:xi-jinping']).stale).toBe(true);
    expect(refresh).toBeDefined();
    const refreshed = await refresh;
    expect(linked(refreshed?.['person:xi-jinping']).stale).toBeUndefined();
    expect(wiki.apiRequests().length).toBeGreaterThan(before);
    const cards = (await db.knowledge.toArray()).filter((row) => !row.key.startsWith('wd:'));
    expect(cards.map((row) => row.key).sort()).toEqual(['en:Xi Jinping', 'en:Xi Jinping|person']);
    expect(cards.every((row) => row.fetchedAt === later)).toBe(true);
  });

  it('keeps showing stale cards when the refresh fails (offline)', async () => {
    await linkEntities([byId('person:xi-jinping')], options());
    wiki.failNext('reset', { times: 10 });
    let refresh: Promise<Record<string, LinkResult>> | undefined;
    const later = NOW + 30 * DAY;
    const r = await linkEntities([byId('person:xi-jinping')], options({ now: () => later, onRevalidate: (p) => (refresh = p) }));
    expect(linked(r['person:xi-jinping'])).toMatchObject({ title: 'Xi Jinping', stale: true });
    const refreshed = await refresh;
    expect(refreshed?.['person:xi-jinping']).toMatchObject({ status: 'error', reason: 'offline' });
    const again = await linkEntities([byId('person:xi-jinping')], options({ now: () => later, revalidate: false }));
    expect(linked(again['person:xi-jinping'])).toMatchObject({ title: 'Xi Jinping', stale: true });
  });

  it('remembers item labels, so the next article needs no label request for items already seen', async () => {
    await linkEntities([byId('place:khasan')], options());
    expect(wiki.apiRequests().some((q) => q.query.props === 'labels')).toBe(true);
    wiki.reset();
    const r = await linkEntities([{ id: 'place:lake', type: 'place', name: 'Lake Khasan', aliases: [] }], options({ context: 'At Lake Khasan.' }));
    expect(linked(r['place:lake'])).toMatchObject({ title: 'Lake Khasan', facts: expect.arrayContaining([{ kind: 'region', label: 'Region', value: 'Primorsky Krai' }]) });
    expect(wiki.apiRequests().map((q) => q.query.props ?? q.query.prop?.split('|')[0])).toEqual(['pageprops', 'labels|descriptions|claims']);
  });

  it('keeps the table bounded, pruning the oldest records', async () => {
    await linkEntities([byId('place:russia')], options({ now: () => NOW - 3 * DAY, maxRecords: 4 }));
    await linkEntities([byId('place:china'), byId('place:ukraine')], options({ maxRecords: 4 }));
    const keys = (await db.knowledge.toArray()).map((row) => row.key);
    expect(keys).toHaveLength(4);
    expect(keys.some((k) => k.startsWith('en:Russia'))).toBe(false);
  });
});

describe("the reader's corrections", () => {
  const khasan: EntityRef = { id: 'place:khasan', type: 'place', name: 'Khasan', aliases: [] };

  it('remembers another candidate for that name on that site and reuses it', async () => {
    await linkEntities([khasan], options());
    const chosen = await chooseLink(khasan, 'Lake Khasan', options());
    expect(chosen).toMatchObject({ status: 'linked', chosenByReader: true, card: { title: 'Lake Khasan' } });
    // The list the reader chose from stays available for another change of mind.
    expect(chosen.status === 'linked' && chosen.candidates.map((c) => c.title)).toEqual(expect.arrayContaining(['Khasan, Primorsky Krai', 'Lake Khasan']));
    const before = wiki.apiRequests().length;
    const again = await linkEntities([khasan], options());
    expect(again['place:khasan']).toMatchObject({ status: 'linked', chosenByReader: true, card: { title: 'Lake Khasan' } });
    expect(wiki.apiRequests().length).toBe(before);
    const otherSite = await linkEntities([khasan], options({ site: 'other.example.org' }));
    expect(linked(otherSite['place:khasan']).title).toBe('Khasan, Primorsky Krai');
  });

  it('remembers "none"', async () => {
    await linkEntities([khasan], options());
    const none = await chooseLink(khasan, null, options());
    expect(none).toMatchObject({ status: 'unlinked', reason: 'reader-chose-none' });
    const again = await linkEntities([khasan], options());
    expect(again['place:khasan']).toMatchObject({ status: 'unlinked', reason: 'reader-chose-none' });
    expect((await db.linkChoices.toArray())[0]).toMatchObject({ site: 'www.example-news.com', name: 'khasan', title: null });
  });
});
