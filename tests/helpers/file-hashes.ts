import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** SHA-256 of every file under `dir`, by relative path in sorted order: two builds compared file by file. */
export function fileHashes(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of fs.globSync('**/*', { cwd: dir }).sort()) {
    const full = path.join(dir, file);
    if (fs.statSync(full).isFile()) out.set(file, createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
  }
  return out;
}
