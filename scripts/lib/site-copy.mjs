// A throwaway copy of this project's site machinery (config, src, public) with other content:
// used by the dev-server tests, the build tests and the benchmarks. node_modules is linked.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const MACHINERY = ['astro.config.mjs', 'scissors.config.ts', 'package.json', 'tsconfig.json', 'src', 'public'];
/** Caches tools keep inside node_modules: each copy gets its own, or parallel builds share state. */
const PER_COPY = new Set(['.astro', '.vite', '.cache']);

/**
 * `dir/node_modules` made of links to this project's packages, without its caches: Astro's
 * content store in node_modules/.astro would otherwise leak pages between concurrent copies.
 */
export function linkNodeModules(dir) {
  const target = path.join(dir, 'node_modules');
  fs.mkdirSync(target, { recursive: true });
  for (const entry of fs.readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (!PER_COPY.has(entry)) fs.symlinkSync(path.join(projectRoot, 'node_modules', entry), path.join(target, entry));
  }
}

/** Create `dir` afresh with the site machinery and `files` ({ relative path: content }). */
export function writeSiteCopy(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of MACHINERY) fs.cpSync(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  linkNodeModules(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

/** Build output and tool state that a copy of the whole project must not carry over. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', 'bench-results']);

/** A fresh temporary copy of the whole project (content included), with linked packages. */
export function copyProject(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const entry of fs.readdirSync(projectRoot)) {
    if (!NOT_COPIED.has(entry)) fs.cpSync(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  }
  linkNodeModules(dir);
  return dir;
}
