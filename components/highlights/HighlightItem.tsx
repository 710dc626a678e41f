import { useEffect, useRef, useState } from 'preact/hooks';
import { highlightFill } from '../../utils/highlights/highlightCss';
import type { HighlightColor } from '../../utils/highlights/types';
import type { HighlightRecord } from '../../utils/db/schema';
import { ColorPicker } from './ColorPicker';
import { NoteEditor } from './NoteEditor';
import { NoteText } from './NoteText';
import { truncateQuote } from './truncateQuote';

/** Callbacks of one listed highlight. */
export interface HighlightItemActions {
  onReveal(id: string): void;
  onChangeColor(id: string, color: HighlightColor): void;
  onChangeNote(id: string, text: string): void;
  onDelete(id: string): void;
}

/** One highlight in the panel's list: its quote (click or Enter to reveal it in the page), colour, note and delete. */
export function HighlightItem({ highlight, actions, delayMs }: { highlight: HighlightRecord; actions: HighlightItemActions; delayMs?: number }) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const closedByReader = useRef(false);
  const noteControl = useRef<{ flush(): void } | null>(null);
  const short = truncateQuote(highlight.quote.exact, 60);
  const noteLabel = highlight.note.trim() ? 'Edit note' : 'Add note';

  // Back from the editor, focus returns to the button that opened it, not to the top of the document.
  useEffect(() => {
    if (!editing && closedByReader.current) {
      closedByReader.current = false;
      editButton.current?.focus();
    }
  }, [editing]);

  const closeEditor = () => {
    closedByReader.current = true;
    setEditing(false);
  };

  return (
    <li class="hl-item" data-color={highlight.color} data-id={highlight.id}>
      <button
        type="button"
        class="hl-quote"
        style={{ borderInlineStartColor: highlightFill(highlight.color) }}
        onClick={() => actions.onReveal(highlight.id)}
        title={highlight.quote.exact}
      >
        <span class="visually-hidden">{highlight.scope === 'page' ? 'Show on the page:' : 'Show in article:'}</span> <q>{truncateQuote(highlight.quote.exact)}</q>
      </button>
      {/* Made outside the extracted article (a live-blog entry, a box): said, since it is not in the article's text. */}
      {highlight.scope === 'page' && <p class="hl-outside muted">Outside the article text</p>}

      {editing ? (
        <div class="hl-note-edit">
          <NoteEditor
            label="Note"
            value={highlight.note}
            onSave={(text) => actions.onChangeNote(highlight.id, text)}
            autoFocus
            onEscape={closeEditor}
            delayMs={delayMs}
            controlRef={noteControl}
          />
          <button type="button" class="hl-small" onClick={closeEditor}>
            Done
          </button>
        </div>
      ) : (
        highlight.note.trim() !== '' && <NoteText text={highlight.note} />
      )}

      <div class="hl-item-tools">
        <ColorPicker
          value={highlight.color}
          legend={`Colour of “${short}”`}
          onChange={(color) => actions.onChangeColor(highlight.id, color)}
        />
        <span class="hl-spacer" />
        {!editing && (
          <button
            type="button"
            class="hl-small"
            ref={editButton}
            onClick={() => setEditing(true)}
            aria-label={`${noteLabel} on “${short}”`}
          >
            {noteLabel}
          </button>
        )}
        <button
          type="button"
          class="hl-small hl-danger"
          onClick={() => {
            // Save the draft first: an undo then restores the note as typed, and no save lands after the delete.
            if (editing) noteControl.current?.flush();
            actions.onDelete(highlight.id);
          }}
          aria-label={`Delete highlight “${short}”`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
