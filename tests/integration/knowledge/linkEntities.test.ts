import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { chooseLink, linkDetails, linkEntities, type LinkOptions } from '../../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../../utils/knowledge/resolveEntities';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';
import { createWikiClient } from '../../../utils/knowledge/wikiClient';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const fixture = (name: string) => new URL(`../../fixtures/wiki/${name}`, import.meta.url);
const SEED: EntityRef[] = JSON.parse(readFileSync(fixture('seed-entities.json'), 'utf8'));
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
    expect(fact(putin, 'office')).toBe('President of Russia (since 2012)');
    expect(fact(putin, 'citizenship')).toBe('Russia');
    expect(putin.pageUrl).toBe('https://en.wikipedia.org/wiki/Vladimir_Putin');

    // "Kim Jong-un" is a redirect; "Nina L. Khrushcheva" too.
    expect(linked(r['person:kim-jong-un']).title).toBe('Kim Jong Un');
    // Both offices Kim holds, Wikidata's preferred one first.
    expect(fact(linked(r['person:kim-jong-un']), 'office')).toBe("Supreme Leader of North Korea (since 2011); General Secretary of the Workers' Party of Korea (since 2021)");
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

  it('answers the whole list in three requests, one at a time, each with Api-User-Agent', async () => {
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
    const r = await linkEntities(SEED, options({ fetch: countingFetch, details: false }));
    const sent = wiki.apiRequests();
    expect(maxInFlight).toBe(1);
    // One title batch, one for the articles Khasan's disambiguation page lists, one item batch.
    expect(sent.map((q) => (q.query.action === 'wbgetentities' ? 'items' : q.query.generator === 'links' ? 'candidates' : 'titles'))).toEqual(['titles', 'candidates', 'items']);
    for (const q of sent) expect(q.headers['api-user-agent']).toBe(UA);
    // The list's descriptions and pictures are there; lead sentences wait for the card to be opened.
    const putin = linked(r['person:vladimir-putin']);
    expect(putin).toMatchObject({ description: 'President of Russia since 2012', extractHtml: null, detailed: false });
    expect(putin.thumbnail?.url).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    expect(linked(r['place:khasan']).title).toBe('Khasan, Primorsky Krai');
    const first = sent[0];
    expect(first?.query.titles?.split('|')).toEqual(expect.arrayContaining(['Vladimir Putin', 'Kim Jong-un', 'Khasan', 'Nina L. Khrushcheva']));
    expect(first?.query.redirects).toBe('1');
    expect(first?.query.formatversion).toBe('2');
  });

  it('splits more than 50 titles into batches of 50, and never sends a title with a separator in it', async () => {
    const many: EntityRef[] = Array.from({ length: 55 }, (_, i) => ({ id: `person:${i}`, type: 'person', name: `Nobody Number ${i}`, aliases: [] }));
    const r = await linkEntities([...many, { id: 'person:pipe', type: 'person', name: 'Putin|Xi', aliases: ['Vladimir Putin'] }, byId('person:xi-jinping')], options({ context: '' }));
    const batches = wiki.apiRequests().filter((q) => q.query.titles !== undefined && q.query.prop !== 'extracts');
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
    // Chosen among the disambiguation page's articles by the words around the mentions, and the card says so.
    expect(r['place:khasan']).toMatchObject({ status: 'linked', match: { method: 'context', asked: 'Khasan', via: 'Khasan' } });
    const match = r['place:khasan']?.status === 'linked' ? r['place:khasan'].match : undefined;
    expect(match?.words).toEqual(expect.arrayContaining(['soviet', '1938']));
    expect(wiki.apiRequests().filter((q) => q.query.generator === 'links').map((q) => q.query.titles)).toEqual(['Khasan']);
  });

  it('leaves a name unlinked, with no guess, when nothing is found', async () => {
    const r = await linkEntities([{ id: 'person:x', type: 'person', name: 'Zvonimir Qaraxhi', aliases: [] }], options({ context: 'Zvonimir Qaraxhi said so.' }));
    expect(r['person:x']).toEqual({ status: 'unlinked', reason: 'no-confident-match', candidates: [], miss: 'no-article' });
  });

  it('rejects an article of the wrong type (a film extracted as a person)', async () => {
    const r = await linkEntities([{ id: 'person:death', type: 'person', name: 'The Death of Stalin', aliases: [] }], options());
    expect(r['person:death']).toMatchObject({ status: 'unlinked', reason: 'no-confident-match', miss: 'wrong-type', candidates: [{ title: 'The Death of Stalin', qid: 'Q27959498' }] });
  });

  it('rejects a disambiguation-only name when the context does not decide', async () => {
    const r = await linkEntities([khasan], options({ context: 'Khasan was mentioned once.' }));
    const res = r['place:khasan'];
    expect(res).toMatchObject({ status: 'unlinked', miss: 'ambiguous' });
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
    const r = await linkEntities(putin(), options({ client, details: false }));
    expect(linked(r['person:vladimir-putin']).facts.length).toBeGreaterThan(0);
    expect(waits).toEqual([500, 1000, 500]);
    expect(wiki.apiRequests().filter((q) => q.query.titles !== undefined)).toHaveLength(3);
    expect(wiki.apiRequests().filter((q) => q.query.action === 'wbgetentities')).toHaveLength(2);
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
    const r = await linkEntities([{ id: 'place:lake', type: 'place', name: 'Lake Khasan', aliases: [] }], options({ context: 'At Lake Khasan.', details: false }));
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

describe('names without a card are remembered too', () => {
  const book: EntityRef = { id: 'other:book', type: 'other', name: 'In Putin’s Footsteps', aliases: [] };
  const nobody: EntityRef = { id: 'person:nobody', type: 'person', name: 'Zvonimir Qaraxhi', aliases: [] };
  const film: EntityRef = { id: 'person:death', type: 'person', name: 'The Death of Stalin', aliases: [] };

  it('a revisit asks nothing for a name with no article, of the wrong type, or left ambiguous', async () => {
    const khasan: EntityRef = { id: 'place:khasan', type: 'place', name: 'Khasan', aliases: [] };
    const first = await linkEntities([book, nobody, film, khasan], options({ context: 'Khasan was mentioned once.', details: false }));
    expect(first[book.id]).toMatchObject({ status: 'unlinked', miss: 'no-article' });
    expect(first[nobody.id]).toMatchObject({ status: 'unlinked', miss: 'no-article' });
    expect(first[film.id]).toMatchObject({ status: 'unlinked', miss: 'wrong-type' });
    expect(first[khasan.id]).toMatchObject({ status: 'unlinked', miss: 'ambiguous' });
    const sent = wiki.apiRequests().length;
    const again = await linkEntities([book, nobody, film, khasan], options({ context: 'Khasan was mentioned once.', now: () => NOW + DAY, details: false }));
    expect(wiki.apiRequests().length).toBe(sent);
    expect(again).toEqual(first);
  });

  it('with the same freshness rules: a week later the no-match is shown at once and asked again in the background', async () => {
    await linkEntities([book], options());
    const sent = wiki.apiRequests().length;
    let refresh: Promise<Record<string, LinkResult>> | undefined;
    const r = await linkEntities([book], options({ now: () => NOW + 8 * DAY, onRevalidate: (p) => (refresh = p) }));
    expect(r[book.id]).toMatchObject({ status: 'unlinked', miss: 'no-article' });
    expect(await refresh).toMatchObject({ [book.id]: { status: 'unlinked', miss: 'no-article' } });
    expect(wiki.apiRequests().length).toBe(sent + 1);
    const row = await db.knowledge.where('key').equals('en:In Putin’s Footsteps|other').first();
    expect(row).toMatchObject({ card: null, miss: 'no-article', fetchedAt: NOW + 8 * DAY });
  });
});

describe('how sure, and why', () => {
  it('says how each match was made: exact title, redirect, the disambiguation page and context words', async () => {
    const r = await linkEntities(SEED, options({ details: false }));
    const match = (id: string) => (r[id]?.status === 'linked' ? r[id].match : undefined);
    expect(match('person:vladimir-putin')).toEqual({ method: 'title', asked: 'Vladimir Putin' });
    expect(match('person:kim-jong-un')).toEqual({ method: 'redirect', asked: 'Kim Jong-un' });
    expect(match('organization:united-nations')).toEqual({ method: 'redirect', asked: 'UN' });
    expect(match('place:khasan')).toMatchObject({ method: 'context', asked: 'Khasan', via: 'Khasan', candidates: 3 });
    // The reasons are words of the article near "Khasan" that the settlement's lead shares.
    const words = match('place:khasan')?.words ?? [];
    expect(words.length).toBeGreaterThan(0);
    const near = SEED_TEXT.toLowerCase();
    for (const w of words) expect(near).toContain(w);
    // The reader's correction is one click away: the other candidates travel with the result.
    expect(r['place:khasan']?.status === 'linked' && r['place:khasan'].candidates.map((c) => c.title)).toEqual(['Khasan, Primorsky Krai', 'Lake Khasan', 'Battle of Lake Khasan']);
    // The cache keeps the reasons: a revisit says the same.
    const again = await linkEntities(SEED, options({ details: false }));
    expect(again['place:khasan']).toMatchObject({ match: { method: 'context', via: 'Khasan' } });
    const chosen = await chooseLink({ id: 'place:khasan', type: 'place', name: 'Khasan', aliases: [] }, 'Lake Khasan', options());
    expect(chosen).toMatchObject({ status: 'linked', chosenByReader: true, match: { method: 'reader', asked: 'Lake Khasan' } });
  });
});

describe('details when a card is opened', () => {
  it('loads the lead sentences and the labels its facts need, at most two requests, once', async () => {
    const putin = byId('person:vladimir-putin');
    const list = await linkEntities([putin], options({ details: false }));
    const card = linked(list[putin.id]);
    expect(card.extractHtml).toBeNull();
    expect(fact(card, 'office')).toBeUndefined();
    wiki.reset();
    const opened = await linkDetails(putin, card, options());
    const full = linked(opened);
    expect(full.detailed).toBe(true);
    expect(full.extractHtml).toMatch(/^<p><b>Vladimir Vladimirovich Putin<\/b>/);
    expect(fact(full, 'office')).toBe('President of Russia (since 2012)');
    expect(fact(full, 'occupation')).toBe('politician, intelligence officer, lawyer');
    expect(wiki.apiRequests().map((q) => q.query.prop ?? q.query.props)).toEqual(['extracts', 'labels']);
    // Cached with the card: opening it again, or listing the article again, asks nothing and shows it all.
    wiki.reset();
    expect(linked(await linkDetails(putin, card, options())).extractHtml).toBe(full.extractHtml);
    expect(linked((await linkEntities([putin], options({ details: false })))[putin.id]).detailed).toBe(true);
    expect(wiki.apiRequests()).toHaveLength(0);
  });

  it('refuses a title no Wikipedia page can have, sending nothing', async () => {
    const r = await linkDetails(byId('person:vladimir-putin'), { lang: 'en', title: 'Vladimir Putin|Evil' }, options());
    expect(r).toMatchObject({ status: 'error', reason: 'malformed' });
    expect(wiki.apiRequests()).toHaveLength(0);
  });

  it('tells the dated facts from the cached card without asking again', async () => {
    const { cardAsOf } = await import('../../../utils/knowledge/articleDate');
    const r = await linkEntities([byId('person:vladimir-putin'), byId('place:khasan')], options());
    const sent = wiki.apiRequests().length;
    const putin = cardAsOf(linked(r['person:vladimir-putin']), '2010-09-01T10:00:00Z', NOW);
    expect(putin.facts.find((f) => f.kind === 'office')).toMatchObject({ value: 'Prime Minister of Russia (2008–2012)', now: 'President of Russia (since 2012)' });
    const khasan = cardAsOf(linked(r['place:khasan']), '2011-01-15', NOW);
    expect(khasan.facts.find((f) => f.kind === 'population')).toMatchObject({ value: '742 (2010)', now: '683 (2021)' });
    expect(wiki.apiRequests().length).toBe(sent);
  });
});

describe('the article’s language first, English as the flagged fallback', () => {
  it('a German article: the German titles in one batch, the names German Wikipedia lacks in one English batch', async () => {
    const russland: EntityRef = { id: 'place:russland', type: 'place', name: 'Russland', aliases: [] };
    const entities = [byId('person:vladimir-putin'), byId('person:kim-jong-un'), russland, byId('place:pyongyang')];
    const r = await linkEntities(entities, options({ lang: 'de-DE', details: false }));
    expect(linked(r['person:vladimir-putin'])).toMatchObject({ title: 'Wladimir Putin', lang: 'de', fellBackToEnglish: false, description: 'russischer Politiker, Präsident Russlands' });
    expect(linked(r['place:russland'])).toMatchObject({ title: 'Russland', lang: 'de', fellBackToEnglish: false });
    expect(linked(r['person:kim-jong-un'])).toMatchObject({ title: 'Kim Jong Un', lang: 'en', fellBackToEnglish: true });
    expect(linked(r['place:pyongyang'])).toMatchObject({ title: 'Pyongyang', lang: 'en', fellBackToEnglish: true });
    const titleRequests = wiki.apiRequests().filter((q) => q.query.titles !== undefined);
    expect(titleRequests.map((q) => q.path)).toEqual(['/de/w/api.php', '/en/w/api.php']);
    // Only the names German Wikipedia lacks went to English.
    expect(titleRequests[1]?.query.titles?.split('|')).not.toContain('Vladimir Putin');
    // Wikidata answers in German first, English second.
    expect(wiki.apiRequests().find((q) => q.query.action === 'wbgetentities')?.query.languages).toBe('de|en');
  });

  it('a French article with the fake French Wikipedia', async () => {
    const moscou: EntityRef = { id: 'place:moscou', type: 'place', name: 'Moscou', aliases: [] };
    const poutine: EntityRef = { id: 'person:poutine', type: 'person', name: 'Vladimir Poutine', aliases: ['Poutine'] };
    const r = await linkEntities([moscou, poutine, byId('person:kim-jong-un')], options({ lang: 'fr', context: 'Vladimir Poutine est à Moscou.', details: false }));
    expect(linked(r['place:moscou'])).toMatchObject({ title: 'Moscou', lang: 'fr', fellBackToEnglish: false, pageUrl: 'https://fr.wikipedia.org/wiki/Moscou' });
    expect(linked(r['person:poutine'])).toMatchObject({ title: 'Vladimir Poutine', lang: 'fr', fellBackToEnglish: false, qid: 'Q7747' });
    expect(linked(r['person:kim-jong-un'])).toMatchObject({ lang: 'en', fellBackToEnglish: true });
    expect(wiki.apiRequests().map((q) => q.path)).toEqual(['/fr/w/api.php', '/en/w/api.php', '/wikidata/w/api.php']);
  });
});
