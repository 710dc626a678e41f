import { useState } from 'preact/hooks';
import { normalizeTag, normalizeTags } from '../../utils/library/tags';

/**
 * Tag chips with a remove button each and an input that adds on Enter or comma. Autocomplete comes from a shared
 * `<datalist>` (native, keyboard accessible, announced by screen readers).
 */
export function TagEditor({ tags, onChange, label, listId, matched = [] }: { tags: string[]; onChange: (tags: string[]) => void; label: string; listId: string; matched?: string[] }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = normalizeTag(draft);
    if (tag) onChange(normalizeTags([...tags, tag]));
    setDraft('');
  };
  return (
    <div class="tags" role="group" aria-label={label}>
      <ul class="tag-list">
        {tags.map((tag) => (
          <li key={tag} class={matched.includes(tag) ? 'tag tag-match' : 'tag'}>
            <span>#{tag}</span>
            <button type="button" class="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        class="tag-input"
        type="text"
        list={listId}
        value={draft}
        placeholder="Add tag"
        aria-label={`Add a tag (${label})`}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          if (value.endsWith(',')) {
            setDraft(value.slice(0, -1));
            const tag = normalizeTag(value.slice(0, -1));
            if (tag) onChange(normalizeTags([...tags, tag]));
            setDraft('');
          } else setDraft(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}
