import type { ComponentChildren } from 'preact';
import type { Article } from '../../utils/article/types';
import type { PageAnalysis, TabState } from '../../utils/messaging/tabState';
import { ArticleHeader } from './ArticleHeader';
import { StatusView } from './StatusView';

/** What the panel can ask for. */
export interface PanelActions {
  /** Re-run the analysis; `force` extracts even a page that does not look like an article. */
  analyze(force: boolean): void;
}

/** The side panel for one tab's state: pure, so every state is testable without a browser. */
export function PanelView({
  state,
  actions,
  renderArticle,
  savedCopy = null,
}: {
  state: TabState | undefined;
  actions: PanelActions;
  /**
   * The reader's saved copy of the page the tab shows (issue 17), offered when the live page is gone or no longer an
   * article: `href` is the reader view.
   */
  savedCopy?: { href: string; title: string } | null;
  /** The full article view (entities, highlights); without it the panel shows the article header alone. */
  renderArticle?: (article: Article, analysis: PageAnalysis, orphaned: readonly string[]) => ComponentChildren;
}) {
  // The live page is gone (an error page, a server that does not answer) or no longer an article: the copy is still here.
  const offer = savedCopy ? (
    <p class="copy-offer">
      You kept a copy of “{savedCopy.title}”.{' '}
      <a href={savedCopy.href} target="_blank" rel="noopener">
        Read your copy
      </a>
    </p>
  ) : null;
  if (!state || state.status === 'idle') {
    return (
      <StatusView
        kind="idle"
        title="Backstory isn't open on this page yet"
        message="Open it to see who and what this article is about."
        action={{ label: 'Read this page with Backstory', onClick: () => actions.analyze(false) }}
      />
    );
  }
  switch (state.status) {
    case 'unsupported':
      return (
        <StatusView kind="unsupported" title="Nothing to read here" message={state.message}>
          {offer}
        </StatusView>
      );
    case 'working':
      return <StatusView kind="working" title="Reading the article…" message="Finding the article and the people and places in it." />;
    case 'error':
      return (
        <StatusView kind="error" title="Something went wrong" message={state.message} action={{ label: 'Retry', onClick: () => actions.analyze(true) }}>
          {offer}
        </StatusView>
      );
    case 'ready': {
      const { extraction } = state.analysis;
      if (extraction.kind === 'not-article') {
        return (
          <StatusView
            kind="not-article"
            title="This page doesn't look like an article"
            message={extraction.message}
            action={{ label: 'Try anyway', onClick: () => actions.analyze(true) }}
          >
            {offer}
          </StatusView>
        );
      }
      if (renderArticle) return <>{renderArticle(extraction.article, state.analysis, state.orphaned ?? [])}</>;
      return (
        <main class="panel-main">
          <ArticleHeader article={extraction.article} />
        </main>
      );
    }
  }
}
