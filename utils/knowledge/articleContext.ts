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

/** A letter or digit: what a whole-word match must not touch. Compiled once: a regex with \\p{L} is costly to build. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where each name occurs in the text, case-insensitively and as whole words, longest names first and without
 * overlaps ("Putin" inside "Vladimir Putin" is one mention). Plain indexOf: building a \\p{L} regex per entity took
 * most of a look-up's time in the service worker (45–160 ms for the seed).
 */
function occurrences(text: string, names: readonly string[]): Array<{ at: number; end: number }> {
  const lower = text.toLowerCase();
  const taken: Array<{ at: number; end: number }> = [];
  const wanted = [...new Set(names.map((n) => n.trim().toLowerCase()).filter((n) => n.length > 1))].sort((a, b) => b.length - a.length);
  for (const name of wanted) {
    for (let at = lower.indexOf(name); at !== -1; at = lower.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (WORD_CHAR.test(lower[at - 1] ?? '') || WORD_CHAR.test(lower[end] ?? '')) continue;
      if (taken.some((t) => at < t.end && end > t.at)) continue;
      taken.push({ at, end });
    }
  }
  return taken.sort((a, b) => a.at - b.at);
}

/** The text within `radius` characters of each mention of any of the names (case-insensitive, whole words). */
export function mentionWindows(context: string, names: string[], radius = 250): string[] {
  if (context.length === 0) return [];
  return occurrences(context, names).map(({ at, end }) => context.slice(Math.max(0, at - radius), end + radius));
}

/**
 * Context terms for an ambiguous name (the cache key of its resolution): the name plus the other place name of the
 * article that occurs most often near its mentions ("Khasan China"); ties go to the place the article mentions most
 * (`placeNames` comes most-mentioned first). One context word is enough to keep one article's choice from deciding
 * another's, and stays stable across revisits.
 */
export function searchTerms(name: string, windows: string[], placeNames: string[], max = 1): string {
  const lower = name.toLowerCase();
  const others = placeNames.filter((p) => p.toLowerCase() !== lower && !p.toLowerCase().includes(lower));
  const counts = new Map<string, number>();
  for (const w of windows) {
    const found = occurrences(w, others);
    for (const { at, end } of found) {
      const text = w.slice(at, end).toLowerCase();
      const place = others.find((p) => p.toLowerCase() === text);
      if (place) counts.set(place, (counts.get(place) ?? 0) + 1);
    }
  }
  const prominence = (place: string) => placeNames.indexOf(place);
  const extra = [...counts.entries()].sort((a, b) => b[1] - a[1] || prominence(a[0]) - prominence(b[0])).slice(0, max).map(([p]) => p);
  return [name, ...extra].join(' ');
}
