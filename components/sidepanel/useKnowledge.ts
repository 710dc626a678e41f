import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../utils/article/types';
import { siteOf } from '../../utils/article/siteOf';
import { entityRef } from '../../utils/knowledge/entityRef';
import type { Entity } from '../../utils/entities/types';
import { resultAsOf } from '../../utils/knowledge/articleDate';
import { purifyExtract } from '../../utils/knowledge/purifyExtract';
import type { LinkResult } from '../../utils/knowledge/types';
import { MessageError, send } from '../platform/messaging';
import { lookupsEnabled } from '../platform/settings';
import type { LookupsState } from '../entities/EntitySections';
import { useStorageItem } from '../shared/useStorageItem';

/**
 * Wikipedia HTML is hostile: the background already rebuilt it from an allowlist (it has no DOM); DOMPurify runs
 * here again before the panel renders it.
 */
function purified(result: LinkResult): LinkResult {
  if (result.status !== 'linked' || !result.card.extractHtml) return result;
  const clean = purifyExtract(result.card.extractHtml, window);
  return { ...result, card: { ...result.card, extractHtml: clean } };
}

/** A result as the panel shows it: sanitised again, its facts told as of the article's publication date. */
function forArticle(result: LinkResult, article: Article): LinkResult {
  return resultAsOf(purified(result), article.publishedTime, Date.now());
}

/** How long to wait before asking again for entities whose look-up failed (offline, timeout, server trouble). */
const RETRY_MS = 30_000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * Background knowledge for an article's entities, asked of the background (which caches and queues the requests).
 * Never blocks the panel: entities show at once, cards fill in; failures are retried later and when back online.
 */
export function useKnowledge(article: Article, entities: readonly Entity[], tabId?: number) {
  const [enabled] = useStorageItem(lookupsEnabled);
  const online = useOnline();
  const [knowledge, setKnowledge] = useState<Record<string, LinkResult | 'loading'>>({});
  const [attempt, setAttempt] = useState(0);
  const entityKey = entities.map((e) => e.id).join('|');

  useEffect(() => {
    // While the setting is still being read (undefined) the look-up is asked anyway: the background enforces it
    // (look-ups off sends nothing), and the first descriptions need not wait for a storage read.
    if (enabled === false || entities.length === 0) {
      setKnowledge({});
      return;
    }
    let alive = true;
    setKnowledge((previous) => Object.fromEntries(entities.map((e) => [e.id, previous[e.id] ?? 'loading'])));
    const retry = setTimeout(() => alive && setAttempt((n) => n + 1), RETRY_MS);
    send('knowledge/lookup', {
      entities: entities.map(entityRef),
      lang: article.lang,
      site: siteOf(article.canonicalUrl),
      context: article.text,
      // The background does not cache what it fetches for an article in a private window.
      tabId,
    })
      .then((results) => {
        if (!alive) return;
        setKnowledge(Object.fromEntries(Object.entries(results).map(([id, r]) => [id, forArticle(r, article)])));
        // Only failures that may pass are worth another try.
        if (!Object.values(results).some((r) => r.status === 'error' && r.reason !== 'disabled')) clearTimeout(retry);
      })
      .catch((error: unknown) => {
        if (!alive) return;
        const message = error instanceof MessageError ? error.message : 'Background could not be loaded.';
        setKnowledge(Object.fromEntries(entities.map((e) => [e.id, { status: 'error', reason: 'http', message } as const])));
      });
    return () => {
      alive = false;
      clearTimeout(retry);
    };
    // entityKey stands for the entity list; the article's URL for the article.
  }, [article.canonicalUrl, entityKey, enabled, online, attempt, tabId]);

  const choose = useCallback(
    (entity: Entity, title: string | null) => {
      setKnowledge((k) => ({ ...k, [entity.id]: 'loading' }));
      void send('knowledge/choose', {
        entity: entityRef(entity),
        lang: article.lang ?? 'en',
        site: siteOf(article.canonicalUrl),
        title,
      })
        .then((result) => setKnowledge((k) => ({ ...k, [entity.id]: forArticle(result, article) })))
        .catch((error: unknown) =>
          setKnowledge((k) => ({
            ...k,
            [entity.id]: { status: 'error', reason: 'http', message: error instanceof Error ? error.message : 'Could not save your choice.' },
          })),
        );
    },
    [article.canonicalUrl, article.lang, article.publishedTime],
  );

  // An opened card's lead sentences and fact labels are asked for once, when it is first opened (the list itself
  // was answered without them). The latest knowledge is read through a ref so the callback stays stable.
  const latest = useRef(knowledge);
  latest.current = knowledge;
  const asked = useRef(new Set<string>());
  const details = useCallback(
    (entity: Entity) => {
      const current = latest.current[entity.id];
      if (typeof current !== 'object' || current.status !== 'linked' || current.card.detailed !== false || current.card.factsMissing) return;
      const key = `${current.card.lang}:${current.card.title}`;
      if (asked.current.has(key)) return;
      asked.current.add(key);
      void send('knowledge/details', {
        entity: entityRef(entity),
        lang: article.lang,
        card: { lang: current.card.lang, title: current.card.title },
        tabId,
      })
        .then((result) => {
          if (result.status !== 'linked') {
            asked.current.delete(key);
            return;
          }
          setKnowledge((k) => {
            const now = k[entity.id];
            // Only the card is new: how it was matched and the candidates stay as the list gave them.
            if (typeof now !== 'object' || now.status !== 'linked' || now.card.title !== result.card.title) return k;
            const next = forArticle({ ...now, card: result.card }, article);
            return { ...k, [entity.id]: next };
          });
        })
        .catch(() => asked.current.delete(key));
    },
    [article.canonicalUrl, article.lang, article.publishedTime, tabId],
  );

  const lookupsState: LookupsState = enabled === false ? 'off' : online ? 'on' : 'offline';
  return { knowledge, lookupsState, choose, details };
}
