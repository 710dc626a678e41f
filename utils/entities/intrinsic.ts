import type { Candidate } from './candidate';
import { isKnownOrganization, isLastName, lookupPlace } from './gazetteer';
import { ACRONYMS, FICTIONAL } from './lexicon';
import type { EntityType } from './types';

// Family-name endings common in news from eastern and southern Europe, the Caucasus and Turkey
// ("Vondrousova", "Djokovic", "Zelenskiy", "Kasukuwere" is not one): enough to call an unknown full name a person.
const SURNAME_ENDING = /(?:ova|eva|ov|ev|ski|sky|skiy|ska|enko|chuk|vich|vić|vic|ić|dze|shvili|yan|oğlu|oglu|escu|ović|sson|sen|poulos|akis)$/u;

/** A candidate's type and canonical name on its own evidence; `sure` when the evidence outweighs the context. */
export type Intrinsic = { type: EntityType; name: string; fictional?: boolean; sure: boolean } | null;

/** What a candidate is on its own evidence, before looking at the rest of the article. */
export function intrinsic(c: Candidate): Intrinsic {
  if (c.kind === 'demonym') return null;
  const fictionalKey = c.key.replace(/ /g, '-');
  if (FICTIONAL.has(fictionalKey)) return { type: 'person', name: c.name, fictional: true, sure: true };
  if (c.kind === 'byline') return { type: 'person', name: c.name, sure: true };
  const acronym = ACRONYMS[c.name];
  if (acronym) return { type: acronym.type, name: acronym.name, sure: true };
  const place = lookupPlace(c.name);
  if (c.kind === 'dateline') return { type: 'place', name: place?.name ?? c.name, sure: true };
  if (place && !c.titled) return { type: 'place', name: place.name, sure: place.kind === 'country' || c.words > 1 };
  if (isKnownOrganization(c.name)) return { type: 'organization', name: c.name, sure: true };
  if (c.orgKeyword) return { type: 'organization', name: c.name, sure: true };
  if (c.placeKeyword) return { type: 'place', name: c.name, sure: true };
  // "Whole Foods said" is not a person: "said" counts only for names made of words the text never uses in lower case.
  const strongPerson = c.titled || c.nationality || c.personContext || (c.saidContext && !c.commonWord);
  // "Floods in Rio Grande do Sul": a particle or a first-name-like word does not outweigh "in".
  if (c.words >= 2 && c.placeContext && !strongPerson) return { type: 'place', name: c.name, sure: false };
  if (c.words >= 2 && (c.firstNameFirst || c.hasParticle || strongPerson)) {
    return { type: 'person', name: c.name, sure: true };
  }
  const last = c.name.split(/\s+/).pop() ?? '';
  if (c.words >= 2 && (isLastName(last) || SURNAME_ENDING.test(last))) return { type: 'person', name: c.name, sure: true };
  if (c.titled) return { type: 'person', name: c.name, sure: false };
  return null;
}
