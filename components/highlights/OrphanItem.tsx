import type { HighlightRecord } from '../../utils/db/schema';
import { NoteText } from './NoteText';
import { truncateQuote } from './truncateQuote';

/** An orphan's passage as it stands in the reader's saved copy: the words around it and where to read it. */
export interface OrphanInCopy {
  before: string;
  passage: string;
  after: string;
  /** reader.html?article=…#highlight=… */
  href: string;
}

/**
 * A highlight that could not be placed on the page: its quote and note, where it stands in the saved copy (when there
 * is one), re-attach to the selection, or delete.
 */
export function OrphanItem({
  highlight,
  onReattach,
  onDelete,
  inCopy = null,
}: {
  highlight: HighlightRecord;
  onReattach(id: string): void;
  onDelete(id: string): void;
  inCopy?: OrphanInCopy | null;
}) {
  const short = truncateQuote(highlight.quote.exact, 60);
  return (
    <li class="hl-item hl-orphan" data-color={highlight.color} data-id={highlight.id}>
      <blockquote class="hl-orphan-quote" title={highlight.quote.exact}>
        {truncateQuote(highlight.quote.exact)}
      </blockquote>
      {highlight.note.trim() !== '' && <NoteText text={highlight.note} />}
      {inCopy && (
        <figure class="hl-in-copy">
          <figcaption class="muted">In your saved copy:</figcaption>
          <p class="hl-in-copy-text">
            …{inCopy.before}
            <mark class="hl-in-copy-passage">{inCopy.passage}</mark>
            {inCopy.after}…
          </p>
          <a href={inCopy.href} target="_blank" rel="noopener">
            Show in your copy
          </a>
        </figure>
      )}
      <div class="hl-item-tools">
        <button type="button" class="hl-small" onClick={() => onReattach(highlight.id)} aria-label={`Re-attach to selection: “${short}”`}>
          Re-attach to selection
        </button>
        <span class="hl-spacer" />
        <button type="button" class="hl-small hl-danger" onClick={() => onDelete(highlight.id)} aria-label={`Delete highlight “${short}”`}>
          Delete
        </button>
      </div>
    </li>
  );
}
