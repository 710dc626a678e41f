import { useCallback, useState } from 'preact/hooks';
import { toArticleRef } from '../../utils/article/articleRef';
import type { Article } from '../../utils/article/types';
import type { HighlightRecord } from '../../utils/db/schema';
import type { HighlightColor } from '../../utils/highlights/types';
import { MessageError, send, sendToTab } from '../platform/messaging';
import type { PanelHighlight } from '../highlights/HighlightsPanel';
import { useSavedArticle } from './useSavedArticle';

/**
 * The article's highlights and note, live (changes in the page or another tab show at once), and the actions on
 * them, written through the background.
 */
export function useArticleHighlights(tabId: number, article: Article, pageUrl: string, orphaned: readonly string[]) {
  const url = article.canonicalUrl;
  const { highlights: records, note, reload } = useSavedArticle(url);
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const orphanSet = new Set(orphaned);
  const highlights: PanelHighlight[] = (records ?? []).map((r) => ({ ...r, anchored: !orphanSet.has(r.id) }));

  const report = (error: unknown) => setMessage(error instanceof MessageError ? error.message : 'That change could not be saved.');

  return {
    loaded: records !== undefined,
    highlights,
    articleNote: note?.body ?? '',
    undoLabel: deleted ? 'Highlight deleted' : null,
    message,
    onReveal: useCallback((id: string) => void sendToTab(tabId, 'content/revealHighlight', { id }).catch(report), [tabId]),
    onChangeColor: (id: string, color: HighlightColor) => void send('highlight/update', { id, color }).then(reload, report),
    onChangeNote: (id: string, text: string) => void send('highlight/update', { id, note: text }).then(reload, report),
    onDelete: (id: string) =>
      void send('highlight/delete', { id })
        .then(({ deleted: record }) => {
          setDeleted(record);
          reload();
        })
        .catch(report),
    onUndo: () => {
      if (!deleted) return;
      void send('highlight/restore', { record: deleted })
        .then(() => {
          setDeleted(null);
          reload();
        })
        .catch(report);
    },
    onArticleNoteChange: (text: string) => void send('note/save', { article: toArticleRef(article, pageUrl), body: text, tabId }).then(reload, report),
    onReattach: (id: string) =>
      void sendToTab(tabId, 'content/highlightSelection', { reattachId: id })
        .then((r) => setMessage(r.created ? null : r.message))
        .catch(report),
  };
}
