#!/usr/bin/env node
// `npm test`: builds the extension for both browsers, runs the four tiers (unit, integration, end to end in Chromium,
// end to end in Firefox) and ends with the one line CI reads: "N passed, N failed", counting every tier.
// Exits non-zero on any failure.
//   npm test                      every tier
//   npm test -- --only unit       one tier (unit | integration | e2e | e2e-firefox); several with commas
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const tiers = onlyIndex >= 0 ? args[onlyIndex + 1].split(',') : ['unit', 'integration', 'e2e', 'e2e-firefox'];
const rest = onlyIndex >= 0 ? args.filter((_, i) => i !== onlyIndex && i !== onlyIndex + 1) : args;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: process.env });
  return result.status ?? 1;
}

// Each end-to-end tier runs on its own build; a tier whose build failed is not run, and counts as one failure.
const builds = { e2e: ['wxt', 'build'], 'e2e-firefox': ['wxt', 'build', '-b', 'firefox'] };
const failedBuilds = [];
for (const [tier, command] of Object.entries(builds)) {
  if (!tiers.includes(tier)) continue;
  console.log(`\n> building the extension for the ${tier} tier (${command.join(' ')})`);
  if (run(npx, command) !== 0) failedBuilds.push(tier);
}

mkdirSync('.tmp', { recursive: true });
const report = join('.tmp', 'vitest-report.json');
rmSync(report, { force: true });
const projectArgs = tiers.filter((t) => !failedBuilds.includes(t)).flatMap((t) => ['--project', t]);
// No project left (every asked-for tier lost its build): run nothing, rather than Vitest's default of every project.
const status = projectArgs.length === 0 ? 1 : run(npx, ['vitest', 'run', ...projectArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...rest]);

let passed = 0;
let failed = failedBuilds.length;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that fails to load has no failed test of its own: count it, or a broken file would pass.
  for (const file of json.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every((a) => a.status !== 'failed')) failed += 1;
  }
} catch {
  if (projectArgs.length > 0) {
    failed += 1;
    console.error('vitest wrote no report: counting the run as failed');
  }
}
if (status !== 0 && failed === 0) failed = 1;
for (const tier of failedBuilds) console.error(`the extension did not build: the ${tier} tier did not run`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
