import { mayClaim } from '../../utils/article/canonicalUrl';
import type { BackstoryDB } from '../../utils/db/schema';
import type { Entity } from '../../utils/entities/types';
import { linkRead, recordRead, type ResolvedLink } from '../../utils/history/recordRead';
import type { LinkResult } from '../../utils/knowledge/types';
import type { PageAnalysis } from '../../utils/messaging/tabState';

/*
 * The reading history's two writes (issue 16), called by the handlers once they have decided the article may be
 * remembered (history on, not a private window): an analysis arrived, or a look-up linked its names.
 */

/** Remembers an analysed article; `pageUrl` is the page the browser says it came from (a page claims only its own). */
export async function rememberAnalysis(db: BackstoryDB, analysis: PageAnalysis, pageUrl: string): Promise<boolean> {
  if (analysis.extraction.kind !== 'article') return false;
  const article = analysis.extraction.article;
  if (!mayClaim(pageUrl, article.canonicalUrl)) return false;
  await recordRead(db, { article, pageUrl, entities: analysis.entities });
  return true;
}

/** Gives a read article's names the Wikidata ids a look-up found for them. */
export async function rememberLinks(
  db: BackstoryDB,
  url: string,
  entities: ReadonlyArray<Pick<Entity, 'id' | 'type' | 'name'>>,
  results: Record<string, LinkResult>,
): Promise<number> {
  const links: ResolvedLink[] = [];
  for (const e of entities) {
    const r = results[e.id];
    if (r?.status === 'linked' && r.card.qid && !r.card.fictional) links.push({ type: e.type, name: e.name, qid: r.card.qid, title: r.card.title });
  }
  return linkRead(db, url, links);
}
