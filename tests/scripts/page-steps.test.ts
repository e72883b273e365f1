/**
 * The Security page promises six steps; the script marks each with `# Step N: <the page's bold
 * words>`. This test keeps the two in step: reword one and it fails.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');
const page = fs.readFileSync(path.join(root, 'content/docs/security.mdx'), 'utf8');
const script = fs.readFileSync(path.join(root, '.github/actions/verify-provenance/verify_provenance.sh'), 'utf8');

test('the six steps on the page are the six steps of the script, in order', () => {
  const steps = [...page.matchAll(/^(\d)\. \*\*(.+?)\*\*/gm)].map((m) => ({ n: Number(m[1]), words: (m[2] ?? '').replaceAll('`', '') }));
  assert.deepEqual(steps.map((s) => s.n), [1, 2, 3, 4, 5, 6]);
  let last = -1;
  for (const { n, words } of steps) {
    const marker = `# Step ${n}: ${words}`;
    const at = script.indexOf(marker);
    assert.ok(at >= 0, `the script has no "${marker}"`);
    assert.ok(at > last, `step ${n} is out of order in the script`);
    last = at;
  }
});

test('the composite action runs the script with the version as data, not code', () => {
  const action = fs.readFileSync(path.join(root, '.github/actions/verify-provenance/action.yml'), 'utf8');
  assert.match(action, /using: composite/);
  assert.match(action, /VERSION: \$\{\{ inputs\.version \}\}/);
  assert.doesNotMatch(action.split('run: |')[1] ?? '', /\$\{\{/, 'inputs must not be interpolated into the shell script');
  assert.match(action, /verify_provenance\.sh" "\$\{args\[@\]\}" -- "\$VERSION"/);
});
