// `npm run analyze`: runs the bundled CLI (.cli/analyze.mjs), so start-up compiles no TypeScript. The bundle is
// rebuilt with esbuild (~0.2 s) only when a source under scripts/ or utils/ is newer than it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, '.cli', 'analyze.mjs');

/** Newest modification time of the .ts files under `dir`. */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (/\.tsx?$/.test(e.name)) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(BUNDLE) || statSync(BUNDLE).mtimeMs < Math.max(newest(join(ROOT, 'utils')), newest(join(ROOT, 'scripts')));
if (stale) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(ROOT, 'scripts', 'analyze.ts')],
    outdir: join(ROOT, '.cli'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Chunks keep the CLI's dynamic imports lazy: Dexie must load after fake-indexeddb/auto, and --offline never pays.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
const { cli } = await import(pathToFileURL(BUNDLE).href);
cli(process.argv.slice(2));
