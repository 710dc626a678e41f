/** Host name of a URL without "www." (the "site" of the library's filter and of link corrections); "" when it does not parse. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
