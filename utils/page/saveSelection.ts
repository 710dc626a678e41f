import { toArticleRef } from '../article/articleRef';
import { describe } from '../highlights/describe';
import { describeStructure } from '../highlights/placeHighlights';
import { type SelectionCheck, selectionToOffsets } from '../highlights/selection';
import type { HighlightColor, HighlightScope } from '../highlights/types';
import type { HighlightRecord } from '../messaging/protocol';
import type { ArticleContext } from './articleContext';
import type { SendToBackground } from './env';

/**
 * A selection as offsets in the article text, or else in the page's whole readable text (issue 14: a reader may
 * highlight anywhere they read — live-blog entries, boxes, captions Readability leaves out).
 */
export function checkSelection(range: Range, context: ArticleContext): { check: SelectionCheck; scope: HighlightScope; text: string } {
  const inArticle = selectionToOffsets(range, context.index, context.article.text);
  if (inArticle.ok || inArticle.reason !== 'outside-article') return { check: inArticle, scope: 'article', text: context.article.text };
  const page = context.spaces.page();
  return { check: selectionToOffsets(range, page.index, page.text), scope: 'page', text: page.text };
}

/**
 * Saves a selection as a new highlight, or re-attaches the orphan `reattachId` to it, through the background. A
 * selection that cannot be a highlight writes nothing and says why; a failed message throws (the caller words it).
 */
export async function saveSelection(
  range: Range,
  context: ArticleContext,
  opts: { send: SendToBackground; pageUrl: string; color?: HighlightColor; reattachId?: string },
): Promise<{ ok: true; record: HighlightRecord } | { ok: false; message: string }> {
  const { check, scope, text } = checkSelection(range, context);
  if (!check.ok) return { ok: false, message: check.message };
  const selectors = { ...describe(text, check.start, check.end), scope, structure: describeStructure(range.startContainer) };
  if (opts.reattachId) return { ok: true, record: await opts.send('highlight/update', { id: opts.reattachId, ...selectors }) };
  const record = await opts.send('highlight/create', {
    article: toArticleRef(context.article, opts.pageUrl),
    ...selectors,
    color: opts.color ?? 'yellow',
  });
  // The library's "articles that mention X" needs the entities of every article something was saved on.
  void opts.send('article/entities', { url: context.article.canonicalUrl, entities: context.entities }).catch(() => undefined);
  return { ok: true, record };
}
