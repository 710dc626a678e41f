import { browser } from 'wxt/browser';
import { homepage } from '../../package.json';
import type { BackstoryDB } from '../../utils/db/schema';
import { chooseLink, linkDetails, linkEntities } from '../../utils/knowledge/linkEntities';
import { apiUserAgent } from '../../utils/knowledge/userAgent';
import { createWikiClient, type WikiClient } from '../../utils/knowledge/wikiClient';
import { endpoints, lookupsEnabled, wikiLanguage } from '../../utils/settings/items';
import type { KnowledgeService } from './handlers';

/** The Api-User-Agent Wikimedia asks clients to send: who we are, which version, and where to reach us. */
export function userAgent(): string {
  return apiUserAgent(browser.runtime.getManifest().version, homepage);
}

/**
 * Wikipedia/Wikidata look-ups for the side panel. One client for the worker's life, so every request from every
 * panel goes through the same serial queue (never a burst). The list is answered without the cards' details
 * (three requests for an article); an opened card asks for its own (`details`).
 */
export function createKnowledgeService(db: BackstoryDB): KnowledgeService {
  let client: WikiClient | undefined;
  const shared = (): WikiClient => (client ??= createWikiClient({ fetch: (...args) => fetch(...args), userAgent: userAgent() }));

  const options = async (articleLang: string | null) => {
    const [enabled, preferred, apis] = await Promise.all([lookupsEnabled.getValue(), wikiLanguage.getValue(), endpoints.getValue()]);
    return {
      enabled,
      lang: preferred === 'auto' ? articleLang : preferred,
      endpoints: apis,
      fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
      db,
      userAgent: userAgent(),
      client: shared(),
      details: false,
    };
  };

  return {
    async lookup({ entities, lang, site, context }) {
      return linkEntities(entities, { ...(await options(lang)), site, context });
    },
    async choose({ entity, lang, site, title }) {
      return chooseLink(entity, title, { ...(await options(lang)), site });
    },
    async details({ entity, lang, card }) {
      return linkDetails(entity, card, { ...(await options(lang)), site: '' });
    },
  };
}
