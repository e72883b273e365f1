import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { buildLog, corpusDir, projectRoot, siteDir } from './corpus-site.mjs';

/**
 * `scissors build` on a real MkDocs Material site, unchanged: every page at its MkDocs URL,
 * every snippet expanded, and no warning but the skipped features the config names.
 */
const reference = JSON.parse(
  fs.readFileSync(path.resolve(process.env.SCISSORS_CORPUS_SIGNATURES ?? path.join(projectRoot, '../shared/reference/powertools-python.signatures.json')), 'utf8'),
) as Record<string, unknown>;
const htmlFiles = () => fs.globSync('**/*.html', { cwd: siteDir });

test('the build succeeded and every page MkDocs Material builds is at the same URL', () => {
  expect(fs.readFileSync(buildLog, 'utf8')).toMatch(/^exit 0\n/);
  const missing = Object.keys(reference).filter((url) => !fs.existsSync(path.join(siteDir, url, 'index.html')));
  expect(missing).toEqual([]);
  expect(Object.keys(reference).length).toBeGreaterThan(30);
});

test('no snippet marker is left in any page', () => {
  const left = htmlFiles().filter((file) => fs.readFileSync(path.join(siteDir, file), 'utf8').includes('--8&lt;--') || fs.readFileSync(path.join(siteDir, file), 'utf8').includes('--8<--'));
  expect(left).toEqual([]);
});

test('the only warnings are the skipped features mkdocs.yml names, each once at its line', () => {
  const log = fs.readFileSync(buildLog, 'utf8');
  const warnings = log.split('\n').filter((line) => /\bWARN\b|\bwarning\b/.test(line) && !/chunks are larger|chunkSizeWarningLimit/.test(line));
  // Scissors reads a site at its real path (the corpus may sit behind a symlink).
  const config = path.join(fs.realpathSync(corpusDir), 'mkdocs.yml');
  for (const line of warnings) expect(line).toContain(`${config}:`);
  expect(warnings.map((l) => /MKDOCS_[A-Z]+/.exec(l)?.[0]).sort()).toEqual(['MKDOCS_OVERRIDES', 'MKDOCS_PLUGIN', 'MKDOCS_THEME']);
});

test('media under docs/ are published at the same paths, not re-encoded', () => {
  for (const file of ['media/aws-logo-light.svg', 'media/metrics_terminology.png', 'stylesheets/extra.css']) {
    expect(fs.readFileSync(path.join(siteDir, file))).toEqual(fs.readFileSync(path.join(corpusDir, 'docs', file)));
  }
  // Jinja overrides (theme.custom_dir) are theme source, not content.
  expect(fs.existsSync(path.join(siteDir, 'overrides/main.html'))).toBe(false);
});

test('scissors check on the corpus reports only its real problems, each at file:line:col', () => {
  test.setTimeout(180_000);
  // Its own check build records where each link was written (the page, or the included file).
  const run = spawnSync('npm', ['run', '--silent', 'scissors', '--', 'check', corpusDir, '--format', 'json'], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(1);
  const { problems } = JSON.parse(run.stdout) as { problems: Array<{ code: string; location: { file: string; line: number; column: number } }> };
  const found = problems.map((p) => `${p.code} ${p.location.file}:${p.location.line}`).sort();
  // Each is broken in MkDocs Material's own build too: a nav entry to a page that a separate
  // tool generates, a link out of the docs folder, anchors that no heading has, old versions.
  expect(found).toEqual(
    [
      'ANCHOR_NOT_FOUND docs/core/event_handler/bedrock_agents.md:205',
      'ANCHOR_NOT_FOUND docs/tutorial/index.md:490',
      'ANCHOR_NOT_FOUND docs/tutorial/index.md:491',
      'ANCHOR_NOT_FOUND docs/utilities/data_masking.md:108',
      'EXTERNAL_INSECURE SECURITY.md:5',
      // A stray fence: shown as text, as MkDocs shows it; the build reproduces it silently.
      'MKDOCS_DIALECT docs/utilities/data_classes.md:1311',
      'EXTERNAL_INSECURE docs/contributing/getting_started.md:90',
      'NAV_LINK_NOT_FOUND mkdocs.yml:11',
      'PAGE_NOT_FOUND docs/contributing/getting_started.md:20',
      'PAGE_NOT_FOUND docs/core/event_handler/api_gateway.md:894',
      'PAGE_NOT_FOUND docs/upgrade.md:10',
    ].sort(),
  );
  for (const p of problems) expect(p.location.column).toBeGreaterThan(0);
});

test("page for page as MkDocs Material renders it: the signature tool's comparison, with the one deliberate difference", () => {
  test.setTimeout(120_000);
  const tools = path.join(projectRoot, '../shared/tools/page-signature.mjs');
  const ours = path.join(path.dirname(siteDir), 'signatures.json');
  const sign = spawnSync(process.execPath, [tools, siteDir, '--out', ours], { encoding: 'utf8' });
  expect(sign.status, sign.stderr).toBe(0);
  const reference = process.env.SCISSORS_CORPUS_SIGNATURES ?? path.join(projectRoot, '../shared/reference/powertools-python.signatures.json');
  const compare = spawnSync(process.execPath, [tools, '--compare', reference, ours], { encoding: 'utf8' });
  const differing = [...compare.stdout.matchAll(/^DIFF (\S+)/gm)].map((m) => m[1]);
  // README, "Deliberate differences": an admonition body indented 8 spaces is an indented code
  // block, as current Python-Markdown reads it (Material 8.2.5's reference shows a paragraph).
  expect(differing, compare.stdout).toEqual(['/contributing/getting_started/']);
  const fields = [...(compare.stdout.split('DIFF /contributing/getting_started/')[1] ?? '').matchAll(/^  (\w+):/gm)].map((m) => m[1]);
  expect(fields).toEqual(['code', 'links', 'words']);
  expect(compare.stdout).toMatch(/pages: 38 matched, 1 differ, 0 missing/);
});
