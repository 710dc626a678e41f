import type { TextRange } from '../../utils/library/tokenize';

/** Text with the given ranges wrapped in `<mark>` (search matches). */
export function Marked({ text, ranges }: { text: string; ranges?: TextRange[] | undefined }) {
  if (!ranges?.length) return <>{text}</>;
  const parts = [];
  let at = 0;
  for (const [i, r] of [...ranges].sort((a, b) => a.start - b.start).entries()) {
    if (r.start < at) continue;
    if (r.start > at) parts.push(text.slice(at, r.start));
    parts.push(<mark key={i}>{text.slice(r.start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
