/**
 * The Astro settings a site model implies: where output and caches go, the base path, the URL
 * format. A site outside this package (an MkDocs project) gets its own cache folder, so two
 * sites never share Astro's content store, and none of this package's public files.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AstroUserConfig } from 'astro';
import type { SiteModel } from './model.ts';

/** The path part of the site's URL, as the base every URL starts with (`/`, `/docs/`). */
export function siteBase(siteUrl: string | undefined): string {
  if (!siteUrl) return '/';
  return new URL(siteUrl).pathname.replace(/\/*$/, '/');
}

/** Where Astro keeps this site's caches (content store, rendered pages). */
export function siteCacheDir(site: Pick<SiteModel, 'configFile'>, packageRoot: string): string {
  const key = createHash('sha256').update(site.configFile).digest('hex').slice(0, 16);
  return path.join(packageRoot, 'node_modules', '.cache', 'scissors', 'sites', key);
}

/** Astro's cache folder for the site (its content store, the docs loader's render cache). */
export function astroCacheDir(site: Pick<SiteModel, 'configFile' | 'root'>, packageRoot: string): string {
  // Astro's default (./node_modules/.astro under the project root) for the package's own site.
  return isPackageSite(site, packageRoot) ? path.join(packageRoot, 'node_modules', '.astro') : siteCacheDir(site, packageRoot);
}

/** Is this site the package's own (its scissors.config.ts in the package folder)? */
export const isPackageSite = (site: Pick<SiteModel, 'root'>, packageRoot: string) => path.resolve(site.root) === path.resolve(packageRoot);

export type SiteAstroSettings = Pick<AstroUserConfig, 'site' | 'base' | 'trailingSlash' | 'build' | 'outDir' | 'vite' | 'cacheDir' | 'publicDir'>;

export function astroSettingsFor(site: SiteModel, packageRoot: string): SiteAstroSettings {
  const own = isPackageSite(site, packageRoot);
  const settings: SiteAstroSettings = {
    site: site.siteUrl,
    base: siteBase(site.siteUrl),
    trailingSlash: site.directoryUrls ? 'always' : 'ignore',
    build: { format: site.directoryUrls ? 'directory' : 'file' },
    outDir: site.outDir,
    vite: { server: { fs: { allow: [packageRoot, site.root] } } },
  };
  if (own) return settings;
  const cacheDir = siteCacheDir(site, packageRoot);
  // An empty public folder: this package's own files (its favicon, the Security page's diagram)
  // are not the site's. The site's own files under docsDir are published by the integration.
  const publicDir = path.join(cacheDir, 'public');
  fs.mkdirSync(publicDir, { recursive: true });
  return { ...settings, cacheDir, publicDir };
}
