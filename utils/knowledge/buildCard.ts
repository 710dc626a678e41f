import type { EntityType } from '../entities/types';
import { compactItem, keyFacts, referencedIds, wikidataCoordinates, type LabelOf } from './keyFacts';
import { sanitizeExtract } from './sanitizeExtract';
import type { KnowledgeCard, LinkCandidate } from './types';
import type { WdEntity } from './wikidataEntities';
import type { WikiPage } from './wikiPage';
import { articleUrl } from './wikiUrls';
import { parseHttpUrl } from '../url/httpUrl';

/** Everything a card is made of. */
export interface CardInput {
  page: WikiPage;
  lang: string;
  fellBackToEnglish: boolean;
  type: EntityType;
  /** The page's Wikidata item, when it could be fetched. */
  item: WdEntity | undefined;
  labelOf: LabelOf;
  fictional: boolean;
  now: number;
  /** True when Wikidata failed, so facts could not be read. */
  factsMissing: boolean;
}

/** The labels a card's facts need that `labelOf` knows now. */
function knownLabels(type: EntityType, item: WdEntity, labelOf: LabelOf): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of referencedIds(type, item)) {
    const label = labelOf(id);
    if (label) out[id] = label;
  }
  return out;
}

/**
 * The card for a linked entity; extract HTML is sanitised here, before it is stored or sent anywhere. The card keeps
 * its Wikidata statements (compacted) and the labels known so far, so its facts can be told again as of any date and
 * completed when the card is opened (details.ts).
 */
export function buildCard(input: CardInput): KnowledgeCard {
  const { page, item } = input;
  // A character's Wikidata item has no birth, office or citizenship worth showing as a real person's facts.
  const factsType: EntityType = input.fictional ? 'other' : input.type;
  const labels = item ? knownLabels(factsType, item, input.labelOf) : {};
  const card: KnowledgeCard = {
    lang: input.lang,
    fellBackToEnglish: input.fellBackToEnglish,
    title: page.title,
    qid: page.qid,
    description: page.description ?? item?.description ?? null,
    extractHtml: page.extractHtml ? sanitizeExtract(page.extractHtml) || null : null,
    thumbnail: page.thumbnail,
    // The URL as Wikipedia gave it when it is a web address (utils/url/httpUrl), else the one built from the title.
    pageUrl: page.url && parseHttpUrl(page.url) ? page.url : articleUrl(input.lang, page.title),
    facts: item ? keyFacts(factsType, item, (id) => labels[id] ?? null, input.now) : [],
    coordinates: (item ? wikidataCoordinates(item) : null) ?? page.coordinates,
    fictional: input.fictional,
    factsType,
    labels,
    detailed: false,
  };
  if (item) card.item = compactItem(item);
  if (input.factsMissing) card.factsMissing = true;
  return card;
}

/** Item ids a card's facts still need labels for. */
export function missingLabels(card: KnowledgeCard): string[] {
  if (!card.item || !card.factsType) return [];
  return referencedIds(card.factsType, card.item).filter((id) => card.labels?.[id] === undefined);
}

/** The card with these labels added and its (today's) facts told again. */
export function withLabels(card: KnowledgeCard, labels: ReadonlyMap<string, string>, now: number): KnowledgeCard {
  if (!card.item || !card.factsType) return card;
  const merged: Record<string, string> = { ...card.labels };
  for (const id of referencedIds(card.factsType, card.item)) {
    const label = labels.get(id);
    if (label && merged[id] === undefined) merged[id] = label;
  }
  return { ...card, labels: merged, facts: keyFacts(card.factsType, card.item, (id) => merged[id] ?? null, now) };
}

/** A candidate entry for the reader's "choose another" list. */
export function toCandidate(page: WikiPage): LinkCandidate {
  return { title: page.title, description: page.description, qid: page.qid };
}
