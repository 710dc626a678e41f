import type { EntityType } from '../entities/types';

/*
 * One identity for a person, place or organisation across everything the reader has read (issue 16). The Wikidata
 * id when the name is linked ("Q56226"), else the type and the normalised name ("person:kim jong un"). The history,
 * the entity page, the side panel's "You have read N other articles" line and the library's filter all key by this.
 */

/** A Wikidata item id: "Q" and digits. */
const QID = /^Q\d{1,12}$/;

/**
 * A name as compared across articles: Unicode-folded, lower case, accents dropped, hyphens, dots and apostrophes
 * read as spaces, a trailing possessive dropped. "Kim Jong-un", "KIM JONG UN" and "Kim Jong Un’s" are one.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[\p{Pd}.'’‘"“”,]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The identity key of an entity without a link: type and normalised name (isLinkedKey tells the two kinds apart). */
export function unlinkedKey(type: EntityType, name: string): string {
  return `${type}:${normalizeName(name)}`;
}

/** The identity key: the Wikidata id when there is one, else type and normalised name. */
export function identityKey(entity: { type: EntityType; name: string; qid?: string | null }): string {
  return entity.qid && QID.test(entity.qid) ? entity.qid : unlinkedKey(entity.type, entity.name);
}

/** True for a key that is a Wikidata id (a linked identity). */
export function isLinkedKey(key: string): boolean {
  return QID.test(key);
}
