/**
 * Find and read a site: PATH is a folder holding mkdocs.yml or scissors.config.ts, or one of
 * those files. MkDocs sites are read by src/mkdocs/, native sites by ./native.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMkdocsConfig } from '../mkdocs/config.ts';
import type { ScissorsOptionsInput } from '../integration/options.ts';
import type { SiteModel } from './model.ts';
import { nativeSiteModel } from './native.ts';
import { realPathOrResolved } from '../snippets/resolve.ts';

export class SiteNotFoundError extends Error {}

const CONFIG_NAMES = ['mkdocs.yml', 'mkdocs.yaml', 'scissors.config.ts'];

/** The config file a PATH names (a folder or a file). */
export function findConfigFile(location: string): string {
  // Real paths: the snippet engine resolves symlinks, so the root must be a real path too or
  // files reached through a symlinked folder would be named relative to the wrong place.
  const absolute = realPathOrResolved(location);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (!stat) throw new SiteNotFoundError(`${location}: no such file or folder`);
  if (stat.isFile()) return absolute;
  for (const name of CONFIG_NAMES) {
    const candidate = path.join(absolute, name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new SiteNotFoundError(`${location}: no ${CONFIG_NAMES.join(', ')} in this folder`);
}

export interface LoadSiteOptions {
  outDir?: string;
  env?: NodeJS.ProcessEnv;
}

export async function loadSiteModel(location: string, options: LoadSiteOptions = {}): Promise<SiteModel> {
  const configFile = findConfigFile(location);
  if (/\.ya?ml$/.test(configFile)) return readMkdocsConfig(configFile, { outDir: options.outDir, env: options.env });
  if (/\.(ts|mjs|js)$/.test(configFile)) {
    const module = (await import(pathToFileURL(configFile).href)) as { default?: Omit<ScissorsOptionsInput, 'root'> };
    return nativeSiteModel({ ...(module.default ?? {}), root: path.dirname(configFile) }, configFile, options.outDir);
  }
  throw new SiteNotFoundError(`${configFile}: not a site configuration (expected ${CONFIG_NAMES.join(', ')})`);
}
