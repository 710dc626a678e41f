import { useEffect, useState } from 'preact/hooks';
import type { HighlightColor } from '../../utils/highlights/types';
import { send } from '../platform/messaging';
import type { HighlightRecord } from '../../utils/messaging/protocol';
import { NotePopover, notePopoverCss } from './NotePopover';

/** The frame document's own CSS: the popover fills the frame. */
const FRAME_CSS = `${notePopoverCss}
html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
.bs-surface.bs-popover { position: static; width: 100%; min-height: 100vh; box-shadow: none; }
.bs-popover textarea { max-height: 96px; }
`;

/** What the frame needs of the extension (replaced in tests). */
export interface NoteFrameApi {
  /** The highlight this frame's tab was granted (the background decides, from the tab, never from the URL). */
  load(): Promise<HighlightRecord>;
  update(id: string, patch: { note?: string; color?: HighlightColor }): Promise<unknown>;
  remove(id: string): Promise<unknown>;
  close(): Promise<unknown>;
}

const extensionApi: NoteFrameApi = {
  load: () => send('noteFrame/highlight', {}),
  update: (id, patch) => send('highlight/update', { id, ...patch }),
  remove: (id) => send('highlight/delete', { id }),
  close: () => send('noteFrame/close', {}),
};

/**
 * The note editor of one highlight, in an extension-origin frame inside the page (as the Hypothesis client keeps
 * its sidebar in a frame of its own): keystrokes, the draft and the saved note exist only in this document and the
 * background, never in the page's DOM or event stream (issue #13, finding 2). Everything goes through the protocol.
 */
export function NoteFrame({ api = extensionApi }: { api?: NoteFrameApi }) {
  const [record, setRecord] = useState<HighlightRecord | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [color, setColor] = useState<HighlightColor>('yellow');

  useEffect(() => {
    api.load().then(
      (r) => {
        setRecord(r);
        setColor(r.color);
      },
      (error: unknown) => setFailed(error instanceof Error ? error.message : 'This note could not be opened.'),
    );
    // The page focuses this frame after the reader's click; the field then takes the focus.
    const onFocus = () => {
      if (document.activeElement === document.body) document.querySelector('textarea')?.focus();
    };
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  const warn = (error: unknown) => console.warn('[backstory] could not save', error);
  return (
    <>
      <style>{FRAME_CSS}</style>
      {failed !== null ? (
        <p class="bs-surface bs-popover" role="alert">
          {failed}
        </p>
      ) : record ? (
        <NotePopover
          highlightId={record.id}
          position={{ x: 0, y: 0 }}
          note={record.note}
          color={color}
          onChange={(note) => void api.update(record.id, { note }).catch(warn)}
          onColorChange={(c) => {
            setColor(c);
            void api.update(record.id, { color: c }).catch(warn);
          }}
          onDelete={() => void api.remove(record.id).catch(warn).finally(() => api.close())}
          onClose={() => void api.close()}
        />
      ) : null}
    </>
  );
}
