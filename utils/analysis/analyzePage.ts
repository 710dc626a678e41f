import { extractArticle } from '../article/extractArticle';
import type { ExtractionResult } from '../article/types';
import { findEntities } from '../entities/findEntities';
import { modelFor } from '../entities/model/load';
import type { Entity } from '../entities/types';

/** Everything Backstory learns from one page without the network. */
export interface PageAnalysis {
  url: string;
  extraction: ExtractionResult;
  entities: Entity[];
  analyzedAt: number;
}

/**
 * Extracts the article and finds its entities: the same code in the content script, the CLI and the tests.
 * `force` extracts even a page that does not look like an article ("Try anyway").
 */
export function analyzePage(doc: Document, url: string, opts: { force?: boolean; now?: number } = {}): PageAnalysis {
  const extraction = extractArticle(doc, url, { force: opts.force ?? false });
  const entities =
    extraction.kind === 'article'
      ? findEntities({
          text: extraction.article.text,
          title: extraction.article.title,
          byline: extraction.article.byline,
          lang: extraction.article.lang,
        }, { model: modelFor(extraction.article.lang) })
      : [];
  return { url, extraction, entities, analyzedAt: opts.now ?? Date.now() };
}
