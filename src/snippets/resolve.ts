/**
 * Where a snippet path points: base paths in order, the first existing match wins.
 * Containment is checked on real paths (symlinks resolved) against a directory boundary,
 * so `../x`, absolute paths, symlinks leading out and sibling folders that share a name
 * prefix (`docs_private` for base `docs`) are all outside.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Resolution =
  /**
   * `file` is the real path; `via` the path it was looked up by, when that differs (a symlink on
   * the way): what a page read depends on where that path leads too, not only on the file.
   */
  | { ok: true; file: string; via?: string }
  | { ok: false; reason: 'not-found' | 'outside' | 'directory'; tried: string[]; outside: string[] };

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec);
}

/** True when `child` is `parent` itself or lies below it (both absolute, normalised). */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function realpathOrNull(p: string): string | null {
  try {
    // The OS's realpath: Node's own normalises `x/..` lexically before resolving symlinks.
    return fs.realpathSync.native(p);
  } catch {
    return null;
  }
}

/**
 * A path as the snippet engine names files: its real path (the OS's), or the resolved path when
 * it does not exist. Whatever compares paths with the engine's (base paths, the site's root)
 * must name them this way too.
 */
export function realPathOrResolved(p: string): string {
  return realpathOrNull(p) ?? path.resolve(p);
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** os.path.join: no normalisation, an absolute second part replaces the first. */
function rawJoin(base: string, spec: string): string {
  return path.isAbsolute(spec) ? spec : `${base.endsWith(path.sep) ? base : base + path.sep}${spec}`;
}

export function resolveSnippetPath(spec: string, basePaths: string[], restrict: boolean): Resolution {
  const tried: string[] = [];
  const outside: string[] = [];
  let directory = false;
  for (const base of basePaths) {
    const baseStat = statOrNull(base);
    if (!baseStat) continue;
    if (baseStat.isDirectory()) {
      const candidate = path.resolve(base, spec);
      tried.push(candidate);
      if (restrict) {
        // Lexical check first, so a missing `../x` is reported as outside, not as missing. An
        // absolute path is judged like any other (pymdownx accepts one that lands inside the base).
        if (!isWithin(base, candidate) || candidate === base) {
          outside.push(candidate);
          continue;
        }
      }
      // Unrestricted, pymdownx joins without normalising and asks the OS, so `a.md/../b.md` is not
      // there (a.md is no folder) and a symlinked folder's `..` is its target's parent.
      const probe = restrict ? candidate : rawJoin(base, spec);
      const stat = statOrNull(probe);
      if (!stat) continue;
      const real = realpathOrNull(probe);
      const realBase = realpathOrNull(base);
      if (restrict && (!real || !realBase || !isWithin(realBase, real) || real === realBase)) {
        outside.push(candidate);
        continue;
      }
      if (stat.isDirectory()) {
        directory = true;
        continue;
      }
      const file = real ?? candidate;
      // A symlink on the way: the path as looked up (unrestricted: not normalised, so it leads where
      // the OS went). Only then: `./x.md` unrestricted is the same file by another spelling.
      return path.resolve(probe) === file ? { ok: true, file } : { ok: true, file, via: probe };
    }
    // A file as a base path allows exactly that file (os.path.join, not normalised, then samefile).
    const candidate = path.resolve(path.dirname(base), spec);
    tried.push(candidate);
    const raw = rawJoin(path.dirname(base), spec);
    const real = statOrNull(raw) ? realpathOrNull(raw) : null;
    if (real && real === realpathOrNull(base)) return path.resolve(raw) === real ? { ok: true, file: real } : { ok: true, file: real, via: raw };
  }
  if (directory) return { ok: false, reason: 'directory', tried, outside };
  if (outside.length > 0 && outside.length === tried.length) return { ok: false, reason: 'outside', tried, outside };
  return { ok: false, reason: 'not-found', tried, outside };
}
