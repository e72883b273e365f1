#!/usr/bin/env node
/**
 * `npm run check`: fails on any broken snippet, link, anchor, image or asset of the docs, each
 * reported at file:line:col of the source to edit.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import scissorsConfig from '../scissors.config.ts';
import { format, type Format } from '../src/check/format.ts';
import { runCheck } from '../src/check/run.ts';
import { createExpander, parseScissorsOptions } from '../src/integration/index.ts';

const USAGE = `Usage: npm run check -- [options]

Checks every page: snippets (files, ranges, sections), internal links and #anchors, images
and other assets, external links (offline policy; over HTTP with --external), and that links
opening a new tab carry rel="noopener". Builds the site into a temporary folder first.

Options:
  --format human|json|github|sarif   output (default human; github when GITHUB_ACTIONS=true)
  --external                         also check external links over HTTP (cached for a day)
  --no-build                         check the existing build in dist/ (or --dist DIR) as it is
  --dist DIR                         the build to check with --no-build
  -h, --help                         this help

Exit codes: 0 no errors (warnings may be printed), 1 errors found, 2 usage error or the
check itself failed. Severities are set per code in scissors.config.ts (check.severity).`;

const root = path.resolve(import.meta.dirname, '..');
let values;
try {
  ({ values } = parseArgs({
    allowNegative: true,
    options: {
      format: { type: 'string' },
      external: { type: 'boolean', default: false },
      build: { type: 'boolean', default: true },
      dist: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  process.stderr.write(`check: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const chosen = values.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
if (!['human', 'json', 'github', 'sarif'].includes(chosen)) {
  process.stderr.write(`check: unknown format "${chosen}"\n`);
  process.exit(2);
}

try {
  const options = parseScissorsOptions({ ...scissorsConfig, root });
  const started = performance.now();
  const problems = await runCheck({
    root,
    expander: createExpander(options),
    contentDir: 'content/docs',
    build: values.build,
    dist: values.dist,
    external: values.external,
    policy: options.check.external,
    http: {
      concurrency: options.check.external.concurrency,
      timeoutMs: options.check.external.timeout * 1000,
      retries: options.check.external.retries,
      backoffMs: 500,
      maxRetryAfterMs: 60_000,
      cacheFile: path.join(root, 'node_modules/.cache/scissors/external-links.json'),
      cacheTtl: options.check.external.cacheTtl,
    },
    severity: options.check.severity,
    log: (line) => process.stderr.write(`check: ${line}\n`),
  });
  process.stdout.write(format(problems, chosen as Format));
  process.stderr.write(`check: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.exit(problems.some((p) => p.severity === 'error') ? 1 : 0);
} catch (error) {
  process.stderr.write(`check: the check itself failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
}
