/**
 * `scissors build|dev|check|migrate|snippets`: one command for a site described by an
 * mkdocs.yml or a scissors.config.ts. PATH is the folder holding it or the file itself,
 * relative to where the command was run (npm run keeps that in INIT_CWD).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Format } from '../check/format.ts';
import { astroStepArgv } from './astro-step.ts';
import { PAGE_WORKER_ROLE } from '../parallel/messages.ts';
import { MkdocsConfigError } from '../mkdocs/yaml.ts';
import { loadSiteModel, SiteNotFoundError } from '../site/load.ts';
import { describeSiteWarning, type SiteModel } from '../site/model.ts';
import { writeLlmsTxt } from '../site/llms-txt.ts';
import { siteCacheDir } from '../site/astro-settings.ts';

export const packageRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const USAGE = `Usage: scissors <command> [PATH] [options]

Commands:
  build [PATH] [--out DIR]   build the site (MkDocs projects: into site_dir, default site/)
  dev [PATH] [--port N]      dev server; pages re-render when they or any file they include change
  check [PATH]               every snippet, link, anchor, image and asset; exit 1 on any error
  migrate FILE.md… [--out DIR]   convert MkDocs Material pages to MDX
  snippets expand|deps FILE  the snippet engine on one file

PATH is a folder holding mkdocs.yml or scissors.config.ts, or that file (default: the current
folder). Exit codes: 0 done, 1 the site has errors, 2 usage or configuration error.`;

const cwd = () => process.env.INIT_CWD ?? process.cwd();

function fail(message: string): number {
  process.stderr.write(`scissors: ${message}\n`);
  return 2;
}

async function readSite(location: string | undefined, outDir?: string): Promise<SiteModel> {
  const base = cwd();
  return loadSiteModel(path.resolve(base, location ?? '.'), { outDir: outDir ? path.resolve(base, outDir) : undefined });
}

/** Astro runs from this package; the site it builds is named through the environment (astro.config.mjs). */
function useSite(site: SiteModel, outDir?: string): void {
  process.env.SCISSORS_CONFIG = site.configFile;
  if (outDir) process.env.SCISSORS_OUT_DIR = site.outDir;
  else delete process.env.SCISSORS_OUT_DIR;
}

// configFile is joined to root by Astro.
const astroConfig = () => ({ root: packageRoot, configFile: 'astro.config.mjs' });

async function searchIndex(outDir: string): Promise<number> {
  // An index written over the last one would keep the last one's fragments beside its own.
  fs.rmSync(path.join(outDir, 'pagefind'), { recursive: true, force: true });
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`search index: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return indexedPages(path.join(outDir, 'pagefind'));
}

/**
 * Pages the written index holds. `addDirectory`'s count is the HTML files it read, the 404 page
 * and other pages without `data-pagefind-body` included, which the index leaves out.
 */
export function indexedPages(indexDir: string): number {
  const entry = JSON.parse(fs.readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { page_count?: number }> };
  return Object.values(entry.languages ?? {}).reduce((sum, language) => sum + (language.page_count ?? 0), 0);
}

/** Set in the child process `build` starts for Astro's part of the build. */
const ASTRO_STEP = 'SCISSORS_BUILD_ASTRO_STEP';

async function astroBuildHere(site: SiteModel): Promise<void> {
  const { build: astroBuild } = await import('astro');
  // Astro keeps its prerender chunks in `.astro/` under the working directory (when the output
  // is elsewhere), and they import this package's dependencies: build from the site's own cache
  // folder inside the package, so two sites never share them and the imports still resolve.
  const workDir = siteCacheDir(site, packageRoot);
  fs.mkdirSync(workDir, { recursive: true });
  const before = process.cwd();
  process.chdir(workDir);
  try {
    await astroBuild(astroConfig());
  } finally {
    process.chdir(before);
  }
}

async function build(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
  if (positionals.length > 1) return fail(`build takes one PATH, got ${positionals.join(' ')}`);
  const started = performance.now();
  const site = await readSite(positionals[0], values.out);
  useSite(site, values.out);
  if (process.env[ASTRO_STEP] === '1') {
    await astroBuildHere(site);
    return 0;
  }
  const say = (line: string) => process.stderr.write(`scissors: ${line}\n`);
  // Only pages or the files they include changed since the last build: those pages are rendered
  // again and replaced in the output, without Astro (quick-rebuild.ts says when that is exact).
  const incremental = await import('../incremental/quick-rebuild.ts');
  const enabled = incremental.quickRebuildEnabled();
  // Taken once, before anything is read: what the quick rebuild compares and the next build starts from.
  const siteHash = enabled ? incremental.siteHash({ site, packageRoot }) : '';
  const quick = enabled ? await incremental.quickRebuild({ site, packageRoot, siteHash, log: (line) => console.warn(line) }) : undefined;
  // A full build that saved no render cache (every page rendered as a module) leaves nothing to build upon.
  let savedBefore: string | undefined;
  if (quick?.kind === 'done') {
    // What Astro's config hook says in a full build, said here.
    for (const warning of site.warnings) say(describeSiteWarning(warning));
    say(`render cache: ${quick.rendered.length} pages rendered, ${quick.reused} reused (quick rebuild: only pages and their includes changed, so Astro was not run)`);
  } else {
    if (quick) say(`full build: ${quick.reason}`);
    incremental.removeBuildState(incremental.buildStateFile(site, packageRoot));
    savedBefore = incremental.renderCacheSave(site, packageRoot);
    // Astro's build runs in a process of its own: the memory it keeps to the end (~1 GB on 10 000
    // pages) is returned before Pagefind indexes the site, rather than added to Pagefind's.
    const step = spawnSync(process.execPath, astroStepArgv(process.execArgv, path.join(packageRoot, 'bin/scissors.mjs'), ['build', ...args]), {
      stdio: 'inherit',
      env: { ...process.env, [ASTRO_STEP]: '1', INIT_CWD: cwd() },
    });
    if (step.status !== 0) return step.status ?? 1;
  }
  if (site.search) {
    const pages = await searchIndex(site.outDir);
    process.stderr.write(`scissors: search index of ${pages} pages\n`);
  }
  if (site.llmsTxt) {
    const files = writeLlmsTxt(site);
    process.stderr.write(`scissors: wrote ${files.join(', ')}\n`);
  }
  if (enabled && (quick?.kind === 'done' || incremental.renderCacheSave(site, packageRoot) !== savedBefore)) incremental.recordBuild(site, packageRoot, siteHash);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(`scissors: built ${path.relative(cwd(), site.configFile) || site.configFile} into ${site.outDir} in ${seconds} s\n`);
  return 0;
}

async function dev(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { port: { type: 'string' }, host: { type: 'string' } } });
  const site = await readSite(positionals[0]);
  useSite(site);
  const { dev: astroDev } = await import('astro');
  const port = values.port ? Number(values.port) : undefined;
  if (port !== undefined && !Number.isInteger(port)) return fail(`--port needs a number, got ${values.port}`);
  await astroDev({ ...astroConfig(), server: { port, host: values.host } });
  // The server keeps the process alive until it is stopped.
  return await new Promise<number>(() => undefined);
}

async function check(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string' },
      external: { type: 'boolean', default: false },
      build: { type: 'boolean', default: true },
      dist: { type: 'string' },
    },
  });
  const chosen = values.format ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  if (!['human', 'json', 'github', 'sarif'].includes(chosen)) return fail(`unknown format "${chosen}"`);
  // Imported here, not at the top: `build` keeps its parent process (alive through Astro's
  // build) free of the Markdown pipeline these bring in (~40 MB).
  const [{ format }, { runCheck }, { createExpander }] = await Promise.all([import('../check/format.ts'), import('../check/run.ts'), import('../integration/index.ts')]);
  if (positionals.length > 1) return fail(`check takes one PATH, got ${positionals.join(' ')}`);
  const site = await readSite(positionals[0]);
  const started = performance.now();
  const external = site.check.external;
  const problems = await runCheck({
    root: site.root,
    packageRoot,
    site,
    expander: createExpander(site),
    build: values.build,
    dist: values.dist ? path.resolve(cwd(), values.dist) : site.outDir,
    external: values.external,
    policy: external,
    http: {
      concurrency: external.concurrency,
      timeoutMs: external.timeout * 1000,
      retries: external.retries,
      backoffMs: 500,
      maxRetryAfterMs: 60_000,
      cacheFile: path.join(packageRoot, 'node_modules/.cache/scissors/external-links.json'),
      cacheTtl: external.cacheTtl,
    },
    severity: site.check.severity,
    log: (line) => process.stderr.write(`check: ${line}\n`),
  });
  process.stdout.write(format(problems, chosen as Format));
  process.stderr.write(`check: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** The standalone scripts (migrate, snippets) keep their own argument parsing. */
async function script(name: string, args: string[]): Promise<number> {
  const file = path.join(packageRoot, 'scripts', `${name}.ts`);
  if (!fs.existsSync(file)) return fail(`${name} is not part of this installation`);
  process.argv = [process.argv[0] ?? 'node', file, ...args];
  await import(pathToFileURL(file).href);
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  // A page worker the docs loader started (src/parallel/page-worker.ts): it takes everything from its messages.
  if (process.env[PAGE_WORKER_ROLE] === '1') {
    const { runPageWorker } = await import('../parallel/page-worker.ts');
    await runPageWorker();
    return 0;
  }
  try {
    switch (command) {
      case 'build':
        return await build(args);
      case 'dev':
        return await dev(args);
      case 'check':
        return await check(args);
      case 'migrate':
      case 'snippets':
        return await script(command, args);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        return command === undefined ? 2 : 0;
      default:
        return fail(`unknown command "${command}"\n\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof SiteNotFoundError || error instanceof MkdocsConfigError) return fail(error.message);
    if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fail(`${error.message}\n\n${USAGE}`);
    // Astro has printed its own error with the file and line; say which command failed.
    process.stderr.write(`scissors: ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    // A check that could not run is not a verdict on the site (2); a build that failed is (1).
    return command === 'check' ? 2 : 1;
  }
}
