import type { HighlightRecord } from '../../utils/db/schema';
import { NoteText } from './NoteText';
import { truncateQuote } from './truncateQuote';

/** A highlight that could not be placed on the page: its quote and note, re-attach to the selection, or delete. */
export function OrphanItem({
  highlight,
  onReattach,
  onDelete,
}: {
  highlight: HighlightRecord;
  onReattach(id: string): void;
  onDelete(id: string): void;
}) {
  const short = truncateQuote(highlight.quote.exact, 60);
  return (
    <li class="hl-item hl-orphan" data-color={highlight.color} data-id={highlight.id}>
      <blockquote class="hl-orphan-quote" title={highlight.quote.exact}>
        {truncateQuote(highlight.quote.exact)}
      </blockquote>
      {highlight.note.trim() !== '' && <NoteText text={highlight.note} />}
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
