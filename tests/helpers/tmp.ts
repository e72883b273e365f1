import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A real temporary folder with the given files (paths relative to it), removed by `cleanup`. */
export function tempTree(files: Record<string, string | Buffer>): { dir: string; cleanup: () => void; path: (p: string) => string } {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-test-')));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }), path: (p: string) => path.join(dir, p) };
}
