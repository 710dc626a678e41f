// Card URLs come from Wikipedia/Wikidata answers and the cache: every href and src goes through utils/url/httpUrl.

/** Link to Wikipedia's search for a name, in the edition of a BCP 47 tag's language ("en-GB" → en; odd tags → en). */
export function wikipediaSearchUrl(name: string, lang = 'en'): string {
  const primary = lang.split('-')[0]!.toLowerCase();
  const edition = /^[a-z]{2,3}$/.test(primary) ? primary : 'en';
  return `https://${edition}.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}
