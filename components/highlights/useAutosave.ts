import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Options of useAutosave. */
export interface AutosaveOptions {
  /** Quiet time after the last keystroke before saving. */
  delayMs?: number;
  /**
   * The window whose `pagehide` and `visibilitychange` flush pending text (closing the panel or the tab, switching
   * away). Defaults to the global window; pass null to listen to nothing (tests, server rendering).
   */
  target?: Window | null;
}

/** A text field that saves itself. Spread `bind` onto a `<textarea>`. */
export interface AutosaveField {
  /** The text shown in the field (the reader's draft while they type). */
  text: string;
  /** Replaces the draft and schedules a save. */
  setText(text: string): void;
  /** Saves the pending draft now, if any. */
  flush(): void;
  /** True while a keystroke is waiting for its save. */
  pending: boolean;
  /** Props for a `<textarea>` or `<input>`: value, input, focus and blur handlers. */
  bind: {
    value: string;
    onInput(event: Event): void;
    onFocus(): void;
    onBlur(): void;
  };
}

/** Default debounce: short enough that a closed tab loses nothing even without the flush, long enough to batch typing. */
export const AUTOSAVE_DELAY_MS = 400;

/**
 * Debounced autosave for a note: saves `delayMs` after the last keystroke, and at once on blur, unmount, `pagehide`
 * and `visibilitychange` to hidden, so no keystroke is lost when the reader closes the panel mid-sentence.
 * `value` is the stored text; it replaces the draft when it changes elsewhere (another tab, the page) unless the
 * reader is typing here: their draft wins until it is saved.
 */
export function useAutosave(value: string, save: (text: string) => void, options: AutosaveOptions = {}): AutosaveField {
  const delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
  const target = options.target === undefined ? (typeof window === 'undefined' ? null : window) : options.target;

  const [text, setDraft] = useState(value);
  const [pending, setPending] = useState(false);
  // Refs, not state: the flush on unmount and in event listeners must see the latest draft and callback.
  const pendingText = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  const focused = useRef(false);
  const latestValue = useRef(value);
  latestValue.current = value;

  const flush = useCallback(() => {
    if (timer.current !== null) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const next = pendingText.current;
    if (next === null) return;
    pendingText.current = null;
    setPending(false);
    saveRef.current(next);
  }, []);

  const setText = useCallback(
    (next: string) => {
      setDraft(next);
      pendingText.current = next;
      setPending(true);
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delayMs);
    },
    [flush, delayMs],
  );

  // A change stored elsewhere shows here, unless the reader is mid-edit in this field.
  useEffect(() => {
    if (pendingText.current === null && !focused.current) setDraft(value);
  }, [value]);

  // Flush on unmount: the panel closing or the item being removed must not drop the last keystrokes. A layout effect,
  // because Preact 11 defers a useEffect cleanup to the next animation frame, which a closing page may never get.
  useLayoutEffect(() => flush, [flush]);

  useEffect(() => {
    if (!target) return;
    const onPageHide = () => flush();
    const onVisibility = () => {
      if (target.document.visibilityState === 'hidden') flush();
    };
    target.addEventListener('pagehide', onPageHide);
    target.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      target.removeEventListener('pagehide', onPageHide);
      target.document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [target, flush]);

  const onInput = useCallback(
    (event: Event) => {
      const field = event.currentTarget as HTMLTextAreaElement | HTMLInputElement;
      setText(field.value);
    },
    [setText],
  );
  const onFocus = useCallback(() => {
    focused.current = true;
  }, []);
  const onBlur = useCallback(() => {
    focused.current = false;
    const hadEdits = pendingText.current !== null;
    flush();
    // Nothing typed during this visit: catch up with a change stored elsewhere meanwhile.
    if (!hadEdits) setDraft(latestValue.current);
  }, [flush]);

  return { text, setText, flush, pending, bind: { value: text, onInput, onFocus, onBlur } };
}
