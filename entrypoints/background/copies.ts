import { DEFAULT_COPY_LIMITS, type CopyLimits, type KeepResult, keepCopy } from '../../utils/db/copies';
import type { BackstoryDB } from '../../utils/db/schema';
import { getTabState } from './tabState';

/**
 * Keeps the reader's copy of the article a tab shows (issue 17), from the analysis the tab's content script sent
 * (its HTML is the analyser's sanitised HTML; the page's own markup never reaches the database). Only when the tab's
 * article is the one named: a tab that navigated meanwhile gives nothing. Never throws: a highlight is saved even
 * when its copy cannot be.
 */
export async function keepCopyFromTab(
  db: BackstoryDB,
  tabId: number | undefined,
  url: string,
  limits: () => Promise<CopyLimits> = async () => DEFAULT_COPY_LIMITS,
): Promise<KeepResult | null> {
  if (tabId === undefined) return null;
  try {
    const state = await getTabState(tabId);
    if (state?.status !== 'ready' || state.analysis.extraction.kind !== 'article') return null;
    const article = state.analysis.extraction.article;
    if (article.canonicalUrl !== url) return null;
    return await keepCopy(db, url, article, await limits());
  } catch (error) {
    console.warn('[backstory] no copy kept', error);
    return null;
  }
}
