import { extractArticle } from '../article/extractArticle';
import type { ExtractionResult } from '../article/types';
import { findEntities } from '../entities/findEntities';
import { languageSupport, type LanguageSupport } from '../entities/languages';
import { modelFor } from '../entities/model/load';
import type { Entity } from '../entities/types';

/** Everything Backstory learns from one page without the network. */
export interface PageAnalysis {
  url: string;
  extraction: ExtractionResult;
  entities: Entity[];
  /** The language the entities were read in, and how well (issue 12); absent when there is no article. */
  language?: LanguageSupport;
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
  const language = extraction.kind === 'article' ? languageSupport(extraction.article.lang, extraction.article.text) : undefined;
  return { url, extraction, entities, ...(language ? { language } : {}), analyzedAt: opts.now ?? Date.now() };
}
