/**
 * Conformance cases for the `snippets` CLI, a folder each under tests/fixtures/conformance:
 * files/ (page.md and what it includes), case.json (CLI arguments, exit code, stderr lines)
 * and expected.txt (stdout byte for byte). Expected texts follow pymdownx.snippets 11.0's
 * text stage (see shared snippets-spec); the error cases are where Scissors speaks up instead
 * of crashing or staying silent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const casesDir = path.join(root, 'tests/fixtures/conformance');
const cli = path.join(root, 'scripts/snippets.ts');

interface Case {
  args: string[];
  exit: number;
  stderr: string[];
}

function runCli(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd }, encoding: 'buffer' });
}

describe('snippets expand: conformance cases', () => {
  for (const name of fs.readdirSync(casesDir).sort()) {
    const dir = path.join(casesDir, name);
    const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as Case;
    test(name, () => {
      const result = runCli(path.join(dir, 'files'), ['expand', 'page.md', ...spec.args]);
      const stderr = result.stderr.toString('utf8');
      assert.equal(result.status, spec.exit, `exit code; stderr:\n${stderr}`);
      const expectedFile = path.join(dir, 'expected.txt');
      if (fs.existsSync(expectedFile)) assert.equal(result.stdout.toString('utf8'), fs.readFileSync(expectedFile, 'utf8'));
      else assert.equal(result.stdout.length, 0, 'nothing on stdout after an error');
      for (const line of spec.stderr) assert.ok(stderr.includes(line), `stderr lacks "${line}":\n${stderr}`);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });
  }
});

describe('snippets CLI', () => {
  const dir = path.join(casesDir, 'indent-accumulates/files');
  test('deps lists every file the page depends on, missing ones flagged', () => {
    const missingDir = path.join(casesDir, 'error-missing-nested-chain/files');
    const result = runCli(missingDir, ['deps', 'page.md']);
    assert.equal(result.status, 1);
    assert.deepEqual(JSON.parse(result.stdout.toString()), {
      file: 'page.md',
      dependencies: [
        { path: 'gone.md', missing: true },
        { path: 'outer.md', missing: false },
      ],
    });
  });
  test('deps of a clean page exits 0', () => {
    const result = runCli(dir, ['deps', 'page.md']);
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout.toString()).dependencies.map((d: { path: string }) => d.path), ['a.md', 'outer.md']);
  });
  test('usage errors exit 2 with the usage text', () => {
    const result = runCli(dir, ['explode', 'page.md']);
    assert.equal(result.status, 2);
    assert.match(result.stderr.toString(), /Usage:/);
  });
  test('an unknown encoding is a clear error', () => {
    const result = runCli(dir, ['expand', 'page.md', '--encoding', 'klingon']);
    assert.equal(result.status, 2);
    assert.match(result.stderr.toString(), /Unknown encoding "klingon"/);
  });
  test('relative paths resolve against the invoking directory (INIT_CWD)', () => {
    const result = spawnSync(process.execPath, [cli, 'expand', 'page.md'], { cwd: root, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, '  o\n    A\n  \n');
  });
});

describe('snippets CLI with the site options', () => {
  test('--config reads scissors.config.ts: the Security page depends on SECURITY.md and the script', () => {
    const result = spawnSync(process.execPath, [cli, 'deps', 'content/docs/security.mdx', '--config'], { cwd: root, env: { ...process.env, INIT_CWD: root }, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).dependencies, [
      { path: '.github/actions/verify-provenance/verify_provenance.sh', missing: false },
      { path: 'SECURITY.md', missing: false },
    ]);
  });
});
