/**
 * The site being built, for code that runs inside Astro (layouts, routes, the content config).
 * astro.config.mjs reads the site once and hands it over as JSON in the environment: that
 * crosses Vite's module runners and bundled chunks alike, where module state would not.
 */
import { parseSiteModel, type SiteModel } from './model.ts';

export const SITE_JSON_VARIABLE = 'SCISSORS_SITE_JSON';

let cached: { json: string; model: SiteModel } | undefined;

export function currentSite(): SiteModel {
  const json = process.env[SITE_JSON_VARIABLE];
  if (!json) throw new Error(`scissors: ${SITE_JSON_VARIABLE} is not set; the site is read by astro.config.mjs`);
  if (cached?.json !== json) cached = { json, model: parseSiteModel(JSON.parse(json)) };
  return cached.model;
}

export function publishSite(model: SiteModel): void {
  process.env[SITE_JSON_VARIABLE] = JSON.stringify(model);
}
