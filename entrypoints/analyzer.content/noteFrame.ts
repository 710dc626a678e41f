import { h } from 'preact';
import { browser } from 'wxt/browser';
import { NOTE_FRAME_SIZE, NoteFrameHost, noteFrameHostCss } from '../../components/toolbar/NoteFrameHost';
import { placeToolbar } from '../../components/toolbar/placeToolbar';
import type { PageEnv, SendToBackground } from '../../utils/page/env';
import type { PaintedHighlights } from '../../utils/page/paintedHighlights';
import { createShadowUi } from './shadowUi';

/** The note frame opened on a painted highlight. */
export interface NoteFrame {
  /** Opens a highlight's note next to it (or at `at`, a viewport point). */
  open(id: string, at?: { left: number; right: number; top: number; bottom: number }): void;
  /** Removes the note frame (the reader closed it inside the frame); true once done. */
  close(): boolean;
  /** True when an event's target is inside the note frame. */
  contains(event: Event): boolean;
  /**
   * Removes the note frame when its highlight is no longer one of the page's (deleted in the library or the panel):
   * the reader must not type into a note that cannot be saved any more. True when it did.
   */
  closeIfGone(): boolean;
}

/**
 * Starts the note feature: a click on a painted highlight opens its note. The background grants this tab's note frame
 * that highlight, then the frame (an extension page) is placed here: the note's text never comes to this script
 * (issue #13, finding 2). `isOtherUi` names our other in-page UI, whose clicks are not the page's.
 */
export function startNoteFrame(
  env: PageEnv,
  deps: { send: SendToBackground; highlights: PaintedHighlights; isOtherUi: (event: Event) => boolean },
): NoteFrame {
  const { doc, win, signal } = env;
  const popover = createShadowUi(doc, noteFrameHostCss);
  signal.addEventListener('abort', () => popover.remove(), { once: true });

  // The highlight whose note the frame shows (null when none was shown since the last close).
  let shown: string | null = null;
  const note: NoteFrame = {
    open(id, at) {
      if (!deps.highlights.has(id)) return;
      const rect = at ?? deps.highlights.rangeOf(id)?.getBoundingClientRect() ?? { left: 16, right: 16, top: 80, bottom: 80 };
      const position = placeToolbar(rect, { width: win.innerWidth, height: win.innerHeight }, NOTE_FRAME_SIZE);
      void deps.send('note/open', { id }).then(
        // Keyed by highlight: another highlight gets a fresh frame (and the old one flushes its draft as it goes).
        () => {
          if (signal.aborted) return;
          shown = id;
          popover.show(h(NoteFrameHost, { key: id, src: browser.runtime.getURL('/note-frame.html'), position }));
        },
        (error: unknown) => console.warn('[backstory] could not open the note', error),
      );
    },
    close() {
      shown = null;
      popover.hide();
      return true;
    },
    contains: (event) => popover.contains(event),
    closeIfGone() {
      if (shown === null || deps.highlights.has(shown)) return false;
      return note.close();
    },
  };

  // Only the reader's own input counts: a page script's synthetic clicks and keys (isTrusted false) must not open a
  // highlight's note or close it (issue #13).
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || deps.isOtherUi(event) || popover.contains(event)) return;
      if (!(doc.getSelection()?.isCollapsed ?? true)) return;
      const [id] = deps.highlights.idsAt(event.clientX, event.clientY);
      if (id) note.open(id, { left: event.clientX, right: event.clientX, top: event.clientY, bottom: event.clientY });
      else popover.hide();
    },
    { signal },
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && event.key === 'Escape') popover.hide();
    },
    { signal },
  );
  return note;
}
