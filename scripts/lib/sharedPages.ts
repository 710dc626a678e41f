// Reads the real news pages in ../shared/pages (one folder per page, its HTML in source.html). Like the WCXB split
// (wcxb.ts) it lives beside the checkout, never inside it, so a clean clone has neither: every reader must say so.
import fs from 'node:fs';
import path from 'node:path';

/** Where the pages live (read-only, never copied into the repository). */
export const SHARED_PAGES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'pages');

/** Whether the pages are on this machine. */
export function hasSharedPages(): boolean {
  return fs.existsSync(SHARED_PAGES_DIR);
}

/** The names of the pages that have a source.html, sorted; none when the folder is missing. */
export function sharedPageNames(): string[] {
  if (!hasSharedPages()) return [];
  return fs
    .readdirSync(SHARED_PAGES_DIR)
    .sort()
    .filter((name) => fs.existsSync(sharedPageFile(name)));
}

/** The path of a page's HTML. */
export function sharedPageFile(name: string): string {
  return path.join(SHARED_PAGES_DIR, name, 'source.html');
}
