import { useMemo } from 'preact/hooks';
import { mentionSnippet } from '../../utils/entities/snippets';
import type { Mention } from '../../utils/entities/types';

/**
 * Steps through an entity's mentions: Previous / Next (wrapping round at the ends, like a browser's find bar), the
 * position ("2 of 19", announced politely) and the list of snippets, each a button that reveals its mention.
 * The current index lives with the caller so it survives collapsing the card.
 */
export function MentionNavigator(props: {
  name: string;
  text: string;
  mentions: readonly Mention[];
  current: number | null;
  onSelect: (index: number) => void;
}) {
  const { name, text, mentions, onSelect } = props;
  // A re-analysis can shorten the list under a remembered position.
  const current = props.current !== null && props.current < mentions.length ? props.current : null;
  // Snippets are only computed for an open card: with 200 entities, the closed rows cost nothing.
  const snippets = useMemo(() => mentions.map((m) => mentionSnippet(text, m)), [text, mentions]);
  const count = mentions.length;
  if (count === 0) return null;

  const next = () => onSelect(current === null ? 0 : (current + 1) % count);
  const previous = () => onSelect(current === null ? count - 1 : (current - 1 + count) % count);
  const position = current === null ? `${count} ${count === 1 ? 'mention' : 'mentions'}` : `${current + 1} of ${count}`;

  return (
    <div class="mentions">
      <div class="mentions-bar" role="group" aria-label={`Step through mentions of ${name}`}>
        <button type="button" class="mentions-step" onClick={previous}>
          <span aria-hidden="true">‹ </span>Previous{' '}
          <span class="visually-hidden">mention</span>
        </button>
        <span class="mentions-position" role="status">
          {position}
        </span>
        <button type="button" class="mentions-step" onClick={next}>
          Next{' '}
          <span class="visually-hidden">mention</span>
          <span aria-hidden="true"> ›</span>
        </button>
      </div>
      <ol class="mention-list" aria-label={`Mentions of ${name}`}>
        {snippets.map((snippet, index) => (
          <li key={index}>
            <button
              type="button"
              class="mention-snippet"
              dir="auto"
              aria-current={index === current ? 'true' : undefined}
              onClick={() => onSelect(index)}
            >
              {snippet.before}
              <mark>{snippet.match}</mark>
              {snippet.after}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
