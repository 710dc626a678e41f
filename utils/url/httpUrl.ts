/**
 * `href` parsed (against `base` when given) when it is an http(s) URL, else null. The one check for "is this a web
 * address": a `javascript:`, `data:` or `file:` URL from a page, a backup or a Wikipedia answer never reaches an
 * href, a src or a stored record.
 */
export function parseHttpUrl(href: string, base?: string): URL | null {
  try {
    const u = base === undefined ? new URL(href) : new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The normalised http(s) URL (resolved against `base` when given), or null for anything else, empty included. */
export function httpUrl(url: string | null | undefined, base?: string): string | null {
  return url ? (parseHttpUrl(url, base)?.href ?? null) : null;
}
