// The Powertools corpus (a real MkDocs Material site, ../shared/corpus) built once per test run
// with `scissors build`, then served as static files, the way it would be deployed. The build's
// output and log stay in a temporary folder for the specs that assert on them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');
export const corpusDir = path.resolve(process.env.SCISSORS_CORPUS ?? path.join(projectRoot, '../shared/corpus/powertools-python'));
// Outside test-results/, which Playwright empties at the start of every run.
const workDir = path.join(os.tmpdir(), `scissors-corpus-${process.env.CORPUS_PORT ?? 4324}`);
export const siteDir = path.join(workDir, 'site');
export const buildLog = path.join(workDir, 'build.log');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

function build() {
  if (!fs.existsSync(path.join(corpusDir, 'mkdocs.yml'))) {
    throw new Error(`corpus not found at ${corpusDir} (set SCISSORS_CORPUS to a folder holding mkdocs.yml)`);
  }
  fs.rmSync(siteDir, { recursive: true, force: true });
  const result = spawnSync('npm', ['run', '--silent', 'scissors', '--', 'build', corpusDir, '--out', siteDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.mkdirSync(path.dirname(buildLog), { recursive: true });
  fs.writeFileSync(buildLog, `exit ${result.status}\n${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`scissors build of the corpus failed (exit ${result.status}); see ${buildLog}`);
}

function serve(port) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(siteDir, url);
    if (!file.startsWith(siteDir)) return res.writeHead(403).end();
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      return res.end(fs.readFileSync(path.join(siteDir, '404.html')));
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  server.listen(port, '127.0.0.1');
}

if (process.argv[1] === import.meta.filename) {
  build();
  serve(Number(process.env.CORPUS_PORT ?? 4324));
}
