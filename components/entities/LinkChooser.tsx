import { useId, useState } from 'preact/hooks';
import type { LinkCandidate } from '../../utils/knowledge/types';

/**
 * "Wrong match?": the reader picks another Wikipedia article among the candidates, or "None of these".
 * A <select> plus an explicit button, not a select that acts on change: in Chromium the arrow keys change a closed
 * select's value and fire `change` on every step, which would relink the entity at each key press.
 */
export function LinkChooser(props: {
  name: string;
  candidates: readonly LinkCandidate[];
  /** The title linked now, or null when unlinked. */
  current: string | null;
  onChoose: (title: string | null) => void;
}) {
  const id = useId();
  const NONE = '';
  const titles = props.candidates.map((c) => c.title);
  const options: LinkCandidate[] =
    props.current !== null && !titles.includes(props.current)
      ? [{ title: props.current, description: null, qid: null }, ...props.candidates]
      : [...props.candidates];
  const [selected, setSelected] = useState<string>(props.current ?? NONE);

  return (
    <details class="link-chooser">
      <summary>{props.current === null ? 'Choose the right article' : 'Wrong match? Choose another article'}</summary>
      <form
        class="link-chooser-form"
        onSubmit={(event) => {
          event.preventDefault();
          props.onChoose(selected === NONE ? null : selected);
        }}
      >
        <label for={`${id}-select`}>Wikipedia article for {props.name}</label>
        <select id={`${id}-select`} value={selected} onChange={(event) => setSelected(event.currentTarget.value)}>
          {options.map((c) => (
            <option key={c.title} value={c.title}>
              {c.description ? `${c.title} — ${c.description}` : c.title}
            </option>
          ))}
          <option value={NONE}>None of these</option>
        </select>
        <button type="submit">Use this</button>
      </form>
    </details>
  );
}
