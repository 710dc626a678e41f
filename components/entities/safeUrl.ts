/**
 * The URL when it is http(s), else null. Card URLs come from Wikipedia/Wikidata answers and the cache; checking the
 * scheme keeps a `javascript:` or `data:` URL from ever reaching an href or src, whatever the data says.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Link to Wikipedia's search for a name, in the edition of a BCP 47 tag's language ("en-GB" → en; odd tags → en). */
export function wikipediaSearchUrl(name: string, lang = 'en'): string {
  const primary = lang.split('-')[0]!.toLowerCase();
  const edition = /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
  return `https://${edition}.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}
