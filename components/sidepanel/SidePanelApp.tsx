import { useCallback, useEffect } from 'preact/hooks';
import { MessageError, send } from '../platform/messaging';
import './panel.css';
import { ArticleView } from './ArticleView';
import { PanelView } from './PanelView';
import { useTabState } from './useTabState';
import { useTargetTab } from './useTargetTab';
import { readerHref, useCopyForPage } from './useSavedCopy';

/** The side panel application: follows the target tab and shows its analysis. */
export function SidePanelApp({ pinnedTabId, windowId }: { pinnedTabId: number | null; windowId: number | null }) {
  const tabId = useTargetTab({ pinnedTabId, windowId });
  const state = useTabState(tabId);
  const copy = useCopyForPage(state && state.status !== 'ready' ? state.url : state?.status === 'ready' && state.analysis.extraction.kind === 'not-article' ? state.url : null);

  const analyze = useCallback(
    (force: boolean) => {
      if (tabId === null) return;
      void send('tab/open', { tabId, force }).catch((error: unknown) => {
        if (!(error instanceof MessageError)) throw error;
        console.warn('[backstory] could not open the tab', error.message);
      });
    },
    [tabId],
  );

  // Opening the panel on a tab, or switching to another tab while it is open, runs Backstory there.
  useEffect(() => {
    if (tabId !== null) analyze(false);
  }, [tabId, analyze]);

  // A full navigation resets the tab to idle: read the new page too.
  useEffect(() => {
    if (state?.status === 'idle') analyze(false);
  }, [state?.status, analyze]);

  return (
    <div class="panel" data-tab-id={tabId ?? ''}>
      <PanelView
        state={state}
        actions={{ analyze }}
        savedCopy={copy ? { href: readerHref(copy.articleId), title: copy.title } : null}
        renderArticle={(article, analysis, orphaned) =>
          tabId === null ? null : (
            <ArticleView tabId={tabId} article={article} entities={analysis.entities} language={analysis.language} pageUrl={analysis.url} orphaned={orphaned} />
          )
        }
      />
    </div>
  );
}
