import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A path built from strings, not `new URL(…, import.meta.url)`: under jsdom the global URL is jsdom's, which
// fileURLToPath refuses.
/**
 * The seed article's text (Nina L. Khrushcheva, "Axis of outcasts", Project Syndicate, 2023): the repository's one
 * vendored copy of /work/shared/seed/axis-of-outcasts.txt, read by tests and benches alike.
 */
export const SEED_TEXT_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/seed/axis-of-outcasts.txt');

/** The seed article's text, as committed (untrimmed). */
export const SEED_TEXT = readFileSync(SEED_TEXT_PATH, 'utf8');
