/** Snippet expansion throughput: pages with 100 markers each, one expander (and file cache) per build. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SnippetExpander } from '../../src/snippets/expand.ts';
import { resolveSnippetOptions } from '../../src/snippets/options.ts';
import { FileReader } from '../../src/snippets/read.ts';
import { summarise, type Summary } from './stats.ts';

const PAGES = 200;
const MARKERS_PER_PAGE = 100;
const FILES = 20;

export interface SnippetBench {
  pages: number;
  markers: number;
  files: number;
  reads: number;
  seconds: Summary;
  markersPerSecond: number;
}

export function runSnippetBench(runs = 3): SnippetBench {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-bench-snippets-'));
  try {
    for (let f = 0; f < FILES; f++) {
      const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1} of file ${f}`);
      lines.splice(10, 0, '# --8<-- [start:part]');
      lines.splice(20, 0, '# --8<-- [end:part]');
      fs.writeFileSync(path.join(dir, `inc-${f}.md`), `${lines.join('\n')}\n`);
    }
    const pages = Array.from({ length: PAGES }, (_, p) =>
      Array.from({ length: MARKERS_PER_PAGE }, (_, m) => {
        const f = (p + m) % FILES;
        const kind = m % 3;
        return kind === 0 ? `--8<-- "inc-${f}.md"` : kind === 1 ? `    --8<-- "inc-${f}.md:3:12"` : `--8<-- "inc-${f}.md:part"`;
      }).join('\nText between markers.\n'),
    );
    const options = resolveSnippetOptions(dir);
    const once = () => {
      const reader = new FileReader();
      const expander = new SnippetExpander(options, reader);
      const start = performance.now();
      let lines = 0;
      for (const [i, text] of pages.entries()) {
        const result = expander.expandDocument(text, path.join(dir, `page-${i}.md`));
        if (result.diagnostics.length > 0) throw new Error(`benchmark corpus is broken: ${result.diagnostics[0]?.message}`);
        lines += result.lines.length;
      }
      return { seconds: (performance.now() - start) / 1000, reads: reader.reads, lines };
    };
    once(); // warm-up
    const results = Array.from({ length: runs }, once);
    const seconds = summarise(results.map((r) => r.seconds));
    const markers = PAGES * MARKERS_PER_PAGE;
    return { pages: PAGES, markers, files: FILES, reads: results[0]?.reads ?? 0, seconds, markersPerSecond: markers / seconds.median };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
