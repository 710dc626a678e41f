/** Frame size the page reserves for the note (CSS px). */
export const NOTE_FRAME_SIZE = { width: 320, height: 212 };

/** Props of NoteFrameHost. */
export interface NoteFrameHostProps {
  /** The note frame page (browser.runtime.getURL('/note-frame.html')): carries no highlight id, by design. */
  src: string;
  /** Viewport coordinates (CSS px) of the frame's top-left corner; see placeToolbar(). */
  position: { x: number; y: number };
}

/**
 * The only part of the note editor in the page: an empty-handed iframe of the extension's note page, in a closed
 * shadow root. What the reader types goes to that frame's document, whose origin the page cannot read.
 */
export function NoteFrameHost({ src, position }: NoteFrameHostProps) {
  // No frame.focus() from here: focusing the frame's element from the page made the page the focused frame again,
  // and Chromium then delivered the next keys to the page (seen in tests/e2e/hostile/noteKeystrokes.test.ts). The
  // frame focuses its own field.
  return (
    <iframe
      src={src}
      title="Highlight note"
      class="bs-note-frame"
      style={{ left: `${position.x}px`, top: `${position.y}px`, width: `${NOTE_FRAME_SIZE.width}px`, height: `${NOTE_FRAME_SIZE.height}px` }}
    />
  );
}

/** The stylesheet of the frame's shadow root. */
export const noteFrameHostCss = `
:host { all: initial; }
.bs-note-frame {
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
  border: 0;
  border-radius: 8px;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.35);
  background: #1f1f23;
  color-scheme: normal;
}
`;
