import { makeCandidate, noSignals } from './candidate';
import { lookupPlace } from './gazetteer';
import { titleCaseWord, type SpotText } from './spotText';

/**
 * Adds the longest gazetteer places (up to four words) inside tokens a..b, left to right: in a headline or shouted
 * text, places are the only names a capital can be trusted for.
 */
export function scanPlaces(st: SpotText, a: number, b: number): void {
  const { text, tokens } = st;
  for (let x = a; x <= b; ) {
    let matched = 0;
    for (let y = Math.min(b, x + 3); y >= x; y--) {
      const raw = text.slice(tokens[x]!.start, tokens[y]!.end);
      const sub = tokens[x]!.allCaps ? titleCaseWord(raw) : raw;
      if (lookupPlace(sub)) {
        st.out.push(makeCandidate(st, tokens[x]!.start, tokens[y]!.end, sub, y - x + 1, 'name', x, y, noSignals(true)));
        matched = y - x + 1;
        break;
      }
    }
    x += matched || 1;
  }
}
