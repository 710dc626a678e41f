import { TITLE_SMALL_WORDS, WORK_CUES } from './lexicon';
import type { Token } from './tokenize';

/** A work's title in the text: names inside it are not mentions ("The Death of Stalin"). */
export interface WorkSpan {
  start: number;
  end: number;
  /** Token indices [first, last]. */
  first: number;
  last: number;
}

// Cues that are also verbs ("polls show Biden ahead", "they play Arsenal") count only after a determiner.
const VERB_LIKE_CUES = new Set(['show', 'play', 'single', 'book', 'books', 'series', 'painting', 'musical', 'shows', 'plays']);
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'new', 'latest', 'hit', 'tv', 'first', 'last']);

/**
 * Finds titles of films, books and the like after a cue word ("film The Death of Stalin",
 * "co-author of In Putin’s Footsteps: Searching for…"). Plain text has no italics, so the cue is our evidence;
 * without one we leave the span to the name spotter.
 */
export function findWorkTitles(text: string, tokens: readonly Token[]): WorkSpan[] {
  const works: WorkSpan[] = [];
  for (let i = 0; i < tokens.length - 1; i++) {
    if (!tokens[i + 1]!.cap || tokens[i]!.cap) continue;
    const cue = tokens[i]!.text.toLowerCase();
    const before = tokens[i - 1]?.text.toLowerCase() ?? '';
    const isCue =
      (WORK_CUES.has(cue) && (!VERB_LIKE_CUES.has(cue) || NOUN_MARKERS.has(before) || /^\d{4}$/.test(before))) ||
      (cue === 'of' && /^(?:co-)?author$/.test(before));
    if (!isCue) continue;
    const first = i + 1;
    const t0 = tokens[first]!;
    if (!t0.cap || t0.line !== tokens[i]!.line || !/^[\s“"‘:,]*$/u.test(text.slice(tokens[i]!.fullEnd, t0.start))) continue;
    let last = first;
    for (let j = first + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      const gap = text.slice(tokens[j - 1]!.fullEnd, t.start);
      if (t.line !== t0.line || !/^(?:\s+|:\s+|\s*[-–—]\s*)$/u.test(gap)) break;
      if (gap.includes(':') && !t.cap) break;
      if (t.cap) last = j;
      else if (!TITLE_SMALL_WORDS.has(t.text.toLowerCase())) break;
    }
    works.push({ start: t0.start, end: tokens[last]!.end, first, last });
    i = last;
  }
  return works;
}
