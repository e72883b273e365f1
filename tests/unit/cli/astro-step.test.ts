import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { ASTRO_STEP_V8_FLAGS, astroStepArgv } from '../../../src/cli/astro-step.ts';

test('the Astro step gets the parent’s Node options, then its heap flags, then the script and its arguments', () => {
  const argv = astroStepArgv(['--inspect', '--max-old-space-size=4096'], '/pkg/bin/scissors.mjs', ['build', 'site', '--out', 'x']);
  assert.deepEqual(argv, ['--inspect', '--max-old-space-size=4096', '--heap-growing-percent=50', '/pkg/bin/scissors.mjs', 'build', 'site', '--out', 'x']);
});

test('a heap flag the user set for Node is theirs: ours is not added beside it', () => {
  for (const own of ['--heap-growing-percent=10', '--heap_growing_percent=10']) {
    const argv = astroStepArgv([own], '/s.mjs', ['build']);
    assert.deepEqual(argv, [own, '/s.mjs', 'build']);
  }
});

test('the flags are only in the child’s arguments: the parent’s execArgv is left as it was', () => {
  const execArgv = ['--enable-source-maps'];
  astroStepArgv(execArgv, '/s.mjs', []);
  assert.deepEqual(execArgv, ['--enable-source-maps']);
});

test('this Node accepts the flags on its command line', () => {
  assert.deepEqual(ASTRO_STEP_V8_FLAGS, ['--heap-growing-percent=50']);
  const run = spawnSync(process.execPath, [...ASTRO_STEP_V8_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, 'ok');
});
