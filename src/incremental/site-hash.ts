/**
 * One hash of everything a build's output depends on apart from its pages and the files they
 * include (those are the render cache's, page by page): the Scissors version, Node, the site
 * model and its configuration file, the Scissors and Astro environment with the locale, which files
 * the docs folder holds, the content of the files it publishes as they are, of custom icons and of
 * the public folder, and the git history (last-updated dates). While it is unchanged, a page whose
 * own text and includes are unchanged renders to the same bytes as in the last build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { docsFiles } from '../integration/docs-files.ts';
import { listFiles, scissorsVersionHash, stableDescription } from '../integration/render-cache.ts';
import { isPackageSite } from '../site/astro-settings.ts';
import type { SiteModel } from '../site/model.ts';

const FORMAT = 1;

/** Set by the build itself (astro.config.mjs, the CLI's child process): derived, not inputs. */
const DERIVED_VARIABLES = new Set(['SCISSORS_SITE_JSON', 'SCISSORS_BUILD_ASTRO_STEP']);

/** Beside Scissors' and Astro's own: the locale (the sidebar of a site without a nav is sorted by it) and the time zone. */
const OTHER_INPUTS = new Set(['NODE_ENV', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_COLLATE', 'TZ']);

const isInput = (name: string) => (name.startsWith('SCISSORS_') || name.startsWith('ASTRO_') || OTHER_INPUTS.has(name)) && !DERIVED_VARIABLES.has(name);

/**
 * The history last-updated dates are read from: the HEAD commit, and how much of its history is
 * there (a shallow clone deepened keeps HEAD and changes the dates).
 */
function gitHistory(root: string): string {
  const git = (args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return `${git(['rev-parse', 'HEAD', '--is-shallow-repository'])}\n${git(['rev-list', '--count', 'HEAD'])}`;
  } catch {
    return '[no git commit]';
  }
}

export interface SiteHashInputs {
  site: SiteModel;
  packageRoot: string;
  env?: NodeJS.ProcessEnv;
}

export function siteHash({ site, packageRoot, env = process.env }: SiteHashInputs): string {
  const hash = createHash('sha256');
  const field = (name: string, value: string | Buffer) => hash.update(`${name}\0`).update(value).update('\0');
  const content = (file: string) => {
    try {
      return fs.readFileSync(file);
    } catch {
      return Buffer.from('[unreadable]');
    }
  };
  const folderContent = (name: string, dir: string, files = listFiles(dir)) => {
    for (const file of files) field(`${name}/${file}`, content(path.join(dir, file)));
  };
  field('format', String(FORMAT));
  field('node', process.version);
  field('scissors', scissorsVersionHash(packageRoot));
  field('site', stableDescription(site));
  field('config', content(site.configFile));
  for (const name of Object.keys(env).filter(isInput).sort()) field(`env ${name}`, env[name] ?? '');
  field('docs', listFiles(site.docsDir).join('\n'));
  if (site.reader === 'mkdocs') folderContent('published', site.docsDir, docsFiles(site.docsDir, site.unpublished));
  for (const icons of new Set([path.join(site.root, 'overrides/.icons'), path.join(site.docsDir, 'overrides/.icons')])) folderContent('icons', icons);
  if (isPackageSite(site, packageRoot)) folderContent('public', path.join(packageRoot, 'public'));
  field('git', gitHistory(site.root));
  return hash.digest('hex');
}
