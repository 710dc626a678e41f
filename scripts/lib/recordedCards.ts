import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCard } from '../../utils/knowledge/buildCard';
import type { KeyFact, KnowledgeCard } from '../../utils/knowledge/types';

/** A recorded Wikipedia summary in tests/fixtures/sidepanel/wiki-pages.json. */
export interface RecordedPage {
  title: string;
  qid: string;
  description: string | null;
  extractHtml: string;
  thumbnail: { source: string; width: number; height: number } | null;
  coordinates: [number, number] | null;
}

// A path built from strings: under jsdom the global URL is jsdom's, which fileURLToPath refuses.
const FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/sidepanel/wiki-pages.json');

/** The recorded summaries, in file order. */
export const RECORDED_PAGES = JSON.parse(readFileSync(FILE, 'utf8')) as RecordedPage[];

/**
 * The English card the knowledge layer builds (utils/knowledge/buildCard) for a recorded summary, so tests and benches
 * render what the product makes of it (sanitised extract, page URL, thumbnail, coordinates), never a hand-made shape.
 * The recordings carry no Wikidata statements, so the facts are given as the layer would have told them; the card
 * counts as detailed (lead sentences and labels in hand), as once the reader has opened it.
 */
export function recordedCard(page: RecordedPage, facts: readonly KeyFact[]): KnowledgeCard {
  const built = buildCard({
    page: {
      title: page.title,
      pageid: 0,
      qid: page.qid,
      description: page.description,
      disambiguation: false,
      extractHtml: page.extractHtml,
      thumbnail: page.thumbnail ? { url: page.thumbnail.source, width: page.thumbnail.width, height: page.thumbnail.height } : null,
      coordinates: page.coordinates ? { lat: page.coordinates[0], lon: page.coordinates[1] } : null,
      url: null,
      index: null,
    },
    lang: 'en',
    fellBackToEnglish: false,
    type: 'other',
    item: undefined,
    labelOf: () => null,
    fictional: false,
    now: 0,
    factsMissing: false,
  });
  // Without a Wikidata item there are no statements to tell facts from, so factsType and labels mean nothing here.
  const { factsType: _factsType, labels: _labels, ...card } = built;
  return { ...card, facts: [...facts], detailed: true };
}
