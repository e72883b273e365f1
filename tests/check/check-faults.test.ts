/**
 * Fault injection: a copy of the site with one fault of each kind, checked by the real
 * `npm run check` (which builds it). Each fault is reported once, with the right code, at the
 * file:line:col to edit; the clean site reports nothing; every output format carries them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { copyProject } from '../../scripts/lib/site-copy.mjs';

const copySite = () => copyProject('scissors-check-site-');

function check(dir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['scripts/check.ts', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
}

interface Reported {
  code: string;
  location: { file: string; line: number; column: number };
  chain: Array<{ file: string; line: number }>;
}

const clean = copySite();
const faulty = copySite();
after(() => {
  fs.rmSync(clean, { recursive: true, force: true });
  fs.rmSync(faulty, { recursive: true, force: true });
});

/** Append lines to a file; returns the 1-based line number of the first appended line. */
function append(dir: string, file: string, lines: string[]): number {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8').replace(/\n*$/, '\n');
  fs.writeFileSync(full, `${text}\n${lines.join('\n')}\n`);
  return text.split('\n').length + 1;
}

const expected: Array<{ code: string; file: string; line: () => number; column: number }> = [];
before(() => {
  const page = 'content/docs/index.mdx';
  const at = append(faulty, page, [
    'See [a missing page](/nope/).', // +0
    'See [a missing anchor](/security/#no-such-heading).', // +1
    '![A missing image](/images/missing.png)', // +2
    'Fetch it from [an FTP site](ftp://example.org/file).', // +3
    'Or [plain http](http://example.org/page).', // +4
    // Plain JSX links get noopener like Markdown ones; an attribute expression escapes that.
    '<a href="https://example.org/" target={"_blank"}>a new tab</a>', // +5
    '', // +6
    '--8<-- "docs/not-there.md"', // +7
    '', // +8
    '--8<-- "SECURITY.md:no-such-section"', // +9
    '', // +10
    '--8<-- "SECURITY.md:2:-"', // +11
  ]);
  const inc = append(faulty, 'SECURITY.md', ['See also [an anchor that is gone](/security/#gone-anchor).']);
  expected.push(
    { code: 'PAGE_NOT_FOUND', file: page, line: () => at, column: 5 },
    { code: 'ANCHOR_NOT_FOUND', file: page, line: () => at + 1, column: 5 },
    { code: 'ASSET_NOT_FOUND', file: page, line: () => at + 2, column: 1 },
    { code: 'EXTERNAL_BAD_URL', file: page, line: () => at + 3, column: 15 },
    { code: 'EXTERNAL_INSECURE', file: page, line: () => at + 4, column: 4 },
    { code: 'TARGET_BLANK_NO_NOOPENER', file: page, line: () => at + 5, column: 10 },
    { code: 'SNIPPET_NOT_FOUND', file: page, line: () => at + 7, column: 1 },
    { code: 'SECTION_NOT_FOUND', file: page, line: () => at + 9, column: 1 },
    { code: 'BAD_RANGE', file: page, line: () => at + 11, column: 1 },
    { code: 'ANCHOR_NOT_FOUND', file: 'SECURITY.md', line: () => inc, column: 10 },
  );
});

describe('npm run check', () => {
  test('the real site is clean', () => {
    const result = check(clean);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /No problems found\./);
  });

  let json: { problems: Reported[]; summary: { errors: number } };
  test('every fault is reported once, with its code and file:line:col (json)', () => {
    const result = check(faulty, '--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    json = JSON.parse(result.stdout);
    const got = json.problems.map((p) => `${p.code} ${p.location.file}:${p.location.line}:${p.location.column}`).sort();
    const want = expected.map((e) => `${e.code} ${e.file}:${e.line()}:${e.column}`).sort();
    assert.deepEqual(got, want);
    assert.equal(json.summary.errors, expected.length);
  });

  test('a problem inside an included file names it, found through the page that includes it', () => {
    const p = json.problems.find((x) => x.location.file === 'SECURITY.md');
    assert.deepEqual(p?.chain.map((c) => `${c.file}:${c.line}`), ['content/docs/security.mdx:16', `SECURITY.md:${expected.at(-1)?.line()}`]);
  });

  test('human output groups by file and counts', () => {
    const result = check(faulty);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^content\/docs\/index\.mdx$/m);
    assert.match(result.stdout, /^SECURITY\.md$/m);
    assert.match(result.stdout, /10 errors, 0 warnings in 2 files\./);
  });

  test('github annotations, chosen automatically in GitHub Actions', () => {
    const result = spawnSync(process.execPath, ['scripts/check.ts'], { cwd: faulty, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true' } });
    assert.equal(result.status, 1);
    const annotations = result.stdout.split('\n').filter((l) => l.startsWith('::error '));
    assert.equal(annotations.length, expected.length);
    const e = expected[0];
    assert.ok(annotations.some((a) => e && a.startsWith(`::error file=${e.file},line=${e.line()},col=${e.column},title=${e.code}::`)), annotations.join('\n'));
  });

  test('sarif for code scanning', () => {
    const result = check(faulty, '--format', 'sarif');
    assert.equal(result.status, 1);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }>;
    assert.equal(results.length, expected.length);
    assert.ok(results.some((r) => r.ruleId === 'SNIPPET_NOT_FOUND' && r.locations[0]?.physicalLocation.artifactLocation.uri === 'content/docs/index.mdx'));
  });

  test('usage errors exit 2', () => {
    const result = check(clean, '--format', 'yaml');
    assert.equal(result.status, 2);
  });
});
