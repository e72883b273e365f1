/**
 * The verify script shown on the Security page: shellcheck-clean, and its argument checks
 * refuse bad input before anything is downloaded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';

const script = path.resolve(import.meta.dirname, '../../.github/actions/verify-provenance/verify_provenance.sh');

function run(args: string[], env: Record<string, string> = {}) {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-cwd-'));
  try {
    const result = spawnSync('bash', [script, ...args], {
      cwd,
      encoding: 'utf8',
      // Downloads would go here; nothing listens, so any attempt fails fast and visibly.
      env: { ...process.env, VERIFIER_BASE_URL: 'http://127.0.0.1:9/v', RELEASE_BASE_URL: 'http://127.0.0.1:9/r', PYPI_FILES_BASE_URL: 'http://127.0.0.1:9/p', ...env },
    });
    const left = fs.readdirSync(cwd);
    return { ...result, left };
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
}

describe('verify_provenance.sh', () => {
  test('passes shellcheck', () => {
    const result = spawnSync('shellcheck', ['--severity=style', script], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
  test('--help documents the exit codes and exits 0', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /Exit codes:/);
    assert.match(result.stdout, /5 {2}integrity failure/);
  });
  for (const bad of ['1.0;rm -rf ~', '', '2.20', 'v2.20.0', '2.20.0 --print-provenance', '$(id)', '--help2']) {
    test(`refuses ${JSON.stringify(bad)} before any download (exit 2)`, () => {
      const result = run(bad.startsWith('--') ? [bad] : ['--', bad]);
      assert.equal(result.status, 2, result.stderr);
      assert.doesNotMatch(result.stderr, /verify_provenance: downloading/);
      assert.deepEqual(result.left, []);
    });
  }
  test('a download failure exits 4 and leaves the caller directory untouched', () => {
    const result = run(['2.20.0']);
    assert.equal(result.status, 4, result.stderr);
    assert.match(result.stderr, /FAILED: could not download/);
    assert.deepEqual(result.left, []);
  });
});
