// A throwaway copy of this project with pages made for the dev-server tests, and `astro dev`
// running in it. The tests edit, delete and create its files freely; the repo is never touched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSiteCopy } from '../../scripts/lib/site-copy.mjs';

export const DEV_PORT = Number(process.env.DEV_PORT ?? 4323);
export const devSiteDir = path.join(os.tmpdir(), `scissors-dev-site-${DEV_PORT}`);

export const initialFiles = {
  'content/docs/index.mdx': '---\ntitle: Home\n---\n\nHome page.\n',
  'content/docs/live.mdx':
    '---\ntitle: Live\n---\n\n--8<-- "parts/live.md"\n\n```text title="range"\n--8<-- "parts/code.txt:2:2"\n```\n',
  'content/docs/other.mdx': '---\ntitle: Other\n---\n\nA page that includes nothing.\n',
  'content/docs/grow.mdx': '---\ntitle: Grow\n---\n\nPlain page.\n',
  'content/docs/typo.mdx': '---\ntitle: Typo\n---\n\nBefore.\n\n--8<-- "parts/later.md"\n',
  'parts/live.md': '## Live heading\n\nversion one\n\n--8<-- "parts/nested.md"\n',
  'parts/nested.md': 'nested one\n',
  'parts/code.txt': 'line 1\nline 2 v1\nline 3\n',
  'parts/grown.md': 'grown one\n',
  // dev-churn.spec.ts
  'content/docs/churn.mdx': '---\ntitle: Churn\n---\n\n--8<-- "parts/churn.md"\n\n```text title="code"\n--8<-- "parts/churn-code.txt"\n```\n',
  'content/docs/selfie.mdx': '---\ntitle: Selfie\n---\n\nSelfie page.\n',
  'parts/churn.md': 'churn start\n\n--8<-- "parts/churn-nested.md"\n',
  'parts/churn-nested.md': 'nested start\n',
  'parts/churn-code.txt': 'code start\n',
};

/** A file of the dev site, by its path in the site. */
export const siteFile = (file) => path.join(devSiteDir, file);
export const writeSiteFile = (file, content) => fs.writeFileSync(siteFile(file), content);

/** Put files back as the site started: a file it did not have is removed (a folder in its place too). */
export function restoreSiteFiles(...files) {
  for (const file of files) {
    const content = initialFiles[file];
    fs.rmSync(siteFile(file), { recursive: true, force: true });
    if (content !== undefined) writeSiteFile(file, content);
  }
}

export function writeDevSite() {
  writeSiteCopy(devSiteDir, initialFiles);
}

if (process.argv[1] === import.meta.filename) {
  writeDevSite();
  const child = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(DEV_PORT)], {
    cwd: devSiteDir,
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => {
    fs.rmSync(devSiteDir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}
