/**
 * The package as a user gets it: `npm pack`, installed into another folder that holds an MkDocs
 * project, then `npx scissors build` — and the bin started by the machine's own (older) Node,
 * which must hand over to the Node the package brings.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../..');

function systemNode(): string | undefined {
  // The first `node` on PATH that is not this package's own (npm scripts put that one first).
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir.includes('node_modules')) continue;
    const candidate = path.join(dir, 'node');
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

test('npm pack → npm i -D → npx scissors build builds an MkDocs project', { timeout: 600_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-pack-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1) ?? '';
    const project = path.join(dir, 'project');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.writeFileSync(path.join(project, file), text);
    };
    write('package.json', '{"name":"pack-project","private":true}\n');
    write('mkdocs.yml', 'site_name: Packed\nnav:\n  - Home: index.md\n  - Guide: guide/start.md\nmarkdown_extensions:\n  - admonition\n  - pymdownx.snippets:\n      check_paths: true\nplugins:\n  - search\n  - privacy\n');
    write('docs/index.md', '# Packed\n\n!!! tip "Installed"\n    From the tarball.\n\nRead [the guide](guide/start.md#setup).\n');
    write('docs/guide/start.md', '# Start\n\n## Setup\n\n```python\n--8<-- "snippets/app.py"\n```\n');
    write('snippets/app.py', 'print("from an included file")\n');
    const install = spawnSync('npm', ['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', path.join(dir, tarball)], { cwd: project, encoding: 'utf8' });
    assert.equal(install.status, 0, install.stderr);

    // With a page worker forced on: the two pages are rendered long before it is up, and it must
    // leave quietly (it once crashed, its output folder already removed, and printed the error).
    // (SCISSORS_* variables are part of what a quick rebuild compares: the rebuild below has it too.)
    const workerOn = { ...process.env, SCISSORS_PAGE_WORKER: 'on' };
    const build = spawnSync('npx', ['scissors', 'build'], { cwd: project, encoding: 'utf8', env: workerOn });
    assert.equal(build.status, 0, `${build.stdout}\n${build.stderr}`);
    const home = fs.readFileSync(path.join(project, 'site/index.html'), 'utf8');
    assert.match(home, /href="\/guide\/start\/#setup"/);
    assert.match(home, /admonition-tip/);
    assert.match(fs.readFileSync(path.join(project, 'site/guide/start/index.html'), 'utf8'), /from an included file/);
    // The skipped plugin is named once, at its line.
    const output = `${build.stdout}\n${build.stderr}`;
    assert.equal(output.match(/MKDOCS_PLUGIN: plugin privacy/g)?.length, 1, output);
    assert.match(output, /mkdocs\.yml:11 MKDOCS_PLUGIN/);
    assert.doesNotMatch(output, /ExperimentalWarning|Error/);
    assert.match(output, /page worker: 0 of 2 pages\n/);
    // The log counts the pages the search index holds: the two pages, not the 404 page it left out.
    assert.match(output, /search index of 2 pages/);

    // An edit to an included file, built again from the installed package: a quick rebuild.
    write('snippets/app.py', 'print("edited after the build")\n');
    const again = spawnSync('npx', ['scissors', 'build'], { cwd: project, encoding: 'utf8', env: workerOn });
    const againOutput = `${again.stdout}\n${again.stderr}`;
    assert.equal(again.status, 0, againOutput);
    assert.match(againOutput, /render cache: 1 pages rendered, 1 reused \(quick rebuild/);
    assert.match(fs.readFileSync(path.join(project, 'site/guide/start/index.html'), 'utf8'), /edited after the build/);
    assert.equal(againOutput.match(/MKDOCS_PLUGIN: plugin privacy/g)?.length, 1, againOutput);
    assert.doesNotMatch(againOutput, /ExperimentalWarning/);

    // A page worker started from the installed package (its TypeScript is stripped by bin/'s hook
    // there too): forced on, with pages enough that the loader is still rendering when it is up.
    // Each page's code its own (none from Shiki's cache), so the pages take the loader a few seconds.
    for (let i = 1; i <= 120; i++) {
      const code = Array.from({ length: 40 }, (_, line) => `def f_${i}_${line}(x: int) -> str:\n    return f"{x!r} {${i} * ${line}}"`).join('\n');
      write(`docs/more/page-${i}.md`, `# Page ${i}\n\n\`\`\`python\n${code}\n\`\`\`\n`);
    }
    const withWorker = spawnSync('npx', ['scissors', 'build'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, SCISSORS_PAGE_WORKER: 'on', SCISSORS_RENDER_CACHE: 'off', SCISSORS_QUICK_REBUILD: 'off' },
    });
    const workerOutput = `${withWorker.stdout}\n${withWorker.stderr}`;
    assert.equal(withWorker.status, 0, workerOutput);
    const share = /page worker: (\d+) of 122 pages\n/.exec(workerOutput);
    assert.ok(share && Number(share[1]) > 0, `the worker rendered pages and ran to the end, without stopping: ${workerOutput.slice(-2000)}`);
    assert.doesNotMatch(workerOutput, /ExperimentalWarning|Error/);
    assert.match(fs.readFileSync(path.join(project, 'site/more/page-60/index.html'), 'utf8'), /f_60_39/);

    // Started by an older Node (the machine's), the bin re-runs itself on the bundled one.
    const older = systemNode();
    assert.ok(older, 'no node outside node_modules on PATH');
    {
      const help = spawnSync(older ?? 'node', [path.join(project, 'node_modules/scissors/bin/scissors.mjs'), 'help'], { cwd: project, encoding: 'utf8' });
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, /scissors <command>/);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
