import { browser } from 'wxt/browser';
import type { BackstoryDB } from '../../utils/db/schema';
import { chooseLink, linkEntities } from '../../utils/knowledge/linkEntities';
import { createWikiClient, type WikiClient } from '../../utils/knowledge/wikiClient';
import { endpoints, lookupsEnabled, wikiLanguage } from '../../utils/settings/items';
import type { KnowledgeService } from './handlers';

/** The Api-User-Agent Wikimedia asks clients to send: who we are and which version. */
export function userAgent(): string {
  return `Backstory/${browser.runtime.getManifest().version} (reading-companion browser extension)`;
}

/**
 * Wikipedia/Wikidata look-ups for the side panel. One client for the worker's life, so every request from every
 * panel goes through the same serial queue (never a burst).
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
    };
  };

  return {
    async lookup({ entities, lang, site, context }, { persist } = { persist: true }) {
      // Not persisted (a private window): no background refresh either, it would only be thrown away.
      return linkEntities(entities, { ...(await options(lang)), site, context, persist, revalidate: persist });
    },
    async choose({ entity, lang, site, title }) {
      return chooseLink(entity, title, { ...(await options(lang)), site });
    },
  };
}
