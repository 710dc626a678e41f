// `npm run bench [-- article entities …]`: prints every measured figure beside the baseline it is compared with,
// both measured in this same run. Sections live in scripts/bench/<domain>.ts; each exports run().
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const SECTIONS = ['article', 'entities', 'knowledge', 'highlights', 'library', 'history', 'sidepanel', 'browser', 'copies'] as const;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const sections = wanted.length > 0 ? SECTIONS.filter((s) => wanted.includes(s)) : SECTIONS;
  console.log(`# Backstory benchmarks — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
  let failures = 0;
  for (const name of sections) {
    const file = resolve(import.meta.dirname, 'bench', `${name}.ts`);
    if (!existsSync(file)) {
      console.log(`## ${name}\n(no benchmark yet)\n`);
      continue;
    }
    const started = performance.now();
    try {
      const mod = (await import(file)) as { run: () => Promise<void> };
      await mod.run();
    } catch (error) {
      failures++;
      console.log(`## ${name}: FAILED — ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  process.exit(failures === 0 ? 0 : 1);
}

void main();
