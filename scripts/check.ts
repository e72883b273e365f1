#!/usr/bin/env node
/**
 * `npm run check`: `scissors check` on this repository's own site — every snippet, link,
 * anchor, image and asset, each reported at the file:line:col to edit. Options as for
 * `scissors check` (--format human|json|github|sarif, --external, --no-build, --dist DIR).
 */
import path from 'node:path';
import { main } from '../src/cli/main.ts';

const site = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  process.stdout.write(`Usage: npm run check -- [--format human|json|github|sarif] [--external] [--no-build] [--dist DIR]

Checks every page of this site: snippets (files, ranges, sections), internal links and
#anchors, images and other assets, external links (offline policy; over HTTP with --external),
and that links opening a new tab carry rel="noopener". Builds the site into a temporary folder
first. Exit codes: 0 no errors (warnings may be printed), 1 errors found, 2 usage error or the
check itself failed. Severities are set per code in scissors.config.ts (check.severity).
`);
  process.exit(0);
}
process.exit(await main(['check', site, ...args]));
