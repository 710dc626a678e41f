import fs from 'node:fs';
import path from 'node:path';

/** tests/fixtures/pages: Readability's real test pages (source.html) and our own realistic pages (index.html). */
export const PAGES_DIR = path.join(import.meta.dirname, '..', '..', 'fixtures', 'pages');

/** Names of the real pages that come with Readability's expected output. */
export function realPageNames(): string[] {
  return fs
    .readdirSync(PAGES_DIR)
    .filter((n) => fs.existsSync(path.join(PAGES_DIR, n, 'expected-metadata.json')))
    .sort();
}

/** The HTML of a fixture page. */
export function pageHtml(name: string): string {
  const dir = path.join(PAGES_DIR, name);
  const file = fs.existsSync(path.join(dir, 'source.html')) ? 'source.html' : 'index.html';
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** Readability's expected metadata for a real page. */
export function expectedMetadata(name: string): Record<string, string | boolean | null | undefined> {
  return JSON.parse(fs.readFileSync(path.join(PAGES_DIR, name, 'expected-metadata.json'), 'utf8')) as Record<string, string | boolean | null | undefined>;
}

/** Our own hard-case pages (index.html). */
export const HARD_PAGES = ['seed', 'jsonld-only', 'truncated-articlebody', 'live-blog', 'paywall-teaser', 'photo-gallery', 'section-front', 'rtl-arabic', 'german'] as const;
