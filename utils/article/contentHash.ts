/**
 * SHA-256 (lower-case hex) of an article's text: the saved copy's fingerprint. Two texts with the same hash are the
 * same article text, so "changed since you saved it" is one comparison. Web Crypto: the same in Node, CLI and browser.
 */
export async function contentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
