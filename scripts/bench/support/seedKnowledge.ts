import type { Entity } from '../../../utils/entities/types';
import type { LinkResult } from '../../../utils/knowledge/types';
import { RECORDED_PAGES, recordedCard } from '../../lib/recordedCards';

const BORN = [{ kind: 'born' as const, label: 'Born', value: '7 October 1952 (age 74)' }];

/** Every entity linked to a card built from the recorded summaries (round-robin): realistic card sizes for render benches. */
export function linkedKnowledge(entities: readonly Entity[]): Record<string, LinkResult> {
  return Object.fromEntries(
    entities.map((e, i) => [e.id, { status: 'linked', card: recordedCard(RECORDED_PAGES[i % RECORDED_PAGES.length]!, BORN), candidates: [], chosenByReader: false }]),
  );
}
