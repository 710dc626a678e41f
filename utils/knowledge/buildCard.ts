import type { EntityType } from '../entities/types';
import { keyFacts, wikidataCoordinates, type LabelOf } from './keyFacts';
import { sanitizeExtract } from './sanitizeExtract';
import type { KnowledgeCard, LinkCandidate } from './types';
import type { WdEntity } from './wikidataEntities';
import type { WikiPage } from './wikiPage';
import { articleUrl } from './wikiUrls';

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

/** The card for a linked entity; extract HTML is sanitised here, before it is stored or sent anywhere. */
export function buildCard(input: CardInput): KnowledgeCard {
  const { page, item } = input;
  const card: KnowledgeCard = {
    lang: input.lang,
    fellBackToEnglish: input.fellBackToEnglish,
    title: page.title,
    qid: page.qid,
    description: page.description ?? item?.description ?? null,
    extractHtml: page.extractHtml ? sanitizeExtract(page.extractHtml) || null : null,
    thumbnail: page.thumbnail,
    pageUrl: page.url && /^https?:\/\//.test(page.url) ? page.url : articleUrl(input.lang, page.title),
    // A character's Wikidata item has no birth, office or citizenship worth showing as a real person's facts.
    facts: item ? keyFacts(input.fictional ? 'other' : input.type, item, input.labelOf, input.now) : [],
    coordinates: (item ? wikidataCoordinates(item) : null) ?? page.coordinates,
    fictional: input.fictional,
  };
  if (input.factsMissing) card.factsMissing = true;
  return card;
}

/** A candidate entry for the reader's "choose another" list. */
export function toCandidate(page: WikiPage): LinkCandidate {
  return { title: page.title, description: page.description, qid: page.qid };
}
