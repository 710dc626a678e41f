import { useEffect, useId, useRef } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { useAutosave } from '../highlights/useAutosave';
import { colorName } from '../highlights/colorName';
import { SHARED_IN_PAGE_CSS } from './toolbarTheme';

/** Props of NotePopover. */
export interface NotePopoverProps {
  /** The highlight being edited. A new id remounts the editor, so a draft can never be saved onto another highlight. */
  highlightId: string;
  /** Viewport coordinates (CSS px) of the popover's top-left corner; see placeToolbar(). */
  position: { x: number; y: number };
  /** The highlight's stored note. */
  note: string;
  /** The highlight's colour. */
  color: HighlightColor;
  /** Autosave: called with the whole text, debounced while typing and at once on blur, Escape, close or unmount. */
  onChange(text: string): void;
  onColorChange(color: HighlightColor): void;
  /** Delete the highlight (the pending note is saved first, so an undo brings it back whole). */
  onDelete(): void;
  onClose(): void;
  /** Focus the note field on open (default true: the reader clicked the highlight to write). */
  autoFocus?: boolean;
  /** Debounce of the autosave. */
  delayMs?: number;
}

/** The stylesheet for the popover's shadow root. */
export const notePopoverCss = `${SHARED_IN_PAGE_CSS}
.bs-popover { width: min(320px, calc(100vw - 16px)); padding: 8px; display: grid; gap: 6px; }
.bs-popover .bs-row { display: flex; align-items: center; gap: 2px; }
.bs-popover .bs-spacer { flex: 1; }
.bs-popover label { font-size: 12px; color: #c9c9cf; }
.bs-popover textarea {
  all: unset;
  box-sizing: border-box;
  display: block;
  width: 100%;
  min-height: 88px;
  max-height: 40vh;
  overflow: auto;
  resize: vertical;
  padding: 6px 8px;
  border: 1px solid #5a5a62;
  border-radius: 6px;
  background: #141417;
  color: #f4f4f2;
  font: inherit;
  white-space: pre-wrap;
}
.bs-popover .bs-hint { font-size: 12px; color: #c9c9cf; margin: 0; }
.bs-popover .bs-danger { color: #ff9d9d; }
`;

/**
 * A note editor for one highlight, opened by clicking a painted highlight: autosaving textarea, colour switch,
 * delete, and Escape to close. Pure: NoteFrame mounts it in the note frame (an extension page, never the page's
 * DOM: issue #13) and stores the changes.
 */
export function NotePopover(props: NotePopoverProps) {
  // Keyed by highlight: switching to another highlight flushes the old draft through the old callback on unmount.
  return <NotePopoverBody key={props.highlightId} {...props} />;
}

function NotePopoverBody({
  position,
  note,
  color,
  onChange,
  onColorChange,
  onDelete,
  onClose,
  autoFocus = true,
  delayMs,
}: NotePopoverProps) {
  const field = useAutosave(note, onChange, { delayMs });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
    // Only on open.
  }, []);

  const close = () => {
    field.flush();
    onClose();
  };

  return (
    <div
      class="bs-surface bs-popover"
      role="dialog"
      aria-label="Highlight note"
      style={{ left: `${position.x}px`, top: `${position.y}px` }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          close();
        }
      }}
    >
      <div class="bs-row">
        <div class="bs-row" role="group" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              class="bs-swatch"
              aria-label={colorName(c)}
              aria-pressed={c === color}
              title={colorName(c)}
              onClick={() => {
                if (c !== color) onColorChange(c);
              }}
            >
              <span class="bs-dot" data-color={c} aria-hidden="true" />
            </button>
          ))}
        </div>
        <span class="bs-spacer" />
        <button
          type="button"
          class="bs-danger"
          onClick={() => {
            field.flush();
            onDelete();
          }}
        >
          Delete
        </button>
        <button type="button" aria-label="Close" title="Close (Esc)" onClick={close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <label for={`${id}-note`}>Note</label>
      <textarea ref={textarea} id={`${id}-note`} {...field.bind} aria-describedby={`${id}-hint`} />
      <p class="bs-hint" id={`${id}-hint`}>
        Saved as you type. **bold**, *italic*, [links](https://…)
      </p>
    </div>
  );
}
