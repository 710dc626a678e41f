import { keyFacts } from './keyFacts';
import type { KnowledgeCard, LinkResult } from './types';

/** The earliest publication date facts are told for: Wikidata's dated statements thin out before it. */
const EARLIEST = Date.UTC(1800, 0, 1);
/** A day of slack for time zones: "today's" article is told with today's facts. */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Epoch ms of an article's publication date (ISO 8601), or null when there is none or it is not plausible. */
export function publicationTime(published: string | null | undefined, now: number): number | null {
  if (!published) return null;
  const t = Date.parse(published);
  if (!Number.isFinite(t) || t < EARLIEST || t > now + DAY_MS) return null;
  return t;
}

/**
 * The card with its facts told as of the article's publication date (offices held then, age then, the population
 * figure nearest that date), today's value beside each where it differs. Without a date, or for a card without
 * Wikidata statements, the card is returned as it is: today's facts.
 */
export function cardAsOf(card: KnowledgeCard, published: string | null | undefined, now: number): KnowledgeCard {
  const asOf = publicationTime(published, now);
  if (asOf === null || !card.item || !card.factsType) return card;
  const labels = card.labels ?? {};
  return {
    ...card,
    facts: keyFacts(card.factsType, card.item, (id) => labels[id] ?? null, now, asOf),
    factsAsOf: new Date(asOf).toISOString().slice(0, 10),
  };
}

/** A look-up result with its card's facts as of the article's date (see cardAsOf). */
export function resultAsOf(result: LinkResult, published: string | null | undefined, now: number): LinkResult {
  return result.status === 'linked' ? { ...result, card: cardAsOf(result.card, published, now) } : result;
}
