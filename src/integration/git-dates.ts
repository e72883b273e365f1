/**
 * Last-updated dates from git, never from the clock, so two builds of one commit are identical.
 * A page's date is the newest commit touching the page or any file it includes.
 */
import { execFileSync } from 'node:child_process';

const cache = new Map<string, string | null>();

/** ISO date (YYYY-MM-DD) of the newest commit touching any of `files`, or null outside git. */
export function lastCommitDate(root: string, files: string[]): string | null {
  const key = files.slice().sort().join('\n');
  if (cache.has(key)) return cache.get(key) ?? null;
  let date: string | null = null;
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cs', '--', ...files], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    date = /^\d{4}-\d{2}-\d{2}$/.test(out) ? out : null;
  } catch {
    date = null;
  }
  cache.set(key, date);
  return date;
}
