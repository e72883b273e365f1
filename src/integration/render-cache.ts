/**
 * The docs loader's on-disk render cache: a build reuses a page's HTML from the last build only
 * when nothing it was rendered from has changed. A cached page is keyed by
 *
 * - the build key (`renderCacheKey`): the Scissors version (package version and a hash of its
 *   source, astro.config.mjs and the lock file), the Node version, the site model (Markdown and
 *   snippet options, URLs, nav), Astro's Markdown settings and the plugins with their options,
 *   the list of files in the docs folder (links to pages and files depend on which exist) and
 *   the content of custom icon folders; any change there re-renders every page;
 * - the page's own text (front matter included);
 * - every file it read through snippets, nested includes and auto_append ones included, by
 *   content hash, and every path looked for and missing (a file that appears there re-renders
 *   the page); a file reached through a symlink also by the path it was looked up by, hashed
 *   with where that leads (a re-pointed symlinked folder re-renders the page). A page that included a URL, or whose dependency changed during the build, is
 *   not cached.
 *
 * The HTML is stored with its SHA-256, checked when read: a damaged cache re-renders, never
 * serves garbage. `SCISSORS_RENDER_CACHE=off` turns the cache off (read and write).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MarkdownHeading } from '@astrojs/markdown-remark';
import { titleFromSource } from '../site/titles.ts';
import { isUrl, realPathOrResolved } from '../snippets/resolve.ts';

/** How far a file's modification time may lag the clock and still count as changed during the build. */
const CLOCK_SLACK_MS = 100;

const FORMAT = 3;

/** The cache's folder in Astro's cache folder (the docs loader writes it, the quick rebuild reads it). */
export const RENDER_CACHE_FOLDER = 'scissors-render-cache';
const INDEX = 'index.json';

export const renderCacheEnabled = () => process.env.SCISSORS_RENDER_CACHE !== 'off';

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** What the loader keeps of a rendered page. */
export interface CachedPage {
  /** UTF-8 bytes (shared with the page HTML file, not copied) or a string. */
  html: Buffer | string;
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  /** Warnings printed while it rendered, printed again when it is reused. */
  warnings: string[];
}

/** A file as this build found it: its content hash (null: missing), time, and where a path through a symlink leads. */
interface FileState {
  hash: string | null;
  mtimeMs: number;
  leadsTo?: string;
}

/** A page as the cache knows it, rendered by the loader or (`html` absent) by Astro itself. */
interface Fingerprint {
  page: string;
  /** The page's id (its URL path) in the docs collection. */
  id: string;
  /** SHA-256 of the page's raw front matter: a quick rebuild keeps the page's data only when it is unchanged. */
  front: string;
  /** The title the navigation reads from the page's source (titles.ts), null when it has none. */
  title: string | null;
  /** [absolute path, content hash or null when missing]. */
  deps: Array<[string, string | null]>;
}

interface Entry extends Fingerprint {
  htmlHash: string;
  start: number;
  length: number;
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  warnings: string[];
}

interface IndexFile {
  format: number;
  key: string;
  blob: string;
  entries: Record<string, Entry>;
  /** Pages Astro rendered (a Markdown page with images): what they read, no HTML. */
  astroRendered: Record<string, Fingerprint>;
  /** What a render outside Astro needs of Astro's resolved settings (null: they do not survive JSON). */
  settings: RendererSettings | null;
  /** Every page of the build, cached or not (a page missing from the entries was not cacheable). */
  sitePages: string[];
}

/** Astro's resolved Markdown settings the renderers take (site-renderers.ts), as JSON. */
export interface RendererSettings {
  shikiConfig: Record<string, unknown>;
  image: unknown;
}

/** The page's identity beside its text: its id and raw front matter. */
export interface PageIdentity {
  id: string;
  rawFrontmatter: string;
}

/** What the cache held for a page before this build. */
export interface PreviousPage {
  id: string;
  front: string;
  title: string | null;
  headings: MarkdownHeading[];
  frontmatter: Record<string, unknown>;
  htmlHash: string;
  warnings: string[];
}

export const frontHash = (rawFrontmatter: string) => sha256(rawFrontmatter);


/** Files of a folder, recursively, as sorted paths relative to it (none when it does not exist). */
export function listFiles(dir: string): string[] {
  try {
    return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((d) => d.isFile() || d.isSymbolicLink())
      .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
      .sort();
  } catch {
    return [];
  }
}

const versionHashes = new Map<string, string>();

/** The folders node would look in for `packageRoot`'s dependencies, nearest first. */
function nodeModulesFolders(packageRoot: string): string[] {
  const folders: string[] = [];
  for (let dir = path.resolve(packageRoot); ; dir = path.dirname(dir)) {
    if (path.basename(dir) !== 'node_modules') folders.push(path.join(dir, 'node_modules'));
    if (path.dirname(dir) === dir) return folders;
  }
}

/**
 * What is installed for the package: the version of each dependency as node finds it, and npm's
 * record of the whole installed tree (`node_modules/.package-lock.json`, rewritten by every
 * install and update). An installed Scissors has no package-lock.json of its own (npm does not
 * publish it), so these are what tell one set of dependencies from another.
 */
function installedDependencies(packageRoot: string, read: (file: string) => Buffer): string {
  const json = (file: string): { dependencies?: Record<string, string>; version?: string } => {
    try {
      return JSON.parse(read(file).toString()) as { dependencies?: Record<string, string>; version?: string };
    } catch {
      return {};
    }
  };
  const manifest = json(path.join(packageRoot, 'package.json'));
  const folders = nodeModulesFolders(packageRoot);
  const versions = Object.keys(manifest.dependencies ?? {})
    .sort()
    .map((name) => {
      for (const folder of folders) {
        const found = path.join(folder, name, 'package.json');
        if (fs.existsSync(found)) return `${name}@${json(found).version ?? '?'}`;
      }
      return `${name}@[missing]`;
    });
  const trees = folders.map((folder) => path.join(folder, '.package-lock.json')).filter((file) => fs.existsSync(file));
  return [...versions, ...trees.map((file) => `${file}\0${createHash('sha256').update(read(file)).digest('hex')}`)].join('\n');
}

/**
 * The Scissors version: package.json's version, a hash of every file under src/, of
 * astro.config.mjs and of package-lock.json, and the installed dependencies. Computed once a
 * process for each package root.
 */
export function scissorsVersionHash(packageRoot: string): string {
  const known = versionHashes.get(packageRoot);
  if (known) return known;
  const hash = createHash('sha256');
  const read = (file: string) => {
    try {
      return fs.readFileSync(file);
    } catch {
      return Buffer.from('<missing>');
    }
  };
  const version = (JSON.parse(read(path.join(packageRoot, 'package.json')).toString()) as { version?: string }).version ?? '';
  hash.update(`version\0${version}\0`);
  for (const file of ['astro.config.mjs', 'package-lock.json']) hash.update(`${file}\0`).update(read(path.join(packageRoot, file))).update('\0');
  for (const file of listFiles(path.join(packageRoot, 'src'))) hash.update(`src/${file}\0`).update(read(path.join(packageRoot, 'src', file))).update('\0');
  hash.update(`installed\0${installedDependencies(packageRoot, read)}\0`);
  const digest = hash.digest('hex');
  versionHashes.set(packageRoot, digest);
  return digest;
}

/** JSON for anything: functions by their source, cycles and native state cut, key order kept. */
export function stableDescription(value: unknown): string {
  const seen = new WeakSet<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'function') return `[function ${v.name}] ${v.toString()}`;
    if (typeof v === 'bigint' || typeof v === 'symbol') return String(v);
    if (v === null || typeof v !== 'object') return v;
    if (v instanceof RegExp) return `[regexp ${v.toString()}]`;
    if (v instanceof URL) return v.href;
    if (depth > 8) return '[deep]';
    if (seen.has(v)) return '[cycle]';
    seen.add(v);
    try {
      if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
      // Maps and Sets are state (caches, counters), not options.
      if (v instanceof Map || v instanceof Set || v instanceof WeakMap || v instanceof WeakSet) return `[${v.constructor.name}]`;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = walk((v as Record<string, unknown>)[k], depth + 1);
      return out;
    } finally {
      seen.delete(v);
    }
  };
  return JSON.stringify(walk(value, 0)) ?? 'undefined';
}

export interface RenderCacheKeyParts {
  packageRoot: string;
  /** The site model as JSON (astro.config.mjs publishes it in the environment). */
  siteJson: string;
  /** Astro's Markdown settings (processor and plugins included). */
  markdown: unknown;
  /** The docs folder: which files exist there is part of every page's links. */
  docsDir: string;
  /** Folders whose files' content every page may read (custom icons). */
  contentFolders: string[];
}

export function renderCacheKey(parts: RenderCacheKeyParts): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\0node ${process.version}\0scissors ${scissorsVersionHash(parts.packageRoot)}\0`);
  hash.update(`site\0${parts.siteJson}\0markdown\0${stableDescription(parts.markdown)}\0`);
  hash.update(`docs\0${listFiles(parts.docsDir).join('\n')}\0`);
  for (const folder of parts.contentFolders) {
    for (const file of listFiles(folder)) {
      hash.update(`${folder}/${file}\0`);
      try {
        hash.update(fs.readFileSync(path.join(folder, file)));
      } catch {
        hash.update('<unreadable>');
      }
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export class RenderCache {
  readonly dir: string;
  readonly key: string;
  reused = 0;
  rendered = 0;
  /** Why pages were not stored (URL includes, files changed during the build). */
  uncacheable = 0;
  private readonly old: Map<string, Entry>;
  private readonly oldAstroRendered: Map<string, Fingerprint>;
  private readonly oldBlob: Buffer | undefined;
  private readonly next = new Map<string, { entry: Entry; html: Buffer }>();
  private readonly nextAstroRendered = new Map<string, Fingerprint>();
  /** Astro's settings the renderers took in this build (kept from the last one unless set). */
  settings: RendererSettings | null;
  /** Every page of this build (kept from the last one unless set). */
  sitePages: string[];
  /** Which save this cache was read from (unique to each save), if any. */
  readonly savedAs: string | undefined;
  private readonly fileHashes = new Map<string, FileState>();
  private readonly startedMs = Date.now();
  /** The snippet base paths: as configured (absolute), and where they lead. */
  private readonly basePaths: string[];
  private readonly realBasePaths: string[];

  private constructor(dir: string, key: string, index: IndexFile | undefined, oldBlob: Buffer | undefined, basePaths: string[]) {
    this.dir = dir;
    this.key = key;
    this.old = new Map(Object.entries(index?.entries ?? {}));
    this.oldAstroRendered = new Map(Object.entries(index?.astroRendered ?? {}));
    this.settings = index?.settings ?? null;
    this.sitePages = index?.sitePages ?? [];
    this.savedAs = index?.blob;
    this.oldBlob = oldBlob;
    this.basePaths = basePaths.map((b) => path.resolve(b));
    this.realBasePaths = this.basePaths.map(realPathOrResolved);
  }

  private static read(dir: string): { index: IndexFile; blob: Buffer } | undefined {
    try {
      const index = JSON.parse(fs.readFileSync(path.join(dir, INDEX), 'utf8')) as IndexFile;
      if (index.format !== FORMAT || path.basename(index.blob) !== index.blob) return undefined;
      return { index, blob: fs.readFileSync(path.join(dir, index.blob)) };
    } catch {
      return undefined;
    }
  }

  /** The cache in `dir`, empty when it is missing, unreadable or made under another key. */
  static open(dir: string, key: string, options: { basePaths?: string[] } = {}): RenderCache {
    const saved = RenderCache.read(dir);
    const valid = saved?.index.key === key ? saved : undefined;
    return new RenderCache(dir, key, valid?.index, valid?.blob, options.basePaths ?? []);
  }

  /**
   * The cache in `dir` under the key it was saved with, for a caller that has established by
   * other means that nothing the key covers has changed (the quick rebuild's site hash).
   */
  static openSaved(dir: string, options: { basePaths?: string[] } = {}): RenderCache | undefined {
    const saved = RenderCache.read(dir);
    return saved && new RenderCache(dir, saved.index.key, saved.index, saved.blob, options.basePaths ?? []);
  }

  /** The name of the save in `dir` (unique to each save), without reading its pages. */
  static savedName(dir: string): string | undefined {
    try {
      const index = JSON.parse(fs.readFileSync(path.join(dir, INDEX), 'utf8')) as IndexFile;
      return index.format === FORMAT ? index.blob : undefined;
    } catch {
      return undefined;
    }
  }

  /** Every page the last build knew, rendered by the loader or by Astro. */
  previousPages(): Array<{ page: string; id: string; astroRendered: boolean }> {
    return [
      ...[...this.old].map(([page, entry]) => ({ page, id: entry.id, astroRendered: false })),
      ...[...this.oldAstroRendered].map(([page, entry]) => ({ page, id: entry.id, astroRendered: true })),
    ].sort((a, b) => (a.page < b.page ? -1 : a.page > b.page ? 1 : 0));
  }

  /** What the last build rendered for a page (undefined: not by the loader, or not cached). */
  previous(page: string): PreviousPage | undefined {
    const entry = this.old.get(page);
    return entry && { id: entry.id, front: entry.front, title: entry.title, headings: entry.headings, frontmatter: entry.frontmatter, htmlHash: entry.htmlHash, warnings: entry.warnings };
  }

  /** The HTML the last build rendered for a page, checked against its hash. */
  previousHtml(page: string): Buffer | undefined {
    const entry = this.old.get(page);
    if (!entry || !this.oldBlob || entry.start + entry.length > this.oldBlob.length) return undefined;
    const bytes = this.oldBlob.subarray(entry.start, entry.start + entry.length);
    return sha256(bytes) === entry.htmlHash ? bytes : undefined;
  }

  private depsUnchanged(deps: Array<[string, string | null]>): boolean {
    for (const [file, hash] of deps) if (this.fileState(file).hash !== hash) return false;
    return true;
  }

  /** The content hash of a file as it is now (null: missing), once per build. */
  private fileState(file: string): FileState {
    let state = this.fileHashes.get(file);
    if (!state) {
      try {
        const stat = fs.statSync(file);
        try {
          // A path through a symlink (an include's path as looked up) also depends on where it leads:
          // a symlinked folder re-pointed at a copy of the same files still changes what was read.
          const real = fs.realpathSync.native(file);
          const content = stat.isFile() ? sha256(fs.readFileSync(file)) : `[${stat.isDirectory() ? 'directory' : 'other'}]`;
          state = real === file ? { hash: content, mtimeMs: stat.mtimeMs } : { hash: `${content} at ${real}`, mtimeMs: stat.mtimeMs, leadsTo: real };
        } catch {
          // There but unreadable: not the same as missing (a page rendered while it was missing is stale).
          state = { hash: '[unreadable]', mtimeMs: stat.mtimeMs };
        }
      } catch {
        state = { hash: null, mtimeMs: 0 };
      }
      this.fileHashes.set(file, state);
    }
    return state;
  }

  /** The page as last rendered, if its text and every file it read are unchanged. */
  lookup(page: string, text: string): (CachedPage & { html: Buffer; dependencies: string[] }) | undefined {
    const entry = this.old.get(page);
    if (!entry || entry.page !== sha256(text) || !this.depsUnchanged(entry.deps)) return undefined;
    const bytes = this.previousHtml(page);
    if (!bytes) return undefined;
    this.next.set(page, { entry, html: bytes });
    this.reused++;
    return { html: bytes, headings: entry.headings, frontmatter: entry.frontmatter, warnings: entry.warnings, dependencies: entry.deps.map(([file]) => file) };
  }

  /** Is a page Astro rendered unchanged since the last build, with every file it read? Kept if so. */
  astroRenderedUnchanged(page: string, text: string): boolean {
    const entry = this.oldAstroRendered.get(page);
    if (!entry || entry.page !== sha256(text) || !this.depsUnchanged(entry.deps)) return false;
    this.nextAstroRendered.set(page, entry);
    return true;
  }

  /** Note a page Astro rendered itself (no HTML kept): what it read, for the quick rebuild. */
  noteAstroRendered(page: string, text: string, dependencies: Iterable<string> | undefined, identity: PageIdentity): void {
    const deps = dependencies && this.dependencyHashes(dependencies);
    if (deps) this.nextAstroRendered.set(page, { page: sha256(text), id: identity.id, front: frontHash(identity.rawFrontmatter), title: titleFromSource(text) ?? null, deps });
  }

  /** Content hashes of what a render read, or undefined when the page must not be cached. */
  private dependencyHashes(dependencies: Iterable<string>): Array<[string, string | null]> | undefined {
    const read = new Set(dependencies);
    const deps: Array<[string, string | null]> = [];
    for (const file of [...new Set([...read].flatMap((d) => [d, ...this.shadowing(d)]))].sort()) {
      if (isUrl(file)) return undefined;
      const state = this.fileState(file);
      // A path through a symlink that now leads to a file the render did not read: re-pointed during
      // the build (its target's time says nothing of the link's). The hash would be of the new target.
      if (state.leadsTo !== undefined && read.has(file) && !read.has(state.leadsTo)) return undefined;
      // Changed while this build ran (or just before it: a file's timestamp comes from the kernel's
      // coarse clock, a tick or so behind Date.now() — a test caught a write right after the
      // start going unseen): what the render read may not be what is hashed now. Not caching
      // such a page costs one render next time, never a stale page.
      if (state.mtimeMs >= this.startedMs - CLOCK_SLACK_MS) return undefined;
      deps.push([file, state.hash]);
    }
    return deps;
  }

  /**
   * Keep a page just rendered from `text`, which read `dependencies` (absolute paths, found or
   * not); undefined when nothing reported what it read: then it is not cached.
   */
  store(page: string, text: string, dependencies: Iterable<string> | undefined, rendered: CachedPage, identity: PageIdentity): void {
    this.rendered++;
    const deps = dependencies && this.dependencyHashes(dependencies);
    if (!deps) {
      this.uncacheable++;
      return;
    }
    const html = typeof rendered.html === 'string' ? Buffer.from(rendered.html, 'utf8') : rendered.html;
    const entry: Entry = {
      page: sha256(text),
      id: identity.id,
      front: frontHash(identity.rawFrontmatter),
      title: titleFromSource(text) ?? null,
      deps,
      htmlHash: sha256(html),
      start: 0,
      length: html.length,
      headings: rendered.headings,
      frontmatter: rendered.frontmatter,
      warnings: rendered.warnings,
    };
    this.next.set(page, { entry, html });
  }

  /**
   * Where a file found under a later snippet base path would have been found first: the engine
   * reports the paths it tried only for files it did not find, and a file created in an earlier
   * base path would change what the page includes.
   */
  private shadowing(file: string): string[] {
    if (isUrl(file)) return [];
    const k = this.realBasePaths.findIndex((b) => file.startsWith(b + path.sep));
    if (k <= 0) return [];
    const relative = path.relative(this.realBasePaths[k] as string, file);
    // Both where an earlier base path leads now and the path through it: a symlinked base path
    // re-pointed at a folder that has the file changes what the page includes too.
    return [...new Set([...this.realBasePaths.slice(0, k), ...this.basePaths.slice(0, k)])].map((b) => path.join(b, relative));
  }

  /** Write this build's pages (only them: deleted pages leave the cache), replacing the last. */
  save(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    // Unique to this save (the quick rebuild tells saves apart by name), even two in one millisecond.
    const blobName = `pages-${process.pid}-${Date.now()}-${randomBytes(4).toString('hex')}.bin`;
    const chunks: Buffer[] = [];
    const entries: Record<string, Entry> = {};
    let size = 0;
    for (const [page, { entry, html }] of [...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      entries[page] = { ...entry, start: size, length: html.length };
      chunks.push(html);
      size += html.length;
    }
    fs.writeFileSync(path.join(this.dir, blobName), Buffer.concat(chunks, size));
    const astroRendered = Object.fromEntries([...this.nextAstroRendered].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const index: IndexFile = { format: FORMAT, key: this.key, blob: blobName, entries, astroRendered, settings: this.settings, sitePages: [...this.sitePages].sort() };
    const tmp = path.join(this.dir, `${INDEX}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(index));
    fs.renameSync(tmp, path.join(this.dir, INDEX));
    for (const f of fs.readdirSync(this.dir)) if (f.startsWith('pages-') && f !== blobName) fs.rmSync(path.join(this.dir, f), { force: true });
  }
}

/**
 * Run `render` with console.warn captured: the warnings a cached page replays. Printed as they
 * come unless `echo` is false (the caller prints them, or not, once it knows the outcome).
 */
export async function capturingWarnings<T>(render: () => Promise<T>, echo = true): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '));
    if (echo) original.apply(console, args);
  };
  try {
    return { value: await render(), warnings };
  } finally {
    console.warn = original;
  }
}
