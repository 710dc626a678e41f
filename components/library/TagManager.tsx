import { useState } from 'preact/hooks';
import type { TagCount } from '../../utils/library/tags';
import { send } from '../platform/messaging';

/** Every tag with its counts; rename or delete one everywhere (one transaction each, in the background). */
export function TagManager({ tags, onDone }: { tags: TagCount[]; onDone: (message: string) => void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  /** Says why a write was refused (an empty new name, the background gone) instead of dropping it silently. */
  const failed = (what: string) => (error: unknown) => onDone(`${what}: ${error instanceof Error ? error.message : String(error)}`);
  const rename = (from: string, to: string) =>
    void send('tags/rename', { from, to }).then(({ changed }) => onDone(`Renamed #${from} to #${to.trim()} on ${changed} items.`), failed(`#${from} was not renamed`));
  const remove = (tag: string) => void send('tags/delete', { tag }).then(({ changed }) => onDone(`Removed #${tag} from ${changed} items.`), failed(`#${tag} was not removed`));
  if (!tags.length) return <p class="empty">No tags yet.</p>;
  return (
    <ul class="tag-manager">
      {tags.map((t) => (
        <li key={t.tag}>
          {renaming === t.tag ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                rename(t.tag, draft);
                setRenaming(null);
              }}
            >
              <input type="text" value={draft} aria-label={`New name for tag ${t.tag}`} onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)} />
              <button type="submit">Save</button>
              <button type="button" onClick={() => setRenaming(null)}>
                Cancel
              </button>
            </form>
          ) : (
            <>
              <span class="tag">#{t.tag}</span>{' '}
              <span class="count">
                {t.articles} articles, {t.highlights} highlights
              </span>{' '}
              <button
                type="button"
                aria-label={`Rename tag ${t.tag}`}
                onClick={() => {
                  setRenaming(t.tag);
                  setDraft(t.tag);
                }}
              >
                Rename
              </button>{' '}
              <button type="button" aria-label={`Delete tag ${t.tag} everywhere`} onClick={() => remove(t.tag)}>
                Delete
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
