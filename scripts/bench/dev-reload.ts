/**
 * Dev reload latency: rewrite an included file and time until (a) the dev server serves the new
 * HTML and (b) an open Chromium page shows it by itself. On a generated 200-page site (the
 * default), or on this project's own Security page (`security: true`): SECURITY.md edited,
 * `/security/` watched, in a copy of the whole project.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium } from '../lib/browser.mjs';
import { copyProject, writeSiteCopy } from '../lib/site-copy.mjs';
import { corpusFiles } from './corpus.ts';
import { summarise, type Summary } from './stats.ts';

// BENCH_DEV_PORT: another port when 4391 is taken (helpers sharing a machine).
const PORT = Number(process.env.BENCH_DEV_PORT ?? 4391);
const EDITS = 10;

export interface DevReloadBench {
  pages: number;
  edits: number;
  serveMs: Summary;
  browserMs: Summary;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`dev server did not answer ${url}`);
}

export async function runDevReloadBench(pages = 200, options: { security?: boolean } = {}): Promise<DevReloadBench> {
  let dir = path.join(os.tmpdir(), 'scissors-bench-dev');
  if (options.security) dir = copyProject('scissors-bench-dev-security-');
  else writeSiteCopy(dir, corpusFiles(pages));
  const pagePath = options.security ? '/security/' : '/page-0001/';
  const edited = options.security ? 'SECURITY.md' : 'parts/policy-footer.md';
  const original = fs.readFileSync(path.join(dir, edited), 'utf8');
  // The token goes into a paragraph of the file, as an author's edit would.
  const edit = (token: string) => (options.security ? original.replace(/\n*$/, `\n\nEdited: ${token}.\n`) : `We acknowledge reports within two business days. ${token}\n`);
  const server = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], { cwd: dir, stdio: 'ignore', detached: true });
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found (npm test installs it)');
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const url = `http://127.0.0.1:${PORT}${pagePath}`;
    await waitFor(url, 120_000);
    const page = await browser.newPage();
    // A reload only reaches a page whose HMR socket is connected: wait for that before each edit.
    let connected: Promise<void> = Promise.resolve();
    const expectConnection = () => {
      connected = new Promise((resolve) => {
        const onMessage = (m: { text(): string }) => {
          if (m.text().includes('[vite] connected')) {
            page.off('console', onMessage);
            resolve();
          }
        };
        page.on('console', onMessage);
      });
    };
    expectConnection();
    await page.goto(url);
    const footer = path.join(dir, edited);
    const serve: number[] = [];
    const shown: number[] = [];
    for (let i = 0; i <= EDITS; i++) {
      const token = `bench-token-${i}`;
      await connected;
      // Let a second reload of the last edit (Astro may send two) settle, outside the timing:
      // an edit written while the page is between sockets is never seen (a flake once here).
      await new Promise((r) => setTimeout(r, 300));
      expectConnection();
      const shownPromise = page.waitForFunction((t) => document.body?.innerText.includes(t), token, { polling: 'raf', timeout: 20_000 });
      const start = performance.now();
      fs.writeFileSync(footer, edit(token));
      let served = 0;
      while (!served) {
        const html = await (await fetch(url)).text();
        if (html.includes(token)) served = performance.now() - start;
        else await new Promise((r) => setTimeout(r, 5));
      }
      await shownPromise;
      const browserMs = performance.now() - start;
      if (i > 0) {
        // The first edit warms caches; it is not counted.
        serve.push(served);
        shown.push(browserMs);
      }
    }
    return { pages: options.security ? 1 : pages, edits: EDITS, serveMs: summarise(serve), browserMs: summarise(shown) };
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
