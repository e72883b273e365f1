/**
 * `npm run bench [security500|corpus|corpus10|corpus-edit|dev-corpus|dev-security|floor|scale|incremental|snippets|dev-reload|build|check|weight …]`:
 * runs the benchmarks (all by default), prints a table and writes bench-results/latest.json with
 * the machine they ran on. The first four measure MkDocs Material side by side in the same run
 * (compare.ts; installed from Debian when missing and run as root, see mkdocs.ts). The machine
 * is noisy: compare ratios taken in the same run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCheck } from '../../src/check/run.ts';
import { createExpander } from '../../src/integration/index.ts';
import { nativeSiteModel } from '../../src/site/native.ts';
import { runBuildBench, type BuildBench } from './build.ts';
import { CORPUS, corpusCopy, mkdocsBuild, scissorsBuild, scissorsInstall, securitySites, sideBySide, tmp, type SideBySide } from './compare.ts';
import { loaderBudget, parseFloor, securityTexts, siteTexts, type ParseFloor } from './floor.ts';
import { DEV_EXAMPLE, DEV_PAGE, runDevCorpusBench } from './dev-corpus.ts';
import { runCorpusEditBench, runIncrementalBench, runScaleBench } from './scale.ts';
import { DEBIAN_ADAPTATIONS, ensureMkdocs } from './mkdocs.ts';
import { runDevReloadBench } from './dev-reload.ts';
import { runSnippetBench } from './snippets.ts';
import { fmt, summarise } from './stats.ts';
import { kb, pageWeight } from './weight.ts';

const root = path.resolve(import.meta.dirname, '../..');
const wanted = new Set(process.argv.slice(2));
const want = (name: string) => wanted.size === 0 || wanted.has(name);
const results: Record<string, unknown> = {};
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
/** Each result is logged as it comes, so a run cut short keeps what it measured. */
const rows = new (class extends Array<[string, string, string]> {
  override push(...items: Array<[string, string, string]>): number {
    for (const [name, value, note] of items) log(`  ${name}: ${value}${note ? ` (${note})` : ''}`);
    return super.push(...items);
  }
})();

const sideRow = (r: SideBySide, target: string) => {
  const s = r.scissors;
  rows.push([
    `${r.name}: Scissors / MkDocs`,
    `${fmt(r.ratio, 2)}× (Scissors ${fmt(s.seconds.median, 1)} s (${fmt(s.seconds.min, 1)}–${fmt(s.seconds.max, 1)}), MkDocs ${fmt(r.mkdocs.seconds.median, 1)} s (${fmt(r.mkdocs.seconds.min, 1)}–${fmt(r.mkdocs.seconds.max, 1)}))`,
    `${target}; ${s.seconds.runs} interleaved rounds`,
  ]);
  rows.push([
    `${r.name}: details`,
    `Scissors loader ${fmt(s.loaderSeconds.median, 1)} s, ${s.pages} pages, search ${s.searchPages} pages, peak ${fmt(s.peakMiB.median)} MiB; MkDocs ${r.mkdocs.pages} pages, peak ${fmt(r.mkdocs.peakMiB.median)} MiB`,
    '',
  ]);
};

const wantsMkdocs = ['security500', 'corpus', 'corpus10', 'corpus-edit', 'dev-corpus'].some(want);
if (wantsMkdocs) {
  results.mkdocsVersion = ensureMkdocs(log);
  results.mkdocsAdaptations = DEBIAN_ADAPTATIONS.map(([, , why]) => why);
  log(`${results.mkdocsVersion as string}; the corpus's mkdocs.yml is adapted for it only: ${(results.mkdocsAdaptations as string[]).join('; ')}`);
  const install = scissorsInstall(tmp('install'));
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  try {
    if (want('security500')) {
      log(`500 Security pages, Scissors vs MkDocs (warm-up, then ${rounds} interleaved rounds)…`);
      const sc = tmp('security-scissors');
      const mk = tmp('security-mkdocs');
      securitySites(sc, mk, 500);
      const r = await sideBySide('500 Security pages', rounds, () => scissorsBuild(sc, sc, path.join(sc, 'dist')), () => mkdocsBuild(mk, path.join(mk, 'site')), { scissors: path.join(sc, 'dist'), mkdocs: path.join(mk, 'site') });
      results.security500 = r;
      sideRow(r, 'target ≤ 0.4×');
      fs.rmSync(sc, { recursive: true, force: true });
      fs.rmSync(mk, { recursive: true, force: true });
    }
    for (const [name, copies] of [['corpus', 1], ['corpus10', 10]] as const) {
      if (!want(name)) continue;
      log(`Powertools corpus${copies > 1 ? ` ×${copies}` : ''}, Scissors vs MkDocs (${copies > 1 ? 'no warm-up' : 'warm-up'}, then ${rounds} interleaved rounds)…`);
      const sc = corpusCopy(tmp(`${name}-scissors`), copies, false);
      const mk = corpusCopy(tmp(`${name}-mkdocs`), copies, true);
      // Inside the install: Astro's prerender chunks in the output folder resolve packages from there.
      const outS = path.join(install, `out-${name}`);
      const outM = tmp(`${name}-mkdocs-out`);
      const r = await sideBySide(copies > 1 ? `Powertools corpus ×${copies}` : 'Powertools corpus', rounds, () => scissorsBuild(install, sc, outS), () => mkdocsBuild(mk, outM), { scissors: outS, mkdocs: outM }, copies === 1);
      results[name] = r;
      sideRow(r, copies > 1 ? 'target ≤ 0.5×, peak ≤ 1 GB' : 'target ≤ 1×, peak ≤ 1 GB');
      for (const d of [sc, mk, outS, outM]) fs.rmSync(d, { recursive: true, force: true });
    }
    if (want('corpus-edit')) {
      log(`Powertools corpus: cold build, then ${DEV_EXAMPLE} edited and built again; MkDocs in the same rounds…`);
      const sc = corpusCopy(tmp('edit-scissors'), 1, false);
      const mk = corpusCopy(tmp('edit-mkdocs'), 1, true);
      const outS = path.join(install, 'out-edit');
      const outM = tmp('edit-mkdocs-out');
      const r = await runCorpusEditBench((cold) => scissorsBuild(install, sc, outS, { cold }), () => mkdocsBuild(mk, outM), path.join(sc, DEV_EXAMPLE), log, rounds);
      results.corpusEdit = r;
      rows.push([
        'corpus: one example edited → rebuild',
        `${fmt(r.rebuildSeconds.median, 1)} s (${fmt(r.rebuildSeconds.min, 1)}–${fmt(r.rebuildSeconds.max, 1)}); cold ${fmt(r.coldSeconds.median, 1)} s; MkDocs (always whole) ${fmt(r.mkdocsSeconds.median, 1)} s: ${fmt(r.ratio, 2)}×`,
        r.log,
      ]);
      for (const d of [sc, mk, outS, outM]) fs.rmSync(d, { recursive: true, force: true });
    }
    if (want('dev-corpus')) {
      log(`scissors dev on the corpus: first page, then 10 edits of ${DEV_EXAMPLE}…`);
      const sc = corpusCopy(tmp('dev-scissors'), 1, false);
      const mk = corpusCopy(tmp('dev-mkdocs'), 1, true);
      // BENCH_DEV_CORPUS_PORT: Scissors there, `mkdocs serve` on the next port.
      const r = await runDevCorpusBench(install, sc, mk, process.env.BENCH_DEV_CORPUS_PORT ? Number(process.env.BENCH_DEV_CORPUS_PORT) : undefined);
      results.devCorpus = r;
      rows.push(['corpus dev: first page served', `${fmt(r.firstPageMs)} ms after start (mkdocs serve: ${fmt(r.mkdocsServeFirstPageMs)} ms)`, `target ≤ 3000 ms; ${DEV_PAGE}`]);
      rows.push(['corpus dev: included example edit → served', `median ${fmt(r.editServeMs.median)} ms, worst ${fmt(r.editServeMs.max)} ms`, `target ≤ 150 ms median; ${r.edits} edits`]);
      fs.rmSync(sc, { recursive: true, force: true });
      fs.rmSync(mk, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(install, { recursive: true, force: true });
  }
}

if (want('floor')) {
  log('parse floor: what a renderer must parse of each site (.md pages expanded, MDX pages as written), by bare micromark…');
  const corpusTexts = await siteTexts(CORPUS);
  const floors: Array<[ParseFloor, number, string, SideBySide | undefined]> = [
    [parseFloor('500 Security pages', securityTexts(root, 500)), 0.4, 'security500', results.security500 as SideBySide | undefined],
    [parseFloor('Powertools corpus', corpusTexts), 1, 'corpus', results.corpus as SideBySide | undefined],
    // The copies are the same text: ten times the corpus, parsed.
    [parseFloor('Powertools corpus ×10', { pages: Array.from({ length: 10 }, () => corpusTexts.pages).flat(), included: corpusTexts.included }), 0.5, 'corpus10', results.corpus10 as SideBySide | undefined],
  ];
  const cores = os.cpus().length;
  const floorResults: Array<ParseFloor & { target: number; budgetSeconds: number | undefined }> = [];
  results.floor = floorResults;
  for (const [floor, target, name, side] of floors) {
    const budget = side && loaderBudget(target, side.mkdocs.seconds.median, side.scissors.seconds.median, side.scissors.loaderSeconds.median);
    floorResults.push({ ...floor, target, budgetSeconds: budget });
    // The floor is one core's; split perfectly over the machine's cores it is at best this.
    const spread = floor.seconds.median / cores;
    rows.push([
      `${floor.site}: parse floor`,
      `${fmt(floor.seconds.median, 2)} s on one core (${fmt(floor.seconds.min, 2)}–${fmt(floor.seconds.max, 2)}), ${fmt(spread, 2)} s over ${cores}; ${floor.pages} pages${floor.includedMarkdown ? ` + ${floor.includedMarkdown} included Markdown` : ''}, ${fmt(floor.kib)} KiB`,
      budget === undefined
        ? `run with ${name} for the loader's budget`
        : `the ${target}× target leaves the loader ${fmt(budget, 1)} s (${target} × MkDocs ${fmt(side!.mkdocs.seconds.median, 1)} s − Scissors outside the loader ${fmt(side!.scissors.seconds.median - side!.scissors.loaderSeconds.median, 1)} s): the floor is ${floor.seconds.median <= budget ? 'within it' : spread <= budget ? `over it on one core, within it over ${cores}` : `over it even over ${cores} cores`}; the loader took ${fmt(side!.scissors.loaderSeconds.median, 1)} s`,
    ]);
  }
}

if (want('scale')) {
  log('scale: 100 / 1 000 / 10 000 generated pages, one build each (scissors build, Pagefind included)…');
  const r = await runScaleBench([100, 1000, 10_000], log);
  results.scale = r;
  for (const s of r.sizes) {
    rows.push([`scale ${s.pages} pages`, `${fmt(s.seconds, 1)} s, ${fmt((s.seconds * 1000) / s.pages, 1)} ms/page, peak ${fmt(s.peakMiB)} MiB, HTML ${fmt(s.outMiB, 1)} MiB`, `loader ${fmt(s.loaderSeconds, 1)} s, Pagefind ${fmt(s.pagefindSeconds, 1)} s (${fmt((s.pagefindSeconds * 1000) / s.pages, 1)} ms/page)`]);
  }
  rows.push(['scale 10 000 / 1 000', `${fmt(r.ratio, 2)}×`, 'target ≤ 10×, peak ≤ 1.5 GB']);
}

if (want('incremental')) {
  log('incremental: 1000 generated pages, cold build then one included file edited…');
  const r = await runIncrementalBench(1000, log);
  results.incremental = r;
  rows.push(['incremental 1000 pages: one-file rebuild / cold', `${fmt(r.ratio, 2)} (cold ${fmt(r.coldSeconds.median, 1)} s, rebuild ${fmt(r.warmSeconds.median, 1)} s)`, `target ≤ 0.25; ${r.log}`]);
}

if (want('snippets')) {
  log('snippet expansion…');
  const r = runSnippetBench();
  results.snippets = r;
  rows.push([
    'snippet expansion',
    `${fmt(r.markersPerSecond)} markers/s`,
    `${r.markers} markers on ${r.pages} pages; median of ${r.seconds.runs} ${fmt(r.seconds.median * 1000)} ms (${fmt(r.seconds.min * 1000)}–${fmt(r.seconds.max * 1000)}); ${r.reads} reads for ${r.files} files`,
  ]);
}

if (want('dev-security')) {
  log('dev reload on /security/ (this project, SECURITY.md edited)…');
  const r = await runDevReloadBench(1, { security: true });
  results.devSecurity = r;
  rows.push(['/security/ dev: included file edit → HTML served', `median ${fmt(r.serveMs.median)} ms, worst ${fmt(r.serveMs.max)} ms`, `target ≤ 100 ms median, ≤ 150 ms worst; ${r.edits} edits`]);
  rows.push(['/security/ dev: page shows it', `median ${fmt(r.browserMs.median)} ms, worst ${fmt(r.browserMs.max)} ms`, 'target ≤ 300 ms median']);
}

if (want('dev-reload')) {
  log('dev reload (200 pages)…');
  const r = await runDevReloadBench();
  results.devReload = r;
  rows.push(['dev reload → HTML served', `median ${fmt(r.serveMs.median)} ms, worst ${fmt(r.serveMs.max)} ms`, `target ≤ 150 ms median; ${r.pages} pages, ${r.edits} edits`]);
  rows.push(['dev reload → page shows it', `median ${fmt(r.browserMs.median)} ms, worst ${fmt(r.browserMs.max)} ms`, 'target ≤ 500 ms median']);
}

let corpus: BuildBench | undefined;
if (want('build') || want('check') || want('weight')) {
  // The weight alone needs only a small corpus; the build and check targets are for 1000 pages.
  const sizes = want('build') ? [100, 1000] : want('check') ? [1000] : [100];
  for (const pages of sizes) {
    log(`build of ${pages} pages (a warm-up round, then ${pages >= 1000 ? 5 : 3} interleaved rounds of build, bare, bare with the loader's renderer; fresh processes)…`);
    const keep = pages === Math.max(...sizes);
    // 1000 pages: 5 runs, the ratio target is close enough to the noise to want them.
    const r = await runBuildBench(pages, want('build') ? (pages >= 1000 ? 5 : 3) : 1, keep);
    results[`build${pages}`] = r;
    if (keep) corpus = r;
    if (want('build')) {
      rows.push([
        `build ${pages} pages`,
        `${fmt(r.wallSeconds.median, 1)} s (${fmt(r.wallSeconds.min, 1)}–${fmt(r.wallSeconds.max, 1)}), ${fmt(r.msPerPage, 1)} ms/page, peak ${fmt(r.peakRssMiB.median)} MiB`,
        pages === 1000 ? 'target ≤ 25 s, ≤ 1 GB' : `snippets: ${r.snippetReads}`,
      ]);
      rows.push([`bare pipeline ${pages} pages`, `${fmt(r.bareSeconds.median, 1)} s (${fmt(r.bareSeconds.min, 1)}–${fmt(r.bareSeconds.max, 1)})`, `Astro / bare = ${fmt(r.ratio, 2)}×${pages === 1000 ? ' (target ≤ 1.5×)' : ''}`]);
      rows.push([`bare, loader's renderer, ${pages} pages`, `${fmt(r.bareOursSeconds.median, 1)} s (${fmt(r.bareOursSeconds.min, 1)}–${fmt(r.bareOursSeconds.max, 1)})`, `Astro / this = ${fmt(r.ratioOurs, 2)}×`]);
    }
  }
}

if (corpus?.siteDir && (want('check') || want('weight'))) {
  const site = corpus.siteDir;
  if (want('check')) {
    log(`check of the ${corpus.pages}-page build…`);
    const options = nativeSiteModel({ root: site }, path.join(site, 'scissors.config.ts'));
    const times: number[] = [];
    let problems = 0;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const found = await runCheck({
        root: site, site: options, expander: createExpander(options), build: false, external: false,
        policy: options.check.external,
        http: { concurrency: 1, timeoutMs: 1000, retries: 0, backoffMs: 0, maxRetryAfterMs: 0, cacheTtl: 0 },
        severity: {},
      });
      times.push((performance.now() - start) / 1000);
      problems = found.length;
    }
    const s = summarise(times);
    results.check1000 = { seconds: s, problems };
    rows.push([`check ${corpus.pages} built pages`, `${fmt(s.median, 2)} s (${fmt(s.min, 2)}–${fmt(s.max, 2)})`, `target ≤ 5 s; ${problems} problems; without the build (--no-build)`]);
  }
  if (want('weight')) {
    log('page weight…');
    const built = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(built.stderr);
    const security = pageWeight(path.join(root, 'dist'), '/security/');
    const page = pageWeight(path.join(site, 'dist'), '/page-0001/');
    results.weight = { security, corpusPage: page };
    rows.push(['weight /security/', `HTML ${kb(security.html)}, CSS ${kb(security.css)}, JS ${kb(security.js)}`, 'JS budget ≤ 12 KB gz']);
    rows.push(['weight corpus page', `HTML ${kb(page.html)}, CSS ${kb(page.css)}, JS ${kb(page.js)}`, `sidebar of ${corpus.pages + 1} links included`]);
  }
  fs.rmSync(site, { recursive: true, force: true });
}

const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const width = Math.max(...rows.map((r) => r[0].length));
const valueWidth = Math.max(...rows.map((r) => r[1].length));
console.log(`\nScissors benchmarks — ${machine.cpuModel}, ${machine.cpus} cores, ${machine.memoryGiB} GiB, Node ${machine.node}\n`);
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(valueWidth)}  ${note}`);
fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench-results/latest.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
console.log('\nwritten: bench-results/latest.json');
