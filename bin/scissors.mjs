#!/usr/bin/env node
// The `scissors` command. Plain JavaScript so that any Node can start it: Scissors needs
// Node >= 22.12 (Astro 7), so an older Node re-runs this file on the Node this package brings
// (the `node` package). Installed under node_modules, Node will not strip TypeScript types
// itself, so Scissors' own .ts modules are stripped by a load hook.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const packageRoot = path.resolve(path.dirname(self), '..');
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

if (major < 22 || (major === 22 && minor < 12)) {
  let node;
  try {
    node = path.join(path.dirname(createRequire(self).resolve('node/package.json')), 'bin', 'node');
  } catch {
    process.stderr.write(`scissors: Node ${process.versions.node} is too old (Scissors needs 22.12 or newer) and the bundled Node is missing; reinstall scissors.\n`);
    process.exit(2);
  }
  const result = spawnSync(node, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

// V8 keeps the code it compiled for the modules every command loads (Astro, Vite, the Markdown
// pipeline) between runs: ~0.3 s of each process's start (BENCHMARKS.md). Node checks each entry
// against its file's content; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.(path.join(packageRoot, 'node_modules', '.cache', 'scissors', 'compile-cache'));

if (packageRoot.split(path.sep).includes('node_modules')) {
  const { registerHooks, stripTypeScriptTypes } = await import('node:module');
  // Node flags type stripping as experimental on each use; it is the documented way to load
  // TypeScript from node_modules, so the warning would only be noise on every command.
  const emitWarning = process.emitWarning;
  process.emitWarning = function (warning, ...rest) {
    if (String(warning instanceof Error ? warning.message : warning).includes('stripTypeScriptTypes')) return;
    return emitWarning.call(process, warning, ...rest);
  };
  const prefix = pathToFileURL(packageRoot + path.sep).href;
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith(prefix) && url.endsWith('.ts') && !url.includes('/node_modules/', prefix.length)) {
        const source = fs.readFileSync(fileURLToPath(url), 'utf8');
        return { format: 'module', source: stripTypeScriptTypes(source, { mode: 'strip' }), shortCircuit: true };
      }
      return nextLoad(url, context);
    },
  });
}

const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
