import { useId, useMemo, useRef } from 'preact/hooks';
import type { HighlightRecord } from '../../utils/db/schema';
import type { HighlightColor } from '../../utils/highlights/types';
import './highlights.css';
import { HighlightItem } from './HighlightItem';
import { NoteEditor } from './NoteEditor';
import { type OrphanInCopy, OrphanItem } from './OrphanItem';
import { UndoToast } from './UndoToast';
import { byReadingOrder } from '../../utils/highlights/readingOrder';

/** A highlight as the panel lists it: the record, and whether it was found on the page this time. */
export type PanelHighlight = HighlightRecord & { anchored: boolean };

/** Props of HighlightsPanel. */
export interface HighlightsPanelProps {
  /** The article's highlights, in any order (the panel sorts them by position in the text). */
  highlights: PanelHighlight[];
  /** The article-level note. */
  articleNote: string;
  /** Scroll the page to a highlight and flash it. */
  onReveal(id: string): void;
  onChangeColor(id: string, color: HighlightColor): void;
  /** Autosave of a highlight's note (debounced; flushed on blur, unmount and page hide). */
  onChangeNote(id: string, text: string): void;
  onDelete(id: string): void;
  /** Restore what the toast announces. */
  onUndo(): void;
  /** The toast's text ("Highlight deleted"), or null for no toast. */
  undoLabel: string | null;
  /** Autosave of the article note. */
  onArticleNoteChange(text: string): void;
  /**
   * Where an orphaned highlight sits in the reader's saved copy of the article (issue 17): its passage with the text
   * around it and a link to the copy, so an orphan is never a dead end. Absent when there is no copy.
   */
  orphanInCopy?: (highlight: PanelHighlight) => OrphanInCopy | null;
  /** Anchor an orphaned highlight to the reader's current selection in the page. */
  onReattach(id: string): void;
  /**
   * Identifies the article (its id or canonical URL). When it changes, the article note's editor starts afresh, so a
   * draft typed for one article is saved to that article and never shown or saved under the next one.
   */
  articleKey?: string;
  /** Autosave debounce (tests and the library page may change it). */
  delayMs?: number;
}

/**
 * The side panel's highlights section: highlights in reading order, orphans apart under "Couldn't find these on the
 * page", the article note, and the undo toast. Pure: records in, callbacks out; the caller owns storage and messaging.
 */
export function HighlightsPanel(props: HighlightsPanelProps) {
  const { highlights, articleNote, undoLabel, delayMs } = props;
  const headingId = useId();
  const orphanHeadingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  const [anchored, orphans] = useMemo(() => {
    const sorted = [...highlights].sort(byReadingOrder);
    return [sorted.filter((h) => h.anchored), sorted.filter((h) => !h.anchored)];
  }, [highlights]);

  // The deleted item takes the focus with it: put it somewhere predictable, the section heading, next to the toast.
  const onDelete = (id: string) => {
    props.onDelete(id);
    heading.current?.focus();
  };

  const actions = { onReveal: props.onReveal, onChangeColor: props.onChangeColor, onChangeNote: props.onChangeNote, onDelete };

  return (
    <section class="hl-panel" aria-labelledby={headingId}>
      <h2 class="hl-heading" id={headingId} ref={heading} tabIndex={-1}>
        Highlights
        {highlights.length > 0 && (
          <>
            {' '}
            <span class="hl-count">({highlights.length})</span>
          </>
        )}
      </h2>

      {anchored.length === 0 ? (
        <div class="hl-empty">
          <p>Select text in the article to highlight it.</p>
          <p class="hl-hint muted">
            From the keyboard: select text, then press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>H</kbd>.
          </p>
        </div>
      ) : (
        <ol class="hl-list" aria-labelledby={headingId}>
          {anchored.map((h) => (
            <HighlightItem key={h.id} highlight={h} actions={actions} delayMs={delayMs} />
          ))}
        </ol>
      )}

      {orphans.length > 0 && (
        <section class="hl-orphans" aria-labelledby={orphanHeadingId}>
          <h3 class="hl-subheading" id={orphanHeadingId}>
            Couldn't find these on the page
          </h3>
          <p class="hl-hint muted">
            The article changed since you highlighted them. Select the passage again and re-attach it, or delete it.
          </p>
          <ul class="hl-list" aria-labelledby={orphanHeadingId}>
            {orphans.map((h) => (
              <OrphanItem key={h.id} highlight={h} onReattach={props.onReattach} onDelete={onDelete} inCopy={props.orphanInCopy?.(h) ?? null} />
            ))}
          </ul>
        </section>
      )}

      <section class="hl-article-note" aria-label="Article note">
        <NoteEditor
          key={props.articleKey}
          label="Your note on this article"
          value={articleNote}
          onSave={props.onArticleNoteChange}
          placeholder="Thoughts, questions, what to follow up…"
          delayMs={delayMs}
          rows={4}
        />
      </section>

      <UndoToast label={undoLabel} onUndo={props.onUndo} />
    </section>
  );
}
