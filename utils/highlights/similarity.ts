/** DP rows reused between calls: anchoring scores thousands of contexts, and allocation dominated (profiled). */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/**
 * Edit distance between `expected` and the best-fitting run of `actual` that touches one edge of it: the start
 * (`fromEnd` false: a suffix after a quote) or the end (`fromEnd` true: a prefix before a quote). Only `expected`
 * must be used in full; the far end of `actual` is free.
 */
function anchoredDistance(expected: string, actual: string, fromEnd: boolean): number {
  const m = expected.length;
  const n = actual.length;
  if (rowA.length < n + 1) {
    rowA = new Int32Array(n + 1);
    rowB = new Int32Array(n + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const c = fromEnd ? expected.charCodeAt(m - i) : expected.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const a = fromEnd ? actual.charCodeAt(n - j) : actual.charCodeAt(j - 1);
      const sub = (prev[j - 1] as number) + (a === c ? 0 : 1);
      const del = (prev[j] as number) + 1;
      const ins = (cur[j - 1] as number) + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  let best = m;
  for (let j = 0; j <= n; j++) if ((prev[j] as number) < best) best = prev[j] as number;
  return best;
}

/**
 * How well `expected` matches the start of `actual`, from 0 to 1: 1 − (edit distance between `expected` and the best
 * prefix of `actual`) / expected.length. Used for a quote's suffix (text right after a candidate). Hand-written rather
 * than approx-string-match because that searches anywhere in the text; context must touch the quote to count, and
 * these strings are ≤ 42 chars (a 32×42 table).
 */
export function leadingSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return 1 - anchoredDistance(expected, actual, false) / expected.length;
}

/** How well `expected` matches the end of `actual` (see leadingSimilarity), for a quote's prefix. */
export function trailingSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return 1;
  return 1 - anchoredDistance(expected, actual, true) / expected.length;
}
