/**
 * MkDocs Material, measured in the same run as Scissors. It comes from Debian (`mkdocs`,
 * `mkdocs-material` 8.2.5, `python3-pymdownx` 9.5): installed here when the benchmark runs as root
 * and they are missing; otherwise the benchmark stops and says how to install them.
 *
 * Debian's versions are older than what the Powertools corpus was written for, so its mkdocs.yml
 * is adapted for MkDocs only (Scissors builds the corpus unchanged); every change is listed in
 * DEBIAN_ADAPTATIONS and printed by the benchmark.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Debian's interpreter: a python3 earlier on PATH (pyenv) does not see Debian's packages. */
export const MKDOCS = '/usr/bin/mkdocs';
const PYTHON = '/usr/bin/python3';

const probe = () =>
  spawnSync(PYTHON, ['-c', "import mkdocs, pymdownx, pymdownx.emoji; from mkdocs.theme import Theme; Theme('material'); print(mkdocs.__version__)"], { encoding: 'utf8' });

/** The MkDocs version, installing the Debian packages first when root and they are missing. */
export function ensureMkdocs(log: (line: string) => void): string {
  let found = fs.existsSync(MKDOCS) ? probe() : undefined;
  if (found?.status === 0) return versions(found.stdout.trim());
  if (process.getuid?.() !== 0) {
    throw new Error(
      'MkDocs Material is not installed, and the benchmark is not running as root to install it. Run:\n' +
        '  sudo apt-get update && sudo apt-get install -y mkdocs mkdocs-material python3-pymdownx\n' +
        'then `npm run bench` again (or `npm run bench -- build dev-reload …` for the Scissors-only parts).',
    );
  }
  log('installing MkDocs from Debian: apt-get install -y mkdocs mkdocs-material python3-pymdownx…');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'mkdocs', 'mkdocs-material', 'python3-pymdownx']]) {
    const r = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  }
  found = probe();
  if (found.status !== 0) throw new Error(`MkDocs installed but not usable:\n${found.stderr}`);
  return versions(found.stdout.trim());
}

function versions(mkdocs: string): string {
  const pkg = (name: string) => spawnSync('dpkg-query', ['-W', '-f', '${Version}', name], { encoding: 'utf8' }).stdout.trim() || '?';
  return `MkDocs ${mkdocs}, mkdocs-material ${pkg('mkdocs-material')}, pymdownx ${pkg('python3-pymdownx')}`;
}

/** What is changed in the corpus's mkdocs.yml so that Debian's MkDocs Material can build it. */
export const DEBIAN_ADAPTATIONS: Array<[RegExp, string, string]> = [
  [/material\.extensions\.emoji\.twemoji/g, 'pymdownx.emoji.twemoji', 'emoji index from pymdownx (Material 8.2 has no material.extensions.emoji)'],
  [/material\.extensions\.emoji\.to_svg/g, 'pymdownx.emoji.to_svg', 'emoji generator from pymdownx'],
  [/\n\s*slugify: !!python\/object\/apply:pymdownx\.slugs\.slugify\n\s*kwds:\n\s*case: lower/g, '', 'pymdownx.tabbed 9.5 has no slugify option'],
  [/\n\s*restrict_base_path: false/g, '', 'pymdownx.snippets 9.5 has no restrict_base_path option'],
  [/\n\s*- git-revision-date\n/g, '\n', 'the git-revision-date plugin is not packaged in Debian'],
  [/icon: simple\/python/g, 'icon: fontawesome/brands/python', 'Material 8.2 bundles no Simple Icons'],
];

export function adaptMkdocsYml(text: string): string {
  let out = text;
  for (const [pattern, replacement] of DEBIAN_ADAPTATIONS) out = out.replace(pattern, replacement);
  return out;
}
