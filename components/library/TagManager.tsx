import { useState } from 'preact/hooks';
import type { TagCount } from '../../utils/library/tags';
import { send } from '../../utils/messaging/client';

/** Every tag with its counts; rename or delete one everywhere (one transaction each, in the background). */
export function TagManager({ tags, onDone }: { tags: TagCount[]; onDone: (message: string) => void }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  if (!tags.length) return <p class="empty">No tags yet.</p>;
  return (
    <ul class="tag-manager">
      {tags.map((t) => (
        <li key={t.tag}>
          {renaming === t.tag ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void send('tags/rename', { from: t.tag, to: draft }).then(({ changed }) => onDone(`Renamed #${t.tag} to #${draft.trim()} on ${changed} items.`));
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
              <button type="button" aria-label={`Delete tag ${t.tag} everywhere`} onClick={() => void send('tags/delete', { tag: t.tag }).then(({ changed }) => onDone(`Removed #${t.tag} from ${changed} items.`))}>
                Delete
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
