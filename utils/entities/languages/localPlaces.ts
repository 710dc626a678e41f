/**
 * Country and world-region names in the page's language ("Estados Unidos", "Itália", "Alemanha", "Германия"), from
 * the platform's own CLDR data through Intl.DisplayNames: nothing to ship, and every language the browser knows.
 * The gazetteer holds English names only; on the UNER Portuguese dev split these were the commonest missed places.
 */

// UN M.49 world regions CLDR names (Europe, Africa, Americas, Asia, Oceania, Latin America, the Middle East's
// Western Asia…); countries are every two-letter code CLDR names.
const REGIONS = ['002', '005', '009', '013', '019', '021', '029', '030', '034', '035', '039', '142', '143', '145', '150', '151', '154', '155', '419'];

const byLang = new Map<string, Map<string, string>>();

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function build(lang: string): Map<string, string> {
  const map = new Map<string, string>();
  let local: Intl.DisplayNames;
  let english: Intl.DisplayNames;
  try {
    local = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  } catch {
    return map;
  }
  const codes = [...REGIONS];
  for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
  for (const code of codes) {
    // Private-use and "unknown region" codes have no real name.
    if (/^(?:Q[M-Z]|X[A-Z]|AA|ZZ|EU|EZ|UN)$/.test(code)) continue;
    const name = local.of(code);
    const en = english.of(code);
    if (name && en && name !== code) map.set(fold(name), en);
  }
  return map;
}

/** The English name of a country or world region named in `lang` ("Alemanha" in pt → "Germany"), if any. */
export function localPlace(lang: string, name: string): string | undefined {
  let map = byLang.get(lang);
  if (!map) {
    map = build(lang);
    byLang.set(lang, map);
  }
  return map.get(fold(name));
}
