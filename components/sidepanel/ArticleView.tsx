import { useCallback, useMemo } from 'preact/hooks';
import type { CopyRecord } from '../../utils/db/schema';
import { anchor } from '../../utils/highlights/anchor';
import type { OrphanInCopy } from '../highlights/OrphanItem';
import type { PanelHighlight } from '../highlights/HighlightsPanel';
import { CopyBar } from './CopyBar';
import { readerHref, useSavedCopy } from './useSavedCopy';
import type { Article } from '../../utils/article/types';
import type { LanguageSupport } from '../../utils/entities/languages';
import type { Entity } from '../../utils/entities/types';
import { sendToTab } from '../platform/messaging';
import { underlineMentions } from '../platform/settings';
import { EntitySections } from '../entities/EntitySections';
import { openWebTab } from '../shared/openWebTab';
import { useStorageItem } from '../shared/useStorageItem';
import { HighlightsPanel } from '../highlights/HighlightsPanel';
import { ArticleHeader } from './ArticleHeader';
import { PrivateNotice } from './PrivateNotice';
import { useArticleHighlights } from './useArticleHighlights';
import { useKnowledge } from './useKnowledge';
import { usePrivateTab } from './usePrivateTab';

/** The panel for an article: header, the people and places with their background, the reader's highlights and notes. */
export function ArticleView(props: {
  tabId: number;
  article: Article;
  entities: readonly Entity[];
  /** The analysis's language path ("not recognised in Chinese yet"); absent from analyses made before issue 12. */
  language?: LanguageSupport;
  pageUrl: string;
  orphaned: readonly string[];
}) {
  const { tabId, article, entities } = props;
  const { knowledge, lookupsState, choose, details } = useKnowledge(article, entities, tabId);
  const isPrivate = usePrivateTab(tabId);
  const [underline, setUnderline] = useStorageItem(underlineMentions);
  const highlights = useArticleHighlights(tabId, article, props.pageUrl, props.orphaned);
  const copy = useSavedCopy(article.canonicalUrl);
  const orphanInCopy = useMemo(() => (copy ? (h: PanelHighlight) => placeInCopy(copy, h) : undefined), [copy]);
  const reveal = useCallback(
    (start: number, end: number) => void sendToTab(tabId, 'content/reveal', { start, end }).catch(() => undefined),
    [tabId],
  );
  return (
    <main class="panel-main">
      <ArticleHeader article={article} />
      {isPrivate && <PrivateNotice />}
      {copy && <CopyBar copy={copy} liveText={article.text} highlights={highlights.highlights} />}
      {entities.length > 0 && (
        <label class="panel-toggle">
          <input type="checkbox" checked={underline ?? false} onChange={(e) => setUnderline(e.currentTarget.checked)} />
          Underline these names in the article (click one for a preview)
        </label>
      )}
      <EntitySections
        entities={entities}
        text={article.text}
        knowledge={knowledge}
        lookupsState={lookupsState}
        language={props.language}
        lang={article.lang}
        onReveal={reveal}
        onChooseLink={choose}
        onOpen={details}
        onSearch={(_entity, url) => void openWebTab(url)}
        articleUrl={article.canonicalUrl}
      />
      {highlights.message && (
        <p class="panel-message" role="alert">
          {highlights.message}
        </p>
      )}
      <HighlightsPanel
        articleKey={article.canonicalUrl}
        highlights={highlights.highlights}
        articleNote={highlights.articleNote}
        undoLabel={highlights.undoLabel}
        onReveal={highlights.onReveal}
        onChangeColor={highlights.onChangeColor}
        onChangeNote={highlights.onChangeNote}
        onDelete={highlights.onDelete}
        onUndo={highlights.onUndo}
        onArticleNoteChange={highlights.onArticleNoteChange}
        onReattach={highlights.onReattach}
        orphanInCopy={orphanInCopy}
      />
      <footer class="panel-footer">
        <a href="/library.html" target="_blank" rel="noopener">
          Your library
        </a>
        <a href="/options.html" target="_blank" rel="noopener">
          Settings
        </a>
      </footer>
    </main>
  );
}

/** Characters of the copy shown each side of an orphan's passage. */
const CONTEXT_CHARS = 80;

/** Where an orphaned highlight stands in the saved copy (the same anchoring as the page), or null when not there either. */
function placeInCopy(copy: CopyRecord, highlight: PanelHighlight): OrphanInCopy | null {
  const result = anchor(copy.text, highlight);
  if (result.status !== 'anchored') return null;
  return {
    before: copy.text.slice(Math.max(0, result.start - CONTEXT_CHARS), result.start),
    passage: copy.text.slice(result.start, result.end),
    after: copy.text.slice(result.end, result.end + CONTEXT_CHARS),
    href: readerHref(copy.articleId, highlight.id),
  };
}
