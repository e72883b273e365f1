/**
 * Last-updated dates from git, never from the clock, so two builds of one commit are identical.
 * A page's date is the newest commit touching the page or any file it includes. The history
 * is read once per build (one `git log`), not once per page.
 */
import { execFileSync } from 'node:child_process';

const histories = new Map<string, Map<string, string> | null>();

/** file (relative to root) → date (YYYY-MM-DD) of the newest commit touching it. */
function history(root: string): Map<string, string> | null {
  if (histories.has(root)) return histories.get(root) ?? null;
  let dates: Map<string, string> | null = null;
  try {
    const out = execFileSync('git', ['log', '--relative', '--no-renames', '--format=%x00%cs', '--name-only', '--', '.'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    dates = new Map();
    // Newest commits come first: the first date seen for a file is its newest.
    for (const block of out.split('\0')) {
      const [date = '', ...files] = block.split('\n');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      for (const file of files) if (file && !dates.has(file)) dates.set(file, date);
    }
  } catch {
    dates = null; // not a git checkout: no dates rather than invented ones
  }
  histories.set(root, dates);
  return dates;
}

/** ISO date (YYYY-MM-DD) of the newest commit touching any of `files`, or null. */
export function lastCommitDate(root: string, files: string[]): string | null {
  const dates = history(root);
  if (!dates) return null;
  let newest: string | null = null;
  for (const file of files) {
    const date = dates.get(file.split('\\').join('/'));
    if (date && (!newest || date > newest)) newest = date;
  }
  return newest;
}
