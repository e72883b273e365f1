// A throwaway copy of this project's site machinery (config, src, public) with other content:
// used by the dev-server tests, the build tests and the benchmarks. node_modules is linked.
import fs from 'node:fs';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
const MACHINERY = ['astro.config.mjs', 'scissors.config.ts', 'package.json', 'tsconfig.json', 'src', 'public'];

/** Create `dir` afresh with the site machinery and `files` ({ relative path: content }). */
export function writeSiteCopy(dir, files) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const entry of MACHINERY) fs.cpSync(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}
