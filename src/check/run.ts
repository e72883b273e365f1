/**
 * `npm run check`: snippets first (with the engine, so a missing snippet never hides anything
 * else), then a check build of every page, then every link, anchor, image and asset in the HTML,
 * each problem mapped back to the source file, line and column a maintainer edits.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { splitFrontMatter } from '../markdown/front-matter.ts';
import { convertMkdocs } from '../mkdocs/convert.ts';
import type { SourceLocation } from '../snippets/errors.ts';
import type { SnippetExpander } from '../snippets/expand.ts';
import { checkExternalUrls, externalPolicyProblem, type ExternalPolicy, type HttpCheckOptions } from './external.ts';
import { pageFacts, type PageFacts, type Reference } from './html.ts';
import { classify, resolveInDist, sitePathOf } from './links.ts';
import type { Problem } from './problems.ts';
import type { NavItem, SiteModel } from '../site/model.ts';
import { sitePages } from '../site/pages.ts';
import { siteBase } from '../site/astro-settings.ts';

export interface CheckRunOptions {
  root: string;
  expander: SnippetExpander;
  /** Build into a temporary folder first (default); otherwise check `dist` as it is. */
  build: boolean;
  dist?: string;
  external: boolean;
  policy: ExternalPolicy;
  http: HttpCheckOptions;
  severity: Record<string, 'error' | 'warning' | 'off'>;
  /** Called with progress lines (to stderr), so a long run is not silent. */
  log?: (line: string) => void;
  /** The site: its pages and their URLs (the same the build gives them), its config file, its nav. */
  site: Pick<SiteModel, 'docsDir' | 'urlStyle' | 'directoryUrls' | 'pagePattern' | 'configFile' | 'siteUrl' | 'nav' | 'root'>;
  /** Where Scissors itself (astro.config.mjs, src/) lives; default root. */
  packageRoot?: string;
}

interface PageSource {
  file: string; // relative to root
  sitePath: string;
  text: string;
  dependencies: string[]; // relative to root
  /** How each included file was reached: relative file → markers from the page inward. */
  chains: Map<string, SourceLocation[]>;
}

const rel = (root: string, file: string) => (/^https?:/i.test(file) ? file : path.relative(root, file) || file);

/** Each page file (absolute) with the URL path it is built at (without the site's base). */
function pagesToCheck(site: CheckRunOptions['site']): Array<{ file: string; sitePath: string }> {
  return sitePages(site).pages.map((page) => ({ file: path.join(site.docsDir, page.source), sitePath: page.url }));
}

async function snippetProblems(options: CheckRunOptions, pages: Array<{ file: string; sitePath: string }>): Promise<{ problems: Problem[]; sources: PageSource[] }> {
  const problems: Problem[] = [];
  const sources: PageSource[] = [];
  for (const { file, sitePath } of pages) {
    const text = fs.readFileSync(file, 'utf8');
    // Front matter is not page text: markers in it are not markers.
    const { body, lineCount } = splitFrontMatter(text);
    const result = await options.expander.expandLinesAsync(body.split(/\r\n|\r|\n/), { file, firstLine: lineCount + 1, dropTrailingEmptyLine: true });
    const at = (l: SourceLocation) => ({ file: rel(options.root, l.file), line: l.line, column: l.column });
    const chains = new Map<string, SourceLocation[]>();
    for (const include of result.includes) {
      const key = rel(options.root, include.file);
      if (!chains.has(key)) chains.set(key, include.chain.map(at));
    }
    sources.push({
      file: rel(options.root, file),
      chains,
      sitePath,
      text,
      dependencies: [...result.dependencies].filter((d) => !result.missing.has(d)).map((d) => rel(options.root, d)),
    });
    for (const d of result.diagnostics) {
      problems.push({ code: d.code, severity: d.severity, message: d.message, hint: d.hint, location: at(d.location), chain: d.chain.map(at) });
    }
    // .md pages are MkDocs' dialect: what the converter could not read, or reads as MkDocs does
    // but the author likely did not mean, at the line of the page or included file.
    if (file.endsWith('.md')) {
      for (const w of convertMkdocs(result.lines.join('\n')).warnings) {
        const origin = result.origins[w.line - 1];
        const location = origin ? { file: rel(options.root, origin.file), line: origin.line, column: 1 } : { file: rel(options.root, file), line: 1, column: 1 };
        problems.push({ code: 'MKDOCS_DIALECT', severity: 'warning', message: w.message, location, chain: [] });
      }
    }
  }
  return { problems, sources };
}

function buildSite(options: CheckRunOptions): { dist: string } | { problem: Problem } {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-check-'));
  options.log?.('building every page for the check…');
  // Astro's own CLI on this Node. Astro keeps its prerender chunks in `.astro/` under the working
  // directory, and they import this package's dependencies: a folder of its own inside the
  // package, so the check never shares them with another build running at the same time.
  const packageRoot = options.packageRoot ?? options.root;
  const astro = path.join(path.dirname(createRequire(path.join(packageRoot, 'package.json')).resolve('astro/package.json')), 'bin', 'astro.mjs');
  const workDir = path.join(packageRoot, 'node_modules', '.cache', 'scissors', 'check', path.basename(dist));
  fs.mkdirSync(workDir, { recursive: true });
  const result = spawnSync(process.execPath, [astro, 'build', '--root', packageRoot, '--outDir', dist], {
    cwd: workDir,
    encoding: 'utf8',
    env: { ...process.env, SCISSORS_CONFIG: options.site.configFile, SCISSORS_CHECK_BUILD: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.rmSync(workDir, { recursive: true, force: true });
  if (result.status === 0) return { dist };
  fs.rmSync(dist, { recursive: true, force: true });
  const output = `${result.stdout}\n${result.stderr}`;
  const where = /((?:\/|\b)[^\s:]+\.(?:mdx?|astro)):(\d+):(\d+)/.exec(output);
  const firstError = output.split('\n').find((l) => /error/i.test(l))?.trim() ?? 'astro build failed';
  return {
    problem: {
      code: 'BUILD_FAILED',
      severity: 'error',
      message: `The site did not build: ${firstError}`,
      hint: 'Run `npm run build` to see the full error.',
      location: where ? { file: where[1] ?? '', line: Number(where[2]), column: Number(where[3]) } : { file: 'astro.config.mjs', line: 1, column: 1 },
      chain: [],
    },
  };
}

/** Where a reference was written: its recorded position, or the first place its URL appears in the sources. */
function locate(reference: Reference, page: PageSource | undefined, templates: Map<string, string>, readSource: (file: string) => string | null): SourceLocation {
  if (reference.source) {
    const m = /^(.*):(\d+):(\d+)$/.exec(reference.source);
    if (m) return { file: m[1] ?? '', line: Number(m[2]), column: Number(m[3]) };
  }
  const search = (file: string, text: string): SourceLocation | null => {
    for (const needle of [`(${reference.url}`, `"${reference.url}"`, `'${reference.url}'`, reference.url]) {
      const index = text.indexOf(needle);
      if (index < 0) continue;
      const before = text.slice(0, index + (needle === reference.url ? 0 : 1));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      return { file, line, column };
    }
    return null;
  };
  if (page) {
    const found = search(page.file, page.text);
    if (found) return found;
    for (const dep of page.dependencies) {
      const text = readSource(dep);
      const hit = text === null ? null : search(dep, text);
      if (hit) return hit;
    }
  }
  for (const [file, text] of templates) {
    const found = search(file, text);
    if (found) return found;
  }
  return { file: page?.file ?? 'src/layouts/DocLayout.astro', line: 1, column: 1 };
}

export async function runCheck(options: CheckRunOptions): Promise<Problem[]> {
  const { root } = options;
  const pages = pagesToCheck(options.site);
  const { problems, sources } = await snippetProblems(options, pages);
  const base = siteBase(options.site.siteUrl);
  options.log?.(`${pages.length} pages, snippets checked`);

  let dist = options.dist ? path.resolve(root, options.dist) : path.join(root, 'dist');
  let temporary = false;
  if (options.build) {
    const built = buildSite(options);
    if ('problem' in built) return finish([...problems, built.problem], options.severity);
    dist = built.dist;
    temporary = true;
  }
  try {
    const templates = new Map<string, string>();
    const packageRoot = options.packageRoot ?? root;
    for (const f of fs.globSync('src/**/*.astro', { cwd: packageRoot })) templates.set(f, fs.readFileSync(path.join(packageRoot, f), 'utf8'));
    const bySitePath = new Map(sources.map((s) => [s.sitePath, s]));
    // Included files are searched for references without a recorded position: read each once.
    const sourceTexts = new Map<string, string | null>();
    const readSource = (file: string): string | null => {
      if (!sourceTexts.has(file)) {
        try {
          sourceTexts.set(file, fs.readFileSync(path.join(root, file), 'utf8'));
        } catch {
          sourceTexts.set(file, null); // a URL dependency or a vanished file
        }
      }
      return sourceTexts.get(file) ?? null;
    };
    const htmlFiles = fs.globSync('**/*.html', { cwd: dist }).map((f) => path.join(dist, f));
    const facts = new Map<string, PageFacts>();
    for (const file of htmlFiles) facts.set(file, pageFacts(fs.readFileSync(file, 'utf8')));
    options.log?.(`${htmlFiles.length} built pages read`);

    // The same few targets (sidebar, assets) are linked from every page: resolve each once.
    const resolved = new Map<string, string | null>();
    const resolve = (withBase: string) => {
      // The site's base is in every URL, not in the folder the site is built to.
      const pathname = base !== '/' && withBase.startsWith(base) ? `/${withBase.slice(base.length)}` : withBase;
      if (!resolved.has(pathname)) resolved.set(pathname, resolveInDist(dist, pathname));
      return resolved.get(pathname) ?? null;
    };
    const external = new Map<string, Array<{ reference: Reference; location: SourceLocation; page: string }>>();
    for (const [file, { references, ids }] of facts) {
      const sitePath = sitePathOf(dist, file);
      const source = bySitePath.get(sitePath);
      for (const reference of references) {
        if (reference.navigation) continue;
        const report = (code: string, message: string, hint?: string) => {
          const location = locate(reference, source, templates, readSource);
          // Written in an included file: say through which markers it reached this page.
          const via = source && location.file !== source.file ? source.chains.get(location.file) : undefined;
          problems.push({ code, severity: 'error', message, hint, location, chain: via ? [...via, location] : [], page: sitePath });
        };
        const isLink = reference.tag === 'a' || reference.tag === 'area';
        if (isLink && reference.target === '_blank' && !reference.rel.includes('noopener')) {
          report('TARGET_BLANK_NO_NOOPENER', `The link to "${reference.url}" opens a new tab without rel="noopener".`, 'Add rel="noopener" (Scissors adds it to Markdown links; raw HTML and JSX need it written).');
        }
        const c = classify(reference.url, sitePath);
        if (c.kind === 'skip') continue;
        if (c.kind === 'bad') {
          report('EXTERNAL_BAD_URL', `"${reference.url}": ${c.reason}.`);
          continue;
        }
        if (c.kind === 'fragment') {
          if (c.fragment !== '' && c.fragment !== 'top' && !ids.has(c.fragment)) {
            report('ANCHOR_NOT_FOUND', `No element with id "${c.fragment}" on this page (${sitePath}).`, 'Link to an existing heading id; ids are the github-slugger slugs of the heading text.');
          }
          continue;
        }
        if (c.kind === 'internal') {
          const target = resolve(c.pathname);
          if (!target) {
            if (isLink) report('PAGE_NOT_FOUND', `"${reference.url}" does not exist in the built site.`, 'Check the path: pages live at /<file name>/, files from public/ at /<path>.');
            else report('ASSET_NOT_FOUND', `The ${reference.tag} "${reference.url}" does not exist in the built site.`, 'Put the file under public/ and link it from the site root, e.g. /images/x.svg.');
            continue;
          }
          if (c.fragment && target.endsWith('.html')) {
            const targetIds = facts.get(target)?.ids;
            if (targetIds && c.fragment !== 'top' && !targetIds.has(c.fragment)) {
              report('ANCHOR_NOT_FOUND', `"${reference.url}": no element with id "${c.fragment}" on ${sitePathOf(dist, target)}.`, 'Link to an existing heading id on that page.');
            }
          }
          continue;
        }
        const policyProblem = externalPolicyProblem(c.url, options.policy);
        if (policyProblem) {
          report(policyProblem.code, policyProblem.message);
          continue;
        }
        if (options.external) {
          const list = external.get(c.url) ?? [];
          list.push({ reference, location: locate(reference, source, templates, readSource), page: sitePath });
          external.set(c.url, list);
        }
      }
    }

    if (options.site.nav) problems.push(...navProblems(options.site, options.site.nav, resolve));

    if (options.external && external.size > 0) {
      options.log?.(`checking ${external.size} external URLs…`);
      const results = await checkExternalUrls([...external.keys()], options.http);
      for (const [url, uses] of external) {
        const result = results.get(url);
        if (result?.ok) continue;
        const why = result?.status ? `HTTP ${result.status}` : (result?.error ?? 'no answer');
        for (const use of uses) {
          problems.push({ code: 'EXTERNAL_BROKEN', severity: 'error', message: `"${url}" is broken (${why}).`, location: use.location, chain: [], page: use.page });
        }
      }
    }
  } finally {
    if (temporary) fs.rmSync(dist, { recursive: true, force: true });
  }
  return finish(problems, options.severity);
}

/** The site's nav, checked once at the config file's lines (it is on every page). */
function navProblems(site: CheckRunOptions['site'], nav: NavItem[], resolve: (pathname: string) => string | null): Problem[] {
  const problems: Problem[] = [];
  const file = path.relative(site.root, site.configFile) || site.configFile;
  const at = (line?: number): SourceLocation => ({ file, line: line ?? 1, column: 1 });
  for (const item of nav) {
    if (item.kind === 'section') {
      problems.push(...navProblems(site, item.children, resolve));
    } else if (item.kind === 'page') {
      if (!fs.existsSync(path.join(site.docsDir, item.source))) {
        problems.push({ code: 'NAV_PAGE_NOT_FOUND', severity: 'error', message: `The nav lists "${item.source}", which is not in the docs folder.`, hint: 'Paths in nav are relative to docs_dir.', location: at(item.line), chain: [] });
      }
    } else if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(item.href)) {
      const pathname = `/${item.href.replace(/^\.?\//, '').split('#')[0] ?? ''}`;
      if (!resolve(pathname)) {
        problems.push({ code: 'NAV_LINK_NOT_FOUND', severity: 'error', message: `The nav links "${item.href}" (${item.title}), which does not exist in the built site.`, hint: 'Relative nav links are taken from the site root; link a page file (x.md) or a published file.', location: at(item.line), chain: [] });
      }
    }
  }
  return problems;
}

/** Apply severity overrides and report each problem once, however many pages show it. */
function finish(problems: Problem[], severity: CheckRunOptions['severity']): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const p of problems) {
    const level = severity[p.code];
    if (level === 'off') continue;
    const key = `${p.code}|${p.location.file}:${p.location.line}:${p.location.column}|${p.message.replace(/ on this page \(.*\)\.$/, '')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(level ? { ...p, severity: level } : p);
  }
  return out;
}
