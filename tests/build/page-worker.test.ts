/**
 * `scissors build` starts a page worker beside Astro's build (src/parallel/page-worker.ts): it
 * renders pages from the end of the list while the docs loader renders from the start. The site
 * must be the same with and without it: a copy of this site with pages of every kind (MDX, MDX
 * that needs the runtime, a page with an image, MkDocs-dialect Markdown, pages that warn, and
 * enough plain pages that both renderers get some) is built both ways and compared.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyProject } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';
import { writeImagePage } from '../helpers/image-page.ts';
import { scissorsBuildOk, type ScissorsBuild } from '../helpers/scissors-build.ts';

const copy = copyProject('scissors-page-worker-');
after(() => fs.rmSync(copy, { recursive: true, force: true }));

// Both builds render every page (no render cache, no quick rebuild).
const COLD = { SCISSORS_RENDER_CACHE: 'off', SCISSORS_QUICK_REBUILD: 'off' };
const PAGES = 160;
let withWorker: ScissorsBuild;
let alone: ScissorsBuild;

before(() => {
  const docs = path.join(copy, 'content/docs');
  fs.writeFileSync(path.join(docs, 'runtime.mdx'), '---\ntitle: Runtime\n---\n\nexport const n = 6 * 7;\n\nThe answer is {n}.\n');
  writeImagePage(docs);
  fs.writeFileSync(
    path.join(docs, 'dialect.md'),
    '---\ntitle: MkDocs dialect\n---\n\n# MkDocs dialect\n\n!!! note "Heads up"\n    Body.\n\n```nosuchlanguage\nwarns\n```\n',
  );
  // Pages that take the loader a few seconds in all (each code block its own, so none comes from
  // Shiki's cache): the worker, which needs about a second to start, gets its share.
  for (let i = 1; i <= PAGES; i++) {
    const name = `page-${String(i).padStart(3, '0')}`;
    const warn = i % 40 === 0 ? `\`\`\`language-${i}\ncode\n\`\`\`\n` : '';
    const code = Array.from({ length: 40 }, (_, line) => `def f_${i}_${line}(x: int) -> str:\n    return f"{x!r} {${i} * ${line}}"  # ${line}`).join('\n');
    fs.writeFileSync(
      path.join(docs, `${name}.mdx`),
      `---\ntitle: Page ${i}\n---\n\n## Part ${i}\n\n:::note\nSee [the policy](/security/).\n:::\n\n--8<-- "SECURITY.md:1:4"\n\n${warn}\`\`\`python\n${code}\n\`\`\`\n`,
    );
  }
  // The last page (the worker's first) includes a file no other page does.
  fs.writeFileSync(path.join(copy, 'worker-only.md'), 'Read by the last page only.\n');
  fs.writeFileSync(path.join(docs, 'zz-last.mdx'), '---\ntitle: Last\n---\n\n--8<-- "worker-only.md"\n');
  // `on`: a worker from the first page (by default the loader starts one only for slow pages).
  withWorker = scissorsBuildOk(copy, 'dist-worker', { ...COLD, SCISSORS_PAGE_WORKER: 'on' });
  alone = scissorsBuildOk(copy, 'dist-alone', { ...COLD, SCISSORS_PAGE_WORKER: 'off' });
});

const workerShare = (log: string) => /page worker: (\d+) of (\d+) pages/.exec(log);

test('the worker renders some of the pages, and the loader the rest', () => {
  const share = workerShare(withWorker.log);
  assert.ok(share, withWorker.log.slice(-3000));
  const [taken, total] = [Number(share[1]), Number(share[2])];
  assert.ok(taken > 0 && taken < total, `the worker took ${taken} of ${total} pages`);
  assert.doesNotMatch(alone.log, /page worker/, 'SCISSORS_PAGE_WORKER=off starts no worker');
});

test('the site is byte-identical with and without the worker', () => {
  const a = fileHashes(path.join(copy, 'dist-worker'));
  const b = fileHashes(path.join(copy, 'dist-alone'));
  assert.ok(a.size > 40, `only ${a.size} files built`);
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f));
  assert.deepEqual(differ, []);
});

test('the build\'s count of included files covers the worker\'s reads', () => {
  const distinct = (log: string) => /snippets: \d+ file reads, (\d+) distinct files/.exec(log)?.[1];
  assert.ok(distinct(alone.log), alone.log.slice(-3000));
  assert.equal(distinct(withWorker.log), distinct(alone.log));
});

test('pages rendered by the worker warn as they do in the loader: once each, in page order', () => {
  const warnings = (log: string) => log.split('\n').filter((line) => line.includes("doesn't exist, falling back"));
  const expected = warnings(alone.log);
  assert.equal(expected.length, 1 + PAGES / 40, alone.log.slice(-3000));
  assert.deepEqual(warnings(withWorker.log), expected);
});
