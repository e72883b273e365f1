/** Peak resident memory of a process and all its descendants, sampled from /proc (Linux). */
import fs from 'node:fs';

function table(): Map<number, { ppid: number; rssKiB: number }> {
  const out = new Map<number, { ppid: number; rssKiB: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rssKiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      out.set(Number(entry), { ppid, rssKiB });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

export function treeRssBytes(root: number): number {
  const procs = table();
  let total = 0;
  const stack = [root];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const pid = stack.pop() ?? 0;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += (procs.get(pid)?.rssKiB ?? 0) * 1024;
    for (const [child, info] of procs) if (info.ppid === pid) stack.push(child);
  }
  return total;
}

/** Sample every `intervalMs` until stopped; returns the peak. */
export function samplePeak(root: number, intervalMs = 100): { stop: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(root));
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
