/** Classifying a reference and resolving internal ones against the built site. */
import fs from 'node:fs';
import path from 'node:path';

export type Classified =
  | { kind: 'skip' }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'internal'; pathname: string; fragment: string }
  | { kind: 'external'; url: string }
  | { kind: 'bad'; reason: string };

const SKIPPED_SCHEMES = /^(mailto|tel|data|blob|sms):/i;

/** `pagePath` is the page's site path, e.g. `/security/`. */
export function classify(url: string, pagePath: string): Classified {
  const trimmed = url.trim();
  if (trimmed === '') return { kind: 'bad', reason: 'empty URL' };
  if (SKIPPED_SCHEMES.test(trimmed)) return { kind: 'skip' };
  if (/^javascript:/i.test(trimmed)) return { kind: 'bad', reason: 'javascript: URLs are not allowed in docs' };
  if (trimmed.startsWith('#')) return { kind: 'fragment', fragment: decodeFragment(trimmed.slice(1)) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    try {
      const parsed = new URL(trimmed, 'https://scissors.invalid/');
      return { kind: 'external', url: parsed.toString() };
    } catch {
      return { kind: 'bad', reason: 'not a valid URL' };
    }
  }
  let resolved: URL;
  try {
    resolved = new URL(trimmed, `https://scissors.invalid${pagePath}`);
  } catch {
    return { kind: 'bad', reason: 'not a valid URL' };
  }
  return { kind: 'internal', pathname: safeDecode(resolved.pathname), fragment: decodeFragment(resolved.hash.slice(1)) };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function decodeFragment(fragment: string): string {
  return safeDecode(fragment);
}

/** The built file a site path serves, or null. Pages are `dir/index.html`; assets are files. */
export function resolveInDist(dist: string, pathname: string): string | null {
  const clean = path.normalize(pathname).replace(/^(\.\.[/\\])+/, '');
  const direct = path.join(dist, clean);
  if (!direct.startsWith(dist)) return null;
  const candidates = clean.endsWith('/') ? [path.join(direct, 'index.html')] : [direct, path.join(direct, 'index.html'), `${direct}.html`];
  for (const candidate of candidates) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

/** Site path of a built HTML file: `dist/security/index.html` → `/security/`. */
export function sitePathOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}
