#!/usr/bin/env node
// `npm test`: unit tests (node:test) and browser tests (Playwright against Debian's Chromium),
// then one closing line `N passed, N failed` summing both runners.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDebianPackages, findChromium } from './lib/browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const only = process.argv[2]; // `unit` or `e2e` to run one runner

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => process.stderr.write(chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const totals = { passed: 0, failed: 0 };
let exitCode = 0;

if (!only || only === 'unit') {
  // shellcheck is needed by the script tests; install it like Chromium when missing.
  ensureDebianPackages({ shellcheck: 'shellcheck' });
  const files = fs.globSync('tests/{unit,build,scripts,check}/**/*.test.ts').sort();
  const unit = await run(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
  const passed = Number(/ℹ pass (\d+)/.exec(unit.output)?.[1] ?? 0);
  const failed = Number(/ℹ fail (\d+)/.exec(unit.output)?.[1] ?? 0);
  totals.passed += passed;
  totals.failed += failed;
  if (unit.code !== 0) {
    exitCode = 1;
    if (failed === 0) totals.failed += 1; // the runner itself failed
  }
}

if (!only || only === 'e2e') {
  if (!findChromium()) ensureDebianPackages({ chromium: 'chromium' });
  if (!findChromium()) {
    console.error('[test] Chromium is not available; browser tests cannot run.');
    totals.failed += 1;
    exitCode = 1;
  } else {
    // The built site first, then the dev server (live snippet inclusion), then a real MkDocs site.
    for (const [name, config] of [['e2e', 'playwright.config.ts'], ['dev', 'playwright.dev.config.ts'], ['corpus', 'playwright.corpus.config.ts']]) {
      const report = path.join(root, 'test-results', `${name}-report.json`);
      fs.mkdirSync(path.dirname(report), { recursive: true });
      fs.rmSync(report, { force: true });
      const e2e = await run('npx', ['playwright', 'test', '-c', config, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: report });
      let stats = { expected: 0, unexpected: 0, flaky: 0 };
      try {
        stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats ?? stats;
      } catch {
        // No report: the run did not get as far as the tests.
      }
      totals.passed += stats.expected + stats.flaky;
      totals.failed += stats.unexpected;
      if (e2e.code !== 0) {
        exitCode = 1;
        if (stats.unexpected === 0) totals.failed += 1;
      }
    }
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
