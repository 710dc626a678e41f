import { useEffect, useMemo, useState } from 'preact/hooks';
import { articleChanges, type ParagraphChange } from '../../utils/article/articleChanges';
import { contentHash } from '../../utils/article/contentHash';
import type { CopyRecord, HighlightRecord } from '../../utils/db/schema';
import { anchorAll } from '../../utils/highlights/anchor';
import { readerHref } from './useSavedCopy';

/** The highlights' places in the copy's text (those that anchor there). */
function rangesInCopy(copy: CopyRecord, highlights: readonly HighlightRecord[]): Array<{ start: number; end: number }> {
  return anchorAll(copy.text, highlights).flatMap((r) => (r.status === 'anchored' ? [{ start: r.start, end: r.end }] : []));
}

/**
 * The saved copy in the panel (issue 17): "Open in reader view", and when the live text's hash differs from the
 * copy's, "This article was changed since you highlighted it" with what was removed and added, per paragraph.
 */
export function CopyBar({ copy, liveText, highlights }: { copy: CopyRecord; liveText: string; highlights: readonly HighlightRecord[] }) {
  const [changed, setChanged] = useState<boolean | null>(null);
  useEffect(() => {
    let alive = true;
    void contentHash(liveText).then((hash) => alive && setChanged(hash !== copy.contentHash));
    return () => {
      alive = false;
    };
  }, [liveText, copy.contentHash]);
  // The panel hands a new array on every render: recompute only when a highlight's selectors really changed.
  const highlightsKey = highlights.map((h) => `${h.id}:${h.updatedAt}`).join('|');
  const changes = useMemo(
    () => (changed ? articleChanges(copy.text, liveText, rangesInCopy(copy, highlights)) : []),
    // highlightsKey stands for `highlights` (see above).
    [changed, copy, liveText, highlightsKey],
  );
  return (
    <section class="copy-bar" aria-label="Your saved copy">
      <a class="copy-open" href={readerHref(copy.articleId)} target="_blank" rel="noopener">
        Open in reader view
      </a>
      {changed && changes.length > 0 && <ChangedSince changes={changes} />}
    </section>
  );
}

/** The diff, as text (the parts are rendered as text nodes: nothing of either version is parsed as HTML). */
export function ChangedSince({ changes }: { changes: readonly ParagraphChange[] }) {
  const [open, setOpen] = useState(true);
  return (
    <div class="changed-since" role="region" aria-label="Changes since you saved this article">
      <p class="changed-since-title">
        <strong>This article was changed since you highlighted it.</strong>{' '}
        <button type="button" class="hl-small" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide changes' : `Show ${changes.length} ${changes.length === 1 ? 'change' : 'changes'}`}
        </button>
      </p>
      {open && (
        <ol class="changed-list">
          {changes.map((change, i) => (
            <li key={i} class={`changed-item changed-${change.kind}`} data-highlighted={change.highlighted ? 'true' : undefined}>
              <span class="changed-label muted">
                {change.kind === 'changed' ? 'Reworded' : change.kind === 'removed' ? 'Removed' : 'Added'}
                {change.highlighted ? ' · has your highlight' : ''}
              </span>
              <p class="changed-text">
                {change.parts.map((part, k) =>
                  part.kind === 'removed' ? <del key={k}>{part.text}</del> : part.kind === 'added' ? <ins key={k}>{part.text}</ins> : <span key={k}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
