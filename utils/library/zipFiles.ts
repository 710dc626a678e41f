import { strToU8, zipSync } from 'fflate';

/**
 * Packs text files into one .zip (fflate, MIT): a page can only download one file per click without the browser
 * asking about "multiple downloads", so "one Markdown file per article" ships as a zip the reader unpacks into a vault.
 */
export function zipTextFiles(files: Array<{ name: string; content: string }>, folder = ''): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[`${folder ? `${folder}/` : ''}${file.name}`] = strToU8(file.content);
  return zipSync(entries, { level: 6 });
}
