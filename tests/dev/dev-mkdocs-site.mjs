// A throwaway MkDocs project (mkdocs.yml, docs/, examples/) served by `scissors dev`: the dev tests
// edit its included files and watch the pages follow. The repo is never touched.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MKDOCS_DEV_PORT = Number(process.env.MKDOCS_DEV_PORT ?? 4325);
export const mkdocsDevDir = path.join(os.tmpdir(), `scissors-dev-mkdocs-${MKDOCS_DEV_PORT}`);
const projectRoot = path.resolve(import.meta.dirname, '../..');

export const mkdocsFiles = {
  'mkdocs.yml': [
    'site_name: Dev MkDocs',
    'nav:',
    '  - Home: index.md',
    '  - Guide: guide/usage.md',
    'theme:',
    '  name: material',
    'markdown_extensions:',
    '  - admonition',
    '  - pymdownx.superfences',
    '  - pymdownx.snippets:',
    '      base_path: "."',
    '      check_paths: true',
    '      auto_append: [includes/abbreviations.md]',
    '',
  ].join('\n'),
  'docs/index.md': '# Home\n\nSee [usage](guide/usage.md#example).\n',
  'docs/guide/usage.md': '# Usage\n\n## Example\n\n```python title="app.py"\n--8<-- "examples/app.py"\n```\n\n--8<-- "examples/notes.md"\n',
  'examples/app.py': 'print("version one")\n',
  'examples/notes.md': '!!! note "Notes"\n    notes one\n',
  'includes/abbreviations.md': '*[API]: Application Programming Interface\n',
};

export function writeMkdocsDevSite() {
  fs.rmSync(mkdocsDevDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(mkdocsFiles)) {
    fs.mkdirSync(path.dirname(path.join(mkdocsDevDir, file)), { recursive: true });
    fs.writeFileSync(path.join(mkdocsDevDir, file), text);
  }
}

if (process.argv[1] === import.meta.filename) {
  writeMkdocsDevSite();
  const child = spawn('npm', ['run', '--silent', 'scissors', '--', 'dev', mkdocsDevDir, '--host', '127.0.0.1', '--port', String(MKDOCS_DEV_PORT)], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}
