import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackstoryDB } from '../../../utils/db/schema';
import { linkEntities, type LinkOptions } from '../../../utils/knowledge/linkEntities';
import type { EntityRef } from '../../../utils/knowledge/resolveEntities';
import { startFakeWiki, type FakeWiki } from '../../../scripts/lib/fakeWiki';
import { SEED_TEXT } from '../../../scripts/lib/seed';

/* `persist: false` (an article read in a private window, #18): the reader gets the background, the cache gets nothing. */

const fixture = (name: string) => new URL(`../../fixtures/wiki/${name}`, import.meta.url);
const SEED: EntityRef[] = JSON.parse(readFileSync(fixture('seed-entities.json'), 'utf8'));

let wiki: FakeWiki;
beforeAll(async () => {
  wiki = await startFakeWiki();
});
afterAll(() => wiki.close());

describe('linkEntities for a private window', () => {
  it('answers from Wikipedia without writing the cache, where the same call otherwise fills it', async () => {
    const db = new BackstoryDB(`knowledge-private-${crypto.randomUUID()}`);
    const options = (persist: boolean): LinkOptions => ({
      lang: 'en', site: 'www.example-news.com', context: SEED_TEXT, endpoints: wiki.endpoints, fetch, db, enabled: true, userAgent: 'Backstory/test', persist,
    });
    const privately = await linkEntities(SEED, options(false));
    expect(privately['person:vladimir-putin']).toMatchObject({ status: 'linked', card: { title: 'Vladimir Putin' } });
    expect(wiki.apiRequests().length).toBeGreaterThan(0);
    expect(await db.knowledge.count()).toBe(0);

    await linkEntities(SEED, options(true));
    expect(await db.knowledge.count()).toBeGreaterThan(0);
    db.close();
    await db.delete();
  });
});
