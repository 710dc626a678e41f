import { useId, useState } from 'preact/hooks';
import { MAX_TAG_LENGTH } from '../../utils/records/recordSchema';
import { normalizeTag, normalizeTags, tagProblem } from '../../utils/library/tags';

/**
 * Tag chips with a remove button each and an input that adds on Enter or comma. Autocomplete comes from a shared
 * `<datalist>` (native, keyboard accessible, announced by screen readers). A tag the record schema would refuse
 * (too long, one too many) is not added: the reason shows under the field and the draft stays to be fixed.
 */
export function TagEditor({ tags, onChange, label, listId, matched = [] }: { tags: string[]; onChange: (tags: string[]) => void; label: string; listId: string; matched?: string[] }) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = useId();
  const add = (text: string) => {
    if (!normalizeTag(text)) {
      setDraft('');
      setProblem(null);
      return;
    }
    const why = tagProblem(text, tags);
    if (why) {
      setDraft(text);
      setProblem(why);
      return;
    }
    onChange(normalizeTags([...tags, normalizeTag(text)]));
    setDraft('');
    setProblem(null);
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
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? errorId : undefined}
        // A little over the limit, so a pasted long tag is explained rather than silently cut.
        maxLength={MAX_TAG_LENGTH * 2}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          if (value.endsWith(',')) add(value.slice(0, -1));
          else {
            setDraft(value);
            if (problem) setProblem(null);
          }
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add(draft);
          }
        }}
      />
      {problem ? (
        <p class="tag-error error" id={errorId} role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
