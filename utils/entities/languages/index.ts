/**
 * The language path of the entity finder (issue 12): which language a text is read as, and the per-language passes
 * findEntities runs on its tokens, candidates and entities. English and other cased languages pass through.
 */
import type { Candidate } from '../spot';
import type { Token } from '../tokenize';
import type { Entity } from '../types';
import { adaptCandidates } from './adaptCandidates';
import { adaptEntities } from './adaptEntities';
import { adaptTokens } from './adaptTokens';
import { languageSupport, type LanguageSupport } from './languageSupport';

export { languageSupport, type EntitySupport, type LanguageSupport } from './languageSupport';

/** The passes of one text's language path. */
export interface LanguagePath {
  support: LanguageSupport;
  /** Rewrites tokens in place before spotting. */
  adaptTokens(tokens: Token[]): void;
  /** Adds the language's clues to the spotted candidates of `text` (whose tokens these are). */
  adaptCandidates(text: string, tokens: readonly Token[], cands: Candidate[]): Candidate[];
  /** Final entity-level rules (text's own letter case, Russian case forms). */
  adaptEntities(entities: Entity[]): Entity[];
}

/** The language path for a text whose page declares `lang`. */
export function languagePath(lang: string | null | undefined, text: string): LanguagePath {
  const support = languageSupport(lang, text);
  // Other cased languages the page names (Czech…) get the language-neutral passes; English and unknown ones none.
  const code = support.entities === 'full' || (support.entities === 'basic' && support.lang !== 'und') ? support.lang : '';
  return {
    support,
    adaptTokens: (tokens) => adaptTokens(code, tokens),
    adaptCandidates: (t, tokens, cands) => adaptCandidates(code, t, tokens, cands),
    adaptEntities: (entities) => adaptEntities(code, entities),
  };
}
