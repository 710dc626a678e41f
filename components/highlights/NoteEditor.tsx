import { useEffect, useId, useRef } from 'preact/hooks';
import { useAutosave } from './useAutosave';

/** Props of NoteEditor. */
export interface NoteEditorProps {
  /** Visible label of the field. */
  label: string;
  /** The stored text. */
  value: string;
  /** Autosave: the whole text, debounced while typing, at once on blur, unmount and page hide. */
  onSave(text: string): void;
  placeholder?: string;
  autoFocus?: boolean;
  /** Escape in the field (after the pending text is saved). */
  onEscape?(): void;
  delayMs?: number;
  rows?: number;
  /** Filled with the editor's flush, so the owner can save the draft before an action that removes the editor. */
  controlRef?: { current: { flush(): void } | null };
}

/** A labelled, autosaving textarea for a note. */
export function NoteEditor({ label, value, onSave, placeholder, autoFocus = false, onEscape, delayMs, rows = 3, controlRef }: NoteEditorProps) {
  const field = useAutosave(value, onSave, { delayMs });
  if (controlRef) controlRef.current = { flush: field.flush };
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
    // Only when the editor opens.
  }, []);

  return (
    <div class="hl-note-editor">
      <label class="hl-label" for={`${id}-field`}>
        {label}
      </label>
      <textarea
        ref={textarea}
        id={`${id}-field`}
        class="hl-textarea"
        rows={rows}
        placeholder={placeholder}
        aria-describedby={`${id}-hint`}
        {...field.bind}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && onEscape) {
            event.preventDefault();
            field.flush();
            onEscape();
          }
        }}
      />
      <p class="hl-hint muted" id={`${id}-hint`}>
        Saved as you type · **bold**, *italic*, [link](https://…)
      </p>
    </div>
  );
}
