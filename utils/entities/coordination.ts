import type { Candidate } from './candidate';
import type { Resolved } from './resolve';

/**
 * Adds as places the undecided words listed right after a place ("in Seattle and Spokane", "Italy, Poland and
 * Spain"), then puts `out` back in reading order.
 */
export function placesByCoordination(text: string, pending: readonly Candidate[], out: Resolved[]): void {
  if (!pending.length) return;
  const byEnd = new Map<number, Resolved>();
  for (const r of out) byEnd.set(r.cand.end, r);
  for (const c of pending) {
    if (c.start < 0) continue;
    const m = /(?:,|\band|\bor)\s*$/.exec(text.slice(Math.max(0, c.start - 8), c.start));
    if (!m) continue;
    let end = c.start - m[0].length;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const prev = byEnd.get(end);
    if (prev && prev.type === 'place') out.push({ cand: c, type: 'place', group: c.key, name: c.name });
  }
  out.sort((x, y) => x.cand.start - y.cand.start);
}
