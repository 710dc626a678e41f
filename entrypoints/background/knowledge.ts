import { browser } from 'wxt/browser';
import { homepage } from '../../package.json';
import { siteOf } from '../../utils/article/siteOf';
import { entityRef } from '../../utils/knowledge/entityRef';
import type { BackstoryDB } from '../../utils/db/schema';
import type { LinkResult } from '../../utils/knowledge/types';
import type { PayloadOut, toBackground } from '../../utils/messaging/protocol';
import { chooseLink, linkDetails, linkEntities } from '../../utils/knowledge/linkEntities';
import { apiUserAgent } from '../../utils/knowledge/userAgent';
import { createWikiClient, type WikiClient } from '../../utils/knowledge/wikiClient';
import { usableEndpoints } from '../../utils/settings/endpoints';
import { endpoints, lookupsEnabled, wikiLanguage } from '../../components/platform/settings';
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
    const [enabled, preferred, stored] = await Promise.all([lookupsEnabled.getValue(), wikiLanguage.getValue(), endpoints.getValue()]);
    // Checked before every use: content scripts can write extension storage (issue #13).
    const apis = usableEndpoints(stored);
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

  type Lookup = PayloadOut<typeof toBackground, 'knowledge/lookup'>;
  // The look-up of an article started when its analysis came in is shared with the panel's own request for it.
  const inFlight = new Map<string, Promise<Record<string, LinkResult>>>();
  const keyOf = (p: Lookup, persist: boolean) => JSON.stringify([p.site, p.lang, p.entities.map((e) => e.id), p.context.length, persist]);
  const lookup = (payload: Lookup, { persist } = { persist: true }): Promise<Record<string, LinkResult>> => {
    const key = keyOf(payload, persist);
    const running = inFlight.get(key);
    if (running) return running;
    // Not persisted (a private window, #18): no background refresh either, it would only be thrown away.
    const started = options(payload.lang).then((o) =>
      linkEntities(payload.entities, { ...o, site: payload.site, context: payload.context, persist, revalidate: persist }),
    );
    inFlight.set(key, started);
    // Once answered, the cache answers the next request for it.
    const forget = () => void (inFlight.get(key) === started && inFlight.delete(key));
    started.then(forget, forget);
    return started;
  };

  return {
    lookup,
    prefetch(state, { persist } = { persist: true }) {
      // The panel shows the list as soon as the analysis is stored, then asks for the background: asking now saves
      // that round trip (the list itself never waits for it). Look-ups off still sends nothing (linkEntities).
      if (state.status !== 'ready' || state.analysis.extraction.kind !== 'article' || state.analysis.entities.length === 0) return;
      const article = state.analysis.extraction.article;
      const entities = state.analysis.entities.map(entityRef);
      void lookup({ entities, lang: article.lang, site: siteOf(article.canonicalUrl), context: article.text }, { persist }).catch(() => undefined);
    },
    async choose({ entity, lang, site, title }) {
      return chooseLink(entity, title, { ...(await options(lang)), site });
    },
    async details({ entity, lang, card }, { persist } = { persist: true }) {
      return linkDetails(entity, card, { ...(await options(lang)), site: '', persist });
    },
  };
}
