#!/usr/bin/env node
// `npm test`: what CI runs, in order. Stops at the first failing step, prints a closing summary line.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Why the CouchDB 3 steps cannot run on this machine (null: they can). */
function couchSkip() {
  if (process.env.COUCHDB_URL) return null;
  if (existsSync('../shared/couchdb/start.sh')) return null;
  return 'no CouchDB 3 (set COUCHDB_URL to an admin URL, or put the shared/couchdb release beside the repository at ../shared/couchdb)';
}

const steps = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings', '0'] },
  // unused files, exports and dependencies, and imported packages that package.json does not declare (knip.jsonc)
  { name: 'unused code (knip)', cmd: 'npx', args: ['knip'] },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run'], counts: 'vitest' },
  { name: 'integration (pouchdb-server)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.integration.config.ts'], counts: 'vitest', env: { SOSEDI_SERVER: 'pouchdb' } },
  // The production target: real Apache CouchDB 3 (COUCHDB_URL, or ../shared/couchdb/start.sh beside the repository).
  { name: 'integration (Apache CouchDB 3)', cmd: 'npx', args: ['vitest', 'run', '--config', 'vitest.integration.config.ts'], counts: 'vitest', env: { SOSEDI_SERVER: 'couchdb' }, skip: couchSkip },
  { name: 'build:web', cmd: 'npx', args: ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'] },
  { name: 'e2e', cmd: 'npx', args: ['playwright', 'test'], counts: 'playwright' },
  // on the build:web output above (no second build)
  { name: 'bench smoke', cmd: 'node', args: ['--import', 'tsx', 'test/bench/run.ts', '--smoke', '--web-dir', 'out/web'], when: () => existsSync('test/bench/run.ts') },
];

// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const totals = { passed: 0, failed: 0, skipped: 0 };

function countTests(kind, output) {
  const text = strip(output);
  if (kind === 'vitest') {
    const line = text.split('\n').reverse().find((l) => /^\s*Tests\s/.test(l));
    if (!line) return;
    for (const key of ['passed', 'failed', 'skipped']) {
      const m = new RegExp(`(\\d+) ${key}`).exec(line);
      if (m) totals[key] += Number(m[1]);
    }
  } else if (kind === 'playwright') {
    for (const key of ['passed', 'failed', 'skipped']) {
      const m = new RegExp(`^\\s*(\\d+) ${key}`, 'm').exec(text);
      if (m) totals[key] += Number(m[1]);
    }
    const flaky = /^\s*(\d+) flaky/m.exec(text);
    if (flaky) totals.failed += Number(flaky[1]);
  }
}

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n▶ ${step.name}: ${step.cmd} ${step.args.join(' ')}`);
    const child = spawn(step.cmd, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0', ...(step.env ?? {}) } });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      output += d;
      process.stderr.write(d);
    });
    child.on('close', (code) => {
      if (step.counts) countTests(step.counts, output);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`${code === 0 ? '✔' : '✘'} ${step.name} (${seconds} s)`);
      resolve(code ?? 1);
    });
  });
}

let failedStep = null;
const started = Date.now();
for (const step of steps) {
  if (step.when && !step.when()) {
    console.log(`\n– ${step.name}: not present, skipped`);
    continue;
  }
  const why = step.skip?.();
  if (why) {
    console.log(`\n– ${step.name}: skipped: ${why}`);
    totals.skipped++;
    continue;
  }
  const code = await run(step);
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\nnpm test ${failedStep ? `FAILED at step "${failedStep}"` : 'finished'} in ${minutes} min`);
if (failedStep && totals.failed === 0) totals.failed = 1; // a failing typecheck/lint/build counts as a failure
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
