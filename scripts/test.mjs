#!/usr/bin/env node
// `npm test`: builds the extension, runs the three tiers (unit, integration, end to end) and ends with the one line
// CI reads: "N passed, N failed". Exits non-zero on any failure.
//   npm test                      every tier
//   npm test -- --only unit       one tier (unit | integration | e2e); several with commas
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const tiers = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : ['unit', 'integration', 'e2e'];
const rest = onlyIndex >= 0 ? args.filter((_, i) => i !== onlyIndex && i !== onlyIndex + 1) : args;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

let buildFailed = false;
if (tiers.includes('e2e')) {
  console.log('\n> building the extension for the end-to-end tier (wxt build)');
  buildFailed = run(npx, ['wxt', 'build']) !== 0;
}

mkdirSync('.tmp', { recursive: true });
const report = join('.tmp', 'vitest-report.json');
rmSync(report, { force: true });
const projectArgs = tiers.filter((t) => !(t === 'e2e' && buildFailed)).flatMap((t) => ['--project', t]);
const status = run(npx, ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...rest]);

let passed = 0;
let failed = buildFailed ? 1 : 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails to load has no failed test of its own: count it, or a broken file would pass.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) failed += 1;
  }
} catch {
  failed += 1;
  console.error('vitest wrote no report: counting the run as failed');
}
if (status !== 0 && failed === 0) failed = 1;
if (buildFailed) console.error('the extension did not build: the end-to-end tier did not run');
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
