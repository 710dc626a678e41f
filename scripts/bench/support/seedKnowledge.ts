import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Entity } from '../../../utils/entities/types';
import type { KnowledgeCard, LinkResult } from '../../../utils/knowledge/types';

/** A recorded Wikipedia summary in tests/fixtures/sidepanel/wiki-pages.json. */
interface WikiPage {
  title: string;
  qid: string;
  description: string | null;
  extractHtml: string;
  thumbnail: { source: string; width: number; height: number } | null;
}

const pages = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../../tests/fixtures/sidepanel/wiki-pages.json', import.meta.url)), 'utf8'),
) as WikiPage[];

function card(page: WikiPage): KnowledgeCard {
  return {
    lang: 'en',
    fellBackToEnglish: false,
    title: page.title,
    qid: page.qid,
    description: page.description,
    extractHtml: page.extractHtml,
    thumbnail: page.thumbnail ? { url: page.thumbnail.source, width: page.thumbnail.width, height: page.thumbnail.height } : null,
    pageUrl: `https://en.wikipedia.org/wiki/${encodeURIComponent(page.title)}`,
    facts: [{ kind: 'born', label: 'Born', value: '7 October 1952 (age 74)' }],
    coordinates: null,
    fictional: false,
  };
}

/** Every entity linked to a card built from the recorded summaries (round-robin): realistic card sizes for render benches. */
export function linkedKnowledge(entities: readonly Entity[]): Record<string, LinkResult> {
  return Object.fromEntries(
    entities.map((e, i) => [e.id, { status: 'linked', card: card(pages[i % pages.length]!), candidates: [], chosenByReader: false }]),
  );
}
