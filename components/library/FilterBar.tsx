import { useState } from 'preact/hooks';
import type { HighlightColor } from '../../utils/highlights/types';
import { HIGHLIGHT_COLORS } from '../../utils/highlights/types';
import type { LibraryFilter } from '../../utils/library/libraryFilter';
import { tokenize } from '../../utils/library/tokenize';

// "Kim Jong-un", "kim jong un" and "Kim Jong Un" all compare equal.
const words = (s: string): string => tokenize(s).map((t) => t.term).join(' ');

/**
 * A text field that commits on change (Enter, Tab, a datalist pick) and keeps what the reader is typing until then.
 * A plain controlled input lost it: Preact puts `value` back on every re-render, and the library re-renders while
 * the reader types (the search debounce, the index finishing), so "Kim Jong Un" typed and Tabbed could be wiped
 * before its change event (the library e2e's flaky Mentions filter).
 */
function CommitInput({ value, onCommit, ...rest }: { value: string; onCommit: (text: string) => void; list?: string; placeholder?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      type="text"
      {...rest}
      value={draft ?? value}
      onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
      onChange={(e) => {
        onCommit((e.currentTarget as HTMLInputElement).value);
        setDraft(null);
      }}
    />
  );
}

/** Filters: site, colour, tag, entity (by name, from the entities stored with articles) and saved-date range. */
export function FilterBar({
  filter,
  onChange,
  sites,
  entities,
}: {
  filter: LibraryFilter;
  onChange: (filter: LibraryFilter) => void;
  sites: string[];
  entities: Array<{ key: string; name: string; articles: number }>;
}) {
  const entityName = entities.find((e) => e.key === filter.entityKeys?.[0])?.name ?? '';
  const day = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10));
  const set = (patch: Partial<LibraryFilter>) => {
    const next: LibraryFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as Array<keyof LibraryFilter>) if (next[key] === undefined || (Array.isArray(next[key]) && !(next[key] as unknown[]).length)) delete next[key];
    onChange(next);
  };
  return (
    <fieldset class="filters">
      <legend>Filters</legend>
      <label>
        Site
        <select value={filter.sites?.[0] ?? ''} onChange={(e) => set({ sites: (e.currentTarget as HTMLSelectElement).value ? [(e.currentTarget as HTMLSelectElement).value] : undefined })}>
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        Colour
        <select value={filter.colors?.[0] ?? ''} onChange={(e) => set({ colors: (e.currentTarget as HTMLSelectElement).value ? [(e.currentTarget as HTMLSelectElement).value as HighlightColor] : undefined })}>
          <option value="">All colours</option>
          {HIGHLIGHT_COLORS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label>
        Tag
        <CommitInput list="all-tags" value={filter.tags?.[0] ?? ''} onCommit={(text) => set({ tags: text.trim() ? [text.trim()] : undefined })} />
      </label>
      <label>
        Mentions
        <CommitInput
          list="all-entities"
          placeholder="person or place"
          value={entityName}
          onCommit={(text) => {
            const name = words(text);
            const match = entities.find((x) => words(x.name) === name) ?? entities.find((x) => words(x.name).includes(name));
            set({ entityKeys: name ? [match?.key ?? name] : undefined });
          }}
        />
      </label>
      <datalist id="all-entities">
        {entities.map((e) => (
          <option key={e.key} value={e.name}>
            {`${e.articles} articles`}
          </option>
        ))}
      </datalist>
      <label>
        Saved from
        <input type="date" value={day(filter.from)} onChange={(e) => set({ from: (e.currentTarget as HTMLInputElement).value ? Date.parse(`${(e.currentTarget as HTMLInputElement).value}T00:00:00Z`) : undefined })} />
      </label>
      <label>
        to
        <input type="date" value={day(filter.to)} onChange={(e) => set({ to: (e.currentTarget as HTMLInputElement).value ? Date.parse(`${(e.currentTarget as HTMLInputElement).value}T23:59:59.999Z`) : undefined })} />
      </label>
      {Object.keys(filter).length ? (
        <button type="button" onClick={() => onChange({})}>
          Clear filters
        </button>
      ) : null}
    </fieldset>
  );
}
