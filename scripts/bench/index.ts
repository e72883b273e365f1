/**
 * `npm run bench [name…]`: runs the benchmarks (all by default), prints a table and writes
 * bench-results/latest.json with the machine they ran on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runDevReloadBench } from './dev-reload.ts';
import { runSnippetBench } from './snippets.ts';
import { fmt } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');
const wanted = new Set(process.argv.slice(2));
const want = (name: string) => wanted.size === 0 || wanted.has(name);
const results: Record<string, unknown> = {};
const rows: Array<[string, string, string]> = [];

if (want('snippets')) {
  const r = runSnippetBench();
  results.snippets = r;
  rows.push([
    'snippet expansion',
    `${fmt(r.markersPerSecond)} markers/s (median of ${r.seconds.runs}; ${fmt(r.seconds.min * 1000)}–${fmt(r.seconds.max * 1000)} ms for ${r.markers} markers)`,
    `${r.reads} reads for ${r.files} files`,
  ]);
}
if (want('dev-reload')) {
  const r = await runDevReloadBench();
  results.devReload = r;
  rows.push(['dev reload: HTML served', `median ${fmt(r.serveMs.median)} ms, worst ${fmt(r.serveMs.max)} ms`, `target ≤ 150 ms median; ${r.pages} pages, ${r.edits} edits`]);
  rows.push(['dev reload: page shows it', `median ${fmt(r.browserMs.median)} ms, worst ${fmt(r.browserMs.max)} ms`, 'target ≤ 500 ms median']);
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\nScissors benchmarks — ${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value}  (${note})`);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/latest.json'), `${JSON.stringify({ machine, results }, null, 2)}\n`);
console.log('\nwritten: bench-results/latest.json');
