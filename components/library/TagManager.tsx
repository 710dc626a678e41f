import { useState } from 'preact/hooks';
import type { BackstoryDB } from '../../utils/db/schema';
import { deleteTag, renameTag, type TagCount } from '../../utils/library/tags';

/** Every tag with its counts; rename or delete one everywhere (one transaction each). */
export function TagManager({ db, tags, onDone }: { db: BackstoryDB; tags: TagCount[]; onDone: (message: string) => void }) {
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
                void renameTag(db, t.tag, draft).then((n) => onDone(`Renamed #${t.tag} to #${draft.trim()} on ${n} items.`));
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
              <button type="button" aria-label={`Delete tag ${t.tag} everywhere`} onClick={() => void deleteTag(db, t.tag).then((n) => onDone(`Removed #${t.tag} from ${n} items.`))}>
                Delete
              </button>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
