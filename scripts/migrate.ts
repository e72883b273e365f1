#!/usr/bin/env node
/**
 * `npm run migrate -- <file.md>… [--out DIR]`: converts MkDocs Material pages to Scissors MDX,
 * written beside each file (same name, .mdx) or into DIR. What could not be converted is listed
 * as file:line warnings. Snippet markers are kept, so the new page still includes live files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitFrontMatter } from '../src/markdown/front-matter.ts';
import { convertMkdocs } from '../src/mkdocs/convert.ts';

const USAGE = `Usage: npm run migrate -- <file.md>… [--out DIR]

Writes the MDX equivalent of each MkDocs Material page beside it (or into DIR) and prints
what it could not convert as file:line warnings. Exit codes: 0 done (warnings possible),
1 a file could not be read or written, 2 usage error.`;

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
} catch (error) {
  process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
  process.exit(2);
}
if (parsed.values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (parsed.positionals.length === 0) {
  process.stderr.write(`migrate: name at least one .md file\n\n${USAGE}\n`);
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
const outDir = parsed.values.out ? path.resolve(cwd, parsed.values.out) : undefined;
let failed = false;
for (const input of parsed.positionals) {
  const file = path.resolve(cwd, input);
  const display = path.relative(cwd, file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    process.stderr.write(`${display}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
    failed = true;
    continue;
  }
  // Front matter stays as it is; only the body is in MkDocs' dialect.
  const { frontMatter: fm, body, lineCount: offset } = splitFrontMatter(text);
  const result = convertMkdocs(body, { mdx: true });
  const target = path.join(outDir ?? path.dirname(file), `${path.basename(file, path.extname(file))}.mdx`);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, `${fm}${result.text.replace(/\n*$/, '\n')}`);
  } catch (error) {
    process.stderr.write(`${display}: cannot write ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    failed = true;
    continue;
  }
  for (const w of result.warnings) process.stderr.write(`${display}:${w.line + offset}: warning: ${w.message}\n`);
  process.stdout.write(`${display} → ${path.relative(cwd, target) || target}${result.warnings.length ? ` (${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'})` : ''}\n`);
}
process.exit(failed ? 1 : 0);
