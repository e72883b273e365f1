/**
 * verify_provenance.sh run for real against a local HTTP server on 127.0.0.1 serving a fake
 * release (attestation, wheel, sdist), with a stand-in slsa-verifier that checks what the real
 * one checks first: every artifact's SHA-256 is a subject of the attestation, and the source
 * and builder flags are the expected ones.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

const script = path.resolve(import.meta.dirname, '../../.github/actions/verify-provenance/verify_provenance.sh');
const VERSION = '3.2.1';
const wheelName = `aws_lambda_powertools-${VERSION}-py3-none-any.whl`;
const sdistName = `aws_lambda_powertools-${VERSION}.tar.gz`;
const wheel = Buffer.from('wheel bytes for the test');
const sdist = Buffer.from('sdist bytes for the test');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-run-'));
const standIn = path.join(work, 'slsa-verifier-stand-in');
fs.writeFileSync(
  standIn,
  `#!/usr/bin/env bash
# Stand-in for slsa-verifier verify-artifact: same arguments, checks digests against the attestation.
set -euo pipefail
[ "$1" = verify-artifact ] || { echo "unexpected command $1" >&2; exit 2; }
shift
provenance="" source="" builder="" artifacts=()
while [ "$#" -gt 0 ]; do
  case "$1" in
    --provenance-path) provenance="$2"; shift 2 ;;
    --source-uri) source="$2"; shift 2 ;;
    --builder-id) builder="$2"; shift 2 ;;
    --source-branch) shift 2 ;;
    --*) echo "unknown flag $1" >&2; exit 2 ;;
    *) artifacts+=("$1"); shift ;;
  esac
done
[ "$source" = github.com/aws-powertools/powertools-lambda-python ] || { echo "FAILED: source $source" >&2; exit 1; }
[[ "$builder" == */generator_generic_slsa3.yml ]] || { echo "FAILED: builder $builder" >&2; exit 1; }
[ "\${#artifacts[@]}" -eq 2 ] || { echo "FAILED: expected wheel and sdist" >&2; exit 1; }
for a in "\${artifacts[@]}"; do
  digest="$(sha256sum "$a" | cut -d ' ' -f 1)"
  grep -q "\\"sha256\\":\\"$digest\\"" "$provenance" || { echo "Verifying artifact $a: FAILED: digest mismatch" >&2; exit 1; }
  echo "Verifying artifact $a: PASSED" >&2
done
echo "PASSED: Verified SLSA provenance" >&2
`,
  { mode: 0o755 },
);

let server: http.Server;
let base = '';
let hangWheel = false;
let requests: string[] = [];
const tamperedVerifier = Buffer.from('#!/bin/sh\necho tampered\n');

function attestation(digests: string[]): string {
  return JSON.stringify({ subject: digests.map((d, i) => ({ name: i ? sdistName : wheelName, digest: { sha256: d } })) });
}

before(async () => {
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.push(url);
    const send = (body: Buffer | string) => res.end(body);
    if (url === `/release/v${VERSION}/multiple.intoto.jsonl`) return send(attestation([sha(wheel), sha(sdist)]));
    if (url === `/release/v9.9.9/multiple.intoto.jsonl`) return send(attestation(['0'.repeat(64), '1'.repeat(64)]));
    if (url.endsWith(`/py3/a/aws-lambda-powertools/${wheelName}`) || url.endsWith('/py3/a/aws-lambda-powertools/aws_lambda_powertools-9.9.9-py3-none-any.whl')) {
      if (hangWheel) return; // never answers: the test interrupts the script meanwhile
      return send(wheel);
    }
    if (url.includes('/source/a/aws-lambda-powertools/')) return send(sdist);
    if (url.startsWith('/verifier/')) return send(tamperedVerifier);
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
  fs.rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  cwdEntries: string[];
  tmpEntries: string[];
}

function runScript(args: string[], options: { interruptWhen?: () => boolean } = {}): Promise<Run> {
  const cwd = fs.mkdtempSync(path.join(work, 'cwd-'));
  fs.writeFileSync(path.join(cwd, 'multiple.intoto.jsonl'), 'the caller’s own file');
  const tmp = fs.mkdtempSync(path.join(work, 'tmp-'));
  requests = [];
  return new Promise((resolve) => {
    const child = spawn('bash', [script, ...args], {
      cwd,
      detached: true, // its own process group, so Ctrl-C can be sent to the script and its curl
      env: {
        ...process.env,
        TMPDIR: tmp,
        VERIFIER_BASE_URL: `${base}/verifier`,
        RELEASE_BASE_URL: `${base}/release`,
        PYPI_FILES_BASE_URL: `${base}/pypi`,
      },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let timer: NodeJS.Timeout | undefined;
    if (options.interruptWhen) {
      const check = options.interruptWhen;
      timer = setInterval(() => {
        if (check() && child.pid) {
          clearInterval(timer);
          process.kill(-child.pid, 'SIGINT');
        }
      }, 20);
    }
    child.on('close', (code, signal) => {
      if (timer) clearInterval(timer);
      const cwdEntries = fs.readdirSync(cwd);
      const own = fs.readFileSync(path.join(cwd, 'multiple.intoto.jsonl'), 'utf8');
      assert.equal(own, 'the caller’s own file', 'the caller’s file was overwritten');
      resolve({ code, signal, stderr, cwdEntries, tmpEntries: fs.readdirSync(tmp) });
    });
  });
}

describe('verify_provenance.sh against a local release server', () => {
  test('a release that verifies: exit 0, a PASSED verdict, nothing left behind', async () => {
    const r = await runScript(['--verifier', standIn, VERSION]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr.trim().split('\n').at(-1) ?? '', /^PASSED: aws-lambda-powertools 3\.2\.1/);
    assert.match(r.stderr, /Verifying artifact .*\.whl: PASSED/);
    assert.match(r.stderr, /Verifying artifact .*\.tar\.gz: PASSED/);
    assert.deepEqual(r.cwdEntries, ['multiple.intoto.jsonl']);
    assert.deepEqual(r.tmpEntries, []);
  });
  test('a verification failure propagates: exit 1 and a FAILED verdict', async () => {
    const r = await runScript(['--verifier', standIn, '9.9.9']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /digest mismatch/);
    assert.match(r.stderr.trim().split('\n').at(-1) ?? '', /^FAILED: aws-lambda-powertools 9\.9\.9 did not verify/);
    assert.deepEqual(r.tmpEntries, []);
  });
  test('a missing release is a download error (exit 4)', async () => {
    const r = await runScript(['--verifier', standIn, '1.0.0']);
    assert.equal(r.code, 4, r.stderr);
    assert.match(r.stderr, /does the release exist/);
    assert.deepEqual(r.tmpEntries, []);
  });
  test('a tampered verifier binary is refused with the integrity exit code (5)', async () => {
    const r = await runScript([VERSION]);
    assert.equal(r.code, 5, r.stderr);
    assert.match(r.stderr, /checksum mismatch: expected [0-9a-f]{64}, got [0-9a-f]{64}/);
    assert.ok(!requests.some((u) => u.startsWith('/release/')), 'nothing else is downloaded after a failed integrity check');
    assert.deepEqual(r.tmpEntries, []);
  });
  test('hostile versions are refused before any request', async () => {
    for (const version of ['1.0;rm -rf ~', '--help', '', '../../etc/passwd']) {
      const r = await runScript(['--verifier', standIn, '--', version]);
      assert.equal(r.code, 2, `${version}: ${r.stderr}`);
      assert.deepEqual(requests, [], `${version} reached the server`);
    }
  });
  test('Ctrl-C during a download leaves no files behind', async () => {
    hangWheel = true;
    try {
      const r = await runScript(['--verifier', standIn, VERSION], { interruptWhen: () => requests.some((u) => u.endsWith('.whl')) });
      assert.equal(r.code, 130, `${String(r.code)} ${String(r.signal)} ${r.stderr}`);
      assert.deepEqual(r.tmpEntries, []);
      assert.deepEqual(r.cwdEntries, ['multiple.intoto.jsonl']);
    } finally {
      hangWheel = false;
    }
  });
  test('--keep copies the downloads into the named folder only', async () => {
    const keep = path.join(work, 'kept');
    const r = await runScript(['--verifier', standIn, '--keep', keep, VERSION]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(fs.readdirSync(keep).sort(), [sdistName, wheelName, 'multiple.intoto.jsonl'].sort());
  });
});
