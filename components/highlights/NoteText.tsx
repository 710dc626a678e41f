import { renderMarkdownLite } from './markdown';

/** A note shown as light Markdown (built as elements: no HTML in a note can run). */
export function NoteText({ text }: { text: string }) {
  return <div class="hl-note-text">{renderMarkdownLite(text)}</div>;
}
