/*
 * What the article says around an entity, for choosing among same-named articles ("Khasan" the settlement or the
 * lake). Word overlap between the text around the mentions and each candidate's description and lead is crude but
 * needs no model and no request, and the decisive signal for places is usually a neighbouring place name.
 */

const STOP = new Set(
  'about above after again against also although among another because been before being below between both could does doing down during each from further have having here itself just more most much must other over same should some such than that their them then there these they this those through under until very were what when where which while whom will with within without would your into only onto upon like said says year years first last made make many most news recent when near also well known'.split(' '),
);

/** Lower-cased content words of a text, crudely stemmed (plural s, possessive 's), 4+ letters, no stop words. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u)) {
    const w = raw.replace(/(?<=\p{L}{3})(?<!s)s$/u, '');
    if (w.length >= 4 && !STOP.has(w) && !STOP.has(raw)) out.add(w);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text within `radius` characters of each mention of any of the names (case-insensitive, whole words). */
export function mentionWindows(context: string, names: string[], radius = 250): string[] {
  const parts = names.filter((n) => n.trim().length > 1).map(escapeRe);
  if (parts.length === 0 || context.length === 0) return [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const out: string[] = [];
  for (const m of context.matchAll(re)) {
    const at = m.index ?? 0;
    out.push(context.slice(Math.max(0, at - radius), at + m[0].length + radius));
  }
  return out;
}

/**
 * Search words for an ambiguous name: the name plus the other place name of the article that occurs most often near
 * its mentions ("Khasan China"); ties go to the place the article mentions most (`placeNames` comes most-mentioned
 * first). CirrusSearch requires every word, and on the seed a second word ("Khasan China Moscow", from the dateline)
 * matched nothing at all: one context word is the measured sweet spot.
 */
export function searchTerms(name: string, windows: string[], placeNames: string[], max = 1): string {
  const counts = new Map<string, number>();
  for (const place of placeNames) {
    if (place.toLowerCase() === name.toLowerCase() || place.toLowerCase().includes(name.toLowerCase())) continue;
    const re = new RegExp(`(?<![\\p{L}])${escapeRe(place)}(?![\\p{L}])`, 'giu');
    const n = windows.reduce((sum, w) => sum + (w.match(re)?.length ?? 0), 0);
    if (n > 0) counts.set(place, n);
  }
  const prominence = (place: string) => placeNames.indexOf(place);
  const extra = [...counts.entries()].sort((a, b) => b[1] - a[1] || prominence(a[0]) - prominence(b[0])).slice(0, max).map(([p]) => p);
  return [name, ...extra].join(' ');
}
