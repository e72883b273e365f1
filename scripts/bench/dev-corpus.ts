/**
 * `scissors dev` on the Powertools corpus: how soon after start the first page is served, and how
 * soon after an edit to an included example its page serves the new HTML (10 edits after one
 * uncounted). MkDocs' `serve`, which builds the whole site before serving, is timed alongside.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MKDOCS } from './mkdocs.ts';
import { summarise, type Summary } from './stats.ts';

const EDITS = 10;
export const DEV_PAGE = '/utilities/middleware_factory/';
export const DEV_EXAMPLE = 'examples/middleware_factory/src/getting_started_middleware_before_logic_function.py';

export interface DevCorpusBench {
  firstPageMs: number;
  mkdocsServeFirstPageMs: number;
  editServeMs: Summary;
  edits: number;
}

async function firstResponse(url: string, start: number, timeoutMs: number, child: ChildProcess): Promise<number> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited (${child.exitCode})`);
    try {
      const r = await fetch(url);
      if (r.ok) {
        await r.text();
        return performance.now() - start;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess): void {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

export async function runDevCorpusBench(install: string, scissorsSite: string, mkdocsSite: string, port = 4392): Promise<DevCorpusBench> {
  // MkDocs first: `serve` builds everything, then answers.
  let start = performance.now();
  const mk = spawn(MKDOCS, ['serve', '-a', `127.0.0.1:${port + 1}`], { cwd: mkdocsSite, stdio: 'ignore', detached: true });
  let mkdocsServeFirstPageMs: number;
  try {
    mkdocsServeFirstPageMs = await firstResponse(`http://127.0.0.1:${port + 1}${DEV_PAGE}`, start, 120_000, mk);
  } finally {
    stop(mk);
  }

  start = performance.now();
  const server = spawn(process.execPath, [path.join(install, 'bin/scissors.mjs'), 'dev', scissorsSite, '--port', String(port), '--host', '127.0.0.1'], {
    cwd: install,
    env: { ...process.env, INIT_CWD: install, FORCE_COLOR: '0' },
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}${DEV_PAGE}`;
  const example = path.join(scissorsSite, DEV_EXAMPLE);
  const original = fs.readFileSync(example, 'utf8');
  try {
    const firstPageMs = await firstResponse(url, start, 120_000, server);
    const times: number[] = [];
    for (let i = 0; i <= EDITS; i++) {
      const token = `bench_token_${i}`;
      await new Promise((r) => setTimeout(r, 300));
      const editStart = performance.now();
      fs.writeFileSync(example, `${original}# ${token}\n`);
      for (;;) {
        const html = await (await fetch(url)).text();
        if (html.includes(token)) break;
        if (performance.now() - editStart > 20_000) throw new Error(`edit ${i} never showed on ${url}`);
        await new Promise((r) => setTimeout(r, 5));
      }
      if (i > 0) times.push(performance.now() - editStart);
    }
    return { firstPageMs, mkdocsServeFirstPageMs, editServeMs: summarise(times), edits: EDITS };
  } finally {
    stop(server);
    fs.writeFileSync(example, original);
  }
}
