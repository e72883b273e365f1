#!/usr/bin/env node
/**
 * `npm run snippets -- expand <file> [options]` prints the text after snippet expansion (and
 * nothing else) on stdout; `npm run snippets -- deps <file>` prints, as JSON, every file the page
 * depends on. Relative paths resolve against the directory npm was invoked from (INIT_CWD).
 * Same engine and same option schema as the site.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { snippetOptionsSchema } from '../src/integration/options.ts';
import { formatDiagnostic, type SnippetDiagnostic } from '../src/snippets/errors.ts';
import { SnippetExpander } from '../src/snippets/expand.ts';
import { resolveSnippetOptions, SnippetOptionsError } from '../src/snippets/options.ts';

const USAGE = `Usage:
  snippets expand <file> [options]   print the file with its snippets expanded
  snippets deps <file> [options]     print what the file depends on, as JSON

Options (pymdownx.snippets' options, with Scissors' safer defaults):
  --base-path <dir|file>      a base path (repeatable; default: the current directory)
  --no-check-paths            a missing file or section is a warning, not an error
  --no-restrict-base-path     allow paths outside the base paths
  --dedent-subsections        dedent line-range and section extracts
  --auto-append <file>        append this snippet to the page (repeatable)
  --encoding <name>           encoding of included files (default utf-8)
  --tab-length <n>            tab width for marker indentation (default 4)
  --url-download              allow https URL includes (with --url-allow-host)
  --url-allow-host <host>     a host URL includes may come from (repeatable)
  --url-max-size <bytes>      largest download (default 33554432)
  --url-timeout <seconds>     download timeout (default 10)
  --config                    start from the site's options (scissors.config.ts; its base paths
                              are relative to the project root); flags given here still win
  -h, --help                  this help

Exit codes: 0 expanded, 1 a snippet error (printed on stderr), 2 usage error.`;

function fail(message: string, code = 2): never {
  process.stderr.write(`snippets: ${message}\n`);
  process.exit(code);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    allowNegative: true,
    options: {
      'base-path': { type: 'string', multiple: true },
      'check-paths': { type: 'boolean' },
      'restrict-base-path': { type: 'boolean' },
      'dedent-subsections': { type: 'boolean' },
      'auto-append': { type: 'string', multiple: true },
      encoding: { type: 'string' },
      'tab-length': { type: 'string' },
      'url-download': { type: 'boolean' },
      'url-allow-host': { type: 'string', multiple: true },
      'url-max-size': { type: 'string' },
      'url-timeout': { type: 'string' },
      config: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const [command, target, ...extra] = positionals;
if ((command !== 'expand' && command !== 'deps') || !target || extra.length > 0) fail(`expected "expand <file>" or "deps <file>"\n\n${USAGE}`);

const cwd = process.env.INIT_CWD ?? process.cwd();
const number = (value: string | undefined, name: string) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) fail(`--${name} needs a non-negative number, got "${value}"`);
  return n;
};

// With --config the site's own options are the starting point: one schema, one source of truth.
const projectRoot = path.resolve(import.meta.dirname, '..');
const site: { basePaths?: string[] } & Record<string, unknown> = values.config ? ((await import('../scissors.config.ts')).default.snippets ?? {}) : {};
const siteBasePaths = values.config ? (site.basePaths ?? ['.']).map((b) => path.resolve(projectRoot, b)) : undefined;
const schemaResult = snippetOptionsSchema.safeParse({
  ...site,
  basePaths: values['base-path'] ?? siteBasePaths ?? ['.'],
  checkPaths: values['check-paths'],
  restrictBasePath: values['restrict-base-path'],
  dedentSubsections: values['dedent-subsections'],
  autoAppend: values['auto-append'],
  encoding: values.encoding,
  tabLength: number(values['tab-length'], 'tab-length'),
  urlDownload: values['url-download'],
  urlAllowHosts: values['url-allow-host'],
  urlMaxSize: number(values['url-max-size'], 'url-max-size'),
  urlTimeout: number(values['url-timeout'], 'url-timeout'),
});
if (!schemaResult.success) fail(schemaResult.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));

let expander: SnippetExpander;
try {
  expander = new SnippetExpander(resolveSnippetOptions(cwd, schemaResult.data));
} catch (error) {
  fail(error instanceof SnippetOptionsError ? error.message : String(error));
}

const file = path.resolve(cwd, target);
let text: string;
try {
  // A page is read as MkDocs reads it: UTF-8, BOM dropped, any line ending.
  text = new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
} catch (error) {
  fail(`cannot read ${target}: ${error instanceof Error ? error.message : String(error)}`, 1);
}

const result = await expander.expandDocumentAsync(text, file);
const rel = (f: string) => (/^https?:/i.test(f) ? f : path.relative(cwd, f) || f);
const report = (d: SnippetDiagnostic) => process.stderr.write(`${formatDiagnostic(d, rel)}\n`);
result.diagnostics.forEach(report);
const failed = result.diagnostics.some((d) => d.severity === 'error');

if (command === 'expand') {
  if (!failed) process.stdout.write(result.lines.join('\n'));
} else {
  const dependencies = [...result.dependencies].sort().map((d) => ({ path: rel(d), missing: result.missing.has(d) }));
  process.stdout.write(`${JSON.stringify({ file: rel(file), dependencies }, null, 2)}\n`);
}
process.exit(failed ? 1 : 0);
