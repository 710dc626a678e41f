import { type PageAnalysis, analyzePage } from '../analysis/analyzePage';
import { canonicalUrl } from '../article/canonicalUrl';
import { watchArticleChanges } from '../article/watchArticleChanges';
import { createTextSpaces } from '../highlights/placeHighlights';
import type { ArticleContext } from './articleContext';
import type { PageEnv, SendToBackground } from './env';

/** The page's analysis, kept current: analysed on request, again when the article changes, forced where highlighted. */
export interface AnalysisSession {
  /** Analyses the page (or returns the analysis under way); `force` extracts a non-article anyway. */
  analyze(force: boolean): Promise<PageAnalysis>;
  /** The current article, its live text index and entities; undefined until an article was extracted. */
  current(): ArticleContext | undefined;
}

/**
 * Starts the analysis session. `onAdopt` runs after every analysis taken as the current one (to paint again: the text
 * may have changed). Re-analyses are sent to the background as `page/analysis`; the change watcher stops with `signal`.
 */
export function createAnalysisSession(env: PageEnv, deps: { send: SendToBackground; onAdopt: () => void }): AnalysisSession {
  const { doc, win, signal } = env;
  let analysis: PageAnalysis | undefined;
  let context: ArticleContext | undefined;
  let inflight: Promise<PageAnalysis> | undefined;
  let watching = false;

  const report = (fresh: PageAnalysis) => deps.send('page/analysis', { analysis: fresh }).catch(() => undefined);

  const adopt = (fresh: PageAnalysis): void => {
    analysis = fresh;
    const { extraction } = fresh;
    if (extraction.kind === 'article') {
      const spaces = createTextSpaces(doc, extraction.article);
      context = { article: extraction.article, index: spaces.article!.index, spaces, entities: fresh.entities };
    } else context = undefined;
    startWatching();
    deps.onAdopt();
  };

  const forceIfHighlighted = async (): Promise<void> => {
    // The canonical link as extraction reads it (utils/article/metadata.ts); the article key needs no article.
    const href = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null;
    const saved = await deps.send('highlights/list', { url: canonicalUrl(win.location.href, href) }).catch(() => []);
    if (saved.length === 0 || analysis?.extraction.kind === 'article' || signal.aborted) return;
    const forced = analyzePage(doc, win.location.href, { force: true });
    adopt(forced);
    void report(forced);
  };

  const runAnalysis = (force: boolean): PageAnalysis => {
    const fresh = analyzePage(doc, win.location.href, { force });
    adopt(fresh);
    // A page with saved highlights is always analysed (issue 14: "Try anyway" implied): when the gate now refuses a
    // page the reader highlighted on (a redesign made it look like a listing), extract it anyway and paint them.
    if (!force && fresh.extraction.kind !== 'article') void forceIfHighlighted();
    return fresh;
  };

  const session: AnalysisSession = {
    analyze(force) {
      if (inflight) return inflight;
      if (analysis && !force && analysis.url === win.location.href) return Promise.resolve(analysis);
      const run = new Promise<PageAnalysis>((resolve, reject) => {
        // Yield first so the message channel and the page's own work are not blocked by a long extraction.
        win.setTimeout(() => {
          try {
            resolve(runAnalysis(force));
          } catch (error) {
            reject(error);
          }
        }, 0);
      }).finally(() => {
        if (inflight === run) inflight = undefined;
      });
      inflight = run;
      return run;
    },
    current: () => context,
  };

  function startWatching(): void {
    if (watching) return;
    watching = true;
    watchArticleChanges(
      win,
      () => {
        // The reader forced a non-article once: keep extracting it as they asked.
        const force = analysis?.extraction.kind === 'article';
        void session.analyze(force).then(report, () => undefined);
      },
      { signal, debounceMs: 600 },
    );
  }

  return session;
}
