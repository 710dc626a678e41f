import type { Entity } from '../../utils/entities/types';
import type { KnowledgeCard, LinkCandidate, LinkResult } from '../../utils/knowledge/types';

// The panel receives its state through extension messaging, which structured-clones it: every update brings fresh
// objects even for entities whose card did not change. Comparing by value keeps the memoised rows from all
// re-rendering when one card arrives (see scripts/bench/sidepanel.ts, "re-sent as fresh copies").

function sameMentions(a: Entity['mentions'], b: Entity['mentions']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b[i]!.start || a[i]!.end !== b[i]!.end) return false;
  return true;
}

/** True when two entities would render the same row and card. */
export function sameEntity(a: Entity, b: Entity): boolean {
  return (
    a === b ||
    (a.id === b.id && a.name === b.name && a.type === b.type && a.fictional === b.fictional && sameMentions(a.mentions, b.mentions))
  );
}

function sameCandidates(a: readonly LinkCandidate[], b: readonly LinkCandidate[]): boolean {
  return a.length === b.length && a.every((c, i) => c.title === b[i]!.title && c.description === b[i]!.description);
}

function sameCard(a: KnowledgeCard, b: KnowledgeCard): boolean {
  return (
    a.title === b.title &&
    a.lang === b.lang &&
    a.description === b.description &&
    a.extractHtml === b.extractHtml &&
    a.pageUrl === b.pageUrl &&
    a.fellBackToEnglish === b.fellBackToEnglish &&
    a.fictional === b.fictional &&
    a.detailed === b.detailed &&
    a.factsAsOf === b.factsAsOf &&
    a.thumbnail?.url === b.thumbnail?.url &&
    a.coordinates?.lat === b.coordinates?.lat &&
    a.coordinates?.lon === b.coordinates?.lon &&
    a.facts.length === b.facts.length &&
    a.facts.every((f, i) => f.kind === b.facts[i]!.kind && f.label === b.facts[i]!.label && f.value === b.facts[i]!.value && f.now === b.facts[i]!.now)
  );
}

/** True when two look-up states would render the same row and card. */
export function sameKnowledge(a: LinkResult | 'loading' | undefined, b: LinkResult | 'loading' | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  switch (a.status) {
    case 'linked':
      return (
        b.status === 'linked' &&
        a.chosenByReader === b.chosenByReader &&
        JSON.stringify(a.match) === JSON.stringify(b.match) &&
        sameCard(a.card, b.card) &&
        sameCandidates(a.candidates, b.candidates)
      );
    case 'unlinked':
      return b.status === 'unlinked' && a.reason === b.reason && a.miss === b.miss && sameCandidates(a.candidates, b.candidates);
    case 'error':
      return b.status === 'error' && a.reason === b.reason;
  }
}
