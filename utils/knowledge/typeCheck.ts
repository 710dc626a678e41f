import type { EntityType } from '../entities/types';
import type { LabelOf } from './keyFacts';
import { itemValues, type WdEntity } from './wikidataEntities';

/** How well a Wikidata item fits the entity's type. */
export type TypeVerdict = 'ok' | 'fictional' | 'mismatch' | 'unknown';

const HUMAN = 'Q5';
const DISAMBIGUATION = 'Q4167410';
/**
 * Classes of fictional characters common on Wikidata. Walking P279 to Q95074 would cost a request per level, so we
 * match this list and, failing that, the class's label ("animated character", "fictional human").
 */
const FICTIONAL_CLASSES = new Set([
  'Q95074', // fictional character
  'Q15632617', // fictional human
  'Q15711870', // animated character
  'Q1114461', // comics character
  'Q15773347', // film character
  'Q15773317', // television character
  'Q3658341', // literary character
  'Q21070598', // character that may be fictional
  'Q4271324', // mythical character
  'Q1569167', // video game character
]);

function isFictional(classes: string[], labelOf: LabelOf): boolean {
  return classes.some((c) => FICTIONAL_CLASSES.has(c) || /\b(fictional|character)\b/i.test(labelOf(c) ?? ''));
}

/**
 * Type check through Wikidata: a person must be an instance of human (fictional characters are accepted as
 * characters), a place must have coordinates (P625) or a country (P17), nothing may be a disambiguation item.
 */
export function checkType(type: EntityType, entity: WdEntity | undefined, labelOf: LabelOf): TypeVerdict {
  if (!entity) return 'unknown';
  const classes = itemValues(entity, 'P31');
  if (classes.includes(DISAMBIGUATION)) return 'mismatch';
  const fictional = !classes.includes(HUMAN) && isFictional(classes, labelOf);
  switch (type) {
    case 'person':
      if (classes.includes(HUMAN)) return 'ok';
      return fictional ? 'fictional' : 'mismatch';
    case 'place':
      if (classes.includes(HUMAN) || fictional) return 'mismatch';
      return entity.claims.P625?.length || entity.claims.P17?.length ? 'ok' : 'mismatch';
    case 'organization':
      if (classes.includes(HUMAN)) return 'mismatch';
      return fictional ? 'fictional' : 'ok';
    default:
      return fictional ? 'fictional' : 'ok';
  }
}
