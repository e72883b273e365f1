/**
 * The icon sets MkDocs Material bundles, read from their npm packages the way Material's
 * `.icons` folder lays them out (its build copies each package's SVGs there, run through svgo):
 *
 *   material/NAME            @mdi/svg/svg/NAME.svg
 *   octicons/NAME-16|-24     @primer/octicons/build/svg/NAME-16.svg
 *   fontawesome/STYLE/NAME   @fortawesome/fontawesome-free/svgs/STYLE/NAME.svg  (brands, regular, solid)
 *   simple/NAME              simple-icons/icons/NAME.svg
 *
 * A shortcode is the path with `/` turned into `-` (`:fontawesome-brands-github:`), as in
 * Material's index. Each file is read once per process, when first asked for; nothing is
 * loaded up front. What Material's svgo pass changes in the shape of the markup is done here
 * too: no width/height (the CSS sizes the icon), no `<title>`/`<desc>`, no ids nobody refers
 * to; comments kept only when they start with `!` (Font Awesome's licence line). Path data is
 * the package's own (svgo would also rewrite it shorter; the shapes are the same).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Element, ElementContent } from 'hast';
import { s } from 'hastscript';
import type * as Htmlparser2 from 'htmlparser2';
import { cloneHast } from './clone-hast.ts';

const require = createRequire(import.meta.url);

/** A package's folder, found through Node's resolution (works from any working directory). */
function packageDir(name: string): string | undefined {
  try {
    return path.dirname(require.resolve(`${name}/package.json`));
  } catch {
    // `exports` may hide package.json (simple-icons): go up from the entry point instead.
  }
  try {
    let dir = path.dirname(require.resolve(name));
    while (dir !== path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
      dir = path.dirname(dir);
    }
  } catch {
    // not installed
  }
  return undefined;
}

const lazyDir = (name: string, sub: string) => {
  let dir: string | undefined | null = null;
  return () => {
    if (dir === null) {
      const base = packageDir(name);
      dir = base === undefined ? undefined : path.join(base, sub);
    }
    return dir;
  };
};

const setDirs = {
  material: lazyDir('@mdi/svg', 'svg'),
  octicons: lazyDir('@primer/octicons', 'build/svg'),
  fontawesome: lazyDir('@fortawesome/fontawesome-free', 'svgs'),
  simple: lazyDir('simple-icons', 'icons'),
  twemoji: lazyDir('@twemoji/svg', ''),
} as const;

type SetName = keyof typeof setDirs;

/** One SVG, in both forms the site needs: markup for layouts and hast for pages. */
export interface LoadedSvg {
  /** `<svg xmlns=… viewBox=…>…</svg>`, as Material inlines it. */
  markup: string;
  /** The same as a hast element (clone it before putting it in a tree: see `svgElement`). */
  hast: Element;
  /** The file's `<title>`, if it had one (simple-icons name their brand there). */
  title?: string;
}

const loaded = new Map<string, LoadedSvg | null>();

/** Icon path (`material/lightbulb`) → file, or undefined for a name no set has. */
function iconFile(iconPath: string): string | undefined {
  if (!/^[a-z0-9]+(?:\/[a-z0-9][a-z0-9._-]*)+$/i.test(iconPath) || iconPath.includes('..')) return undefined;
  const [set, ...rest] = iconPath.split('/');
  if (set === 'fontawesome') {
    if (rest.length !== 2 || !['brands', 'regular', 'solid'].includes(rest[0] ?? '')) return undefined;
  } else if (rest.length !== 1 || !(set === 'material' || set === 'octicons' || set === 'simple')) {
    return undefined;
  }
  const dir = setDirs[set as SetName]();
  return dir === undefined ? undefined : path.join(dir, ...rest) + '.svg';
}

/** Reads, normalises and caches one SVG file; undefined (also cached) when it does not exist. */
export function loadSvg(file: string, idPrefix: string): LoadedSvg | undefined {
  const cached = loaded.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let result: LoadedSvg | null = null;
  if (existsSync(file)) result = normaliseSvg(readFileSync(file, 'utf8'), idPrefix);
  loaded.set(file, result);
  return result ?? undefined;
}

/** The twemoji file for a code point sequence (`1f680`, `1f3f3-fe0f-200d-1f308`). */
export function twemojiSvg(codepoints: string): LoadedSvg | undefined {
  const dir = setDirs.twemoji();
  if (dir === undefined || !/^[0-9a-f]+(?:-[0-9a-f]+)*$/.test(codepoints)) return undefined;
  return loadSvg(path.join(dir, `${codepoints}.svg`), `twemoji-${codepoints}`);
}

/** An icon by its `.icons` path (`material/lightbulb`, `fontawesome/brands/github`, `octicons/mark-github-16`). */
export function loadIcon(iconPath: string): LoadedSvg | undefined {
  const file = iconFile(iconPath);
  return file === undefined ? undefined : loadSvg(file, iconPath.replaceAll('/', '-'));
}

/**
 * An icon's inline SVG markup for layouts (repository icon, palette toggles, social links), in
 * Material's shape; undefined when no set has it. `iconSvg('fontawesome/brands/github')`.
 * `customDirs` are folders laid out like `.icons` (a theme's `overrides/.icons`), searched first.
 */
export function iconSvg(iconPath: string, customDirs: readonly string[] = []): string | undefined {
  for (const dir of customDirs) {
    if (!/^[\w.-]+(?:\/[\w.-]+)*$/.test(iconPath) || iconPath.split('/').includes('..')) break;
    const svg = loadSvg(path.join(dir, `${iconPath}.svg`), iconPath.replaceAll('/', '-'));
    if (svg) return svg.markup;
  }
  return loadIcon(iconPath)?.markup;
}

const customIndexes = new Map<string, Map<string, string>>();

/** All SVG file names under a folder (not their contents), listed once per process. */
function customIndex(dir: string): Map<string, string> {
  let index = customIndexes.get(dir);
  if (index) return index;
  index = new Map();
  const list = (folder: string, prefix: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory()) list(path.join(folder, entry.name), `${prefix}${entry.name}-`);
      else if (entry.name.endsWith('.svg')) {
        const name = `${prefix}${entry.name.slice(0, -4)}`;
        if (!index.has(name)) index.set(name, path.join(folder, entry.name));
      }
    }
  };
  list(dir, '');
  customIndexes.set(dir, index);
  return index;
}

/**
 * A shortcode from custom icon folders (pymdownx.emoji's `custom_icons`, Material's
 * `overrides/.icons`): `my-set-logo` is `my-set/logo.svg` or `my/set-logo.svg`, whichever the
 * folder has; the first folder that has the name wins, as in Material's index.
 */
export function loadCustomIcon(customDirs: readonly string[], name: string): LoadedSvg | undefined {
  for (const dir of customDirs) {
    const file = customIndex(dir).get(name);
    if (file) return loadSvg(file, `custom-${name}`);
  }
  return undefined;
}

/** A fresh copy of a loaded SVG's hast, safe to place in a tree (plugins after us may change it). */
export function svgElement(svg: LoadedSvg): Element {
  return cloneHast(svg.hast);
}

/** `material-clock-fast` → `material/clock-fast`, as Material's index names its `.icons` files. */
export function shortcodeToIconPath(name: string): string | undefined {
  const m = /^(material|octicons|simple)-(.+)$/.exec(name) ?? /^(fontawesome)-(brands|regular|solid)-(.+)$/.exec(name);
  if (!m) return undefined;
  return m.slice(1).join('/');
}

// --- Normalisation -----------------------------------------------------------------------

type DomNode = ReturnType<typeof Htmlparser2.parseDocument>['children'][number];

// Loaded when the first SVG is read (require of an ES module, Node ≥ 22.12): most processes that
// import the pipeline never render an icon.
let parser: typeof Htmlparser2 | undefined;

// svgo (Material's build) keeps simple-icons' `role="img"`; without the `<title>` it removed, that
// is an image with no name (axe: svg-img-alt), so it goes too: the span says what the icon is.
const DROPPED_ROOT_ATTRIBUTES = new Set(['width', 'height', 'id', 'class', 'style', 'role']);

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

function escapeText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function normaliseSvg(source: string, idPrefix: string): LoadedSvg | null {
  parser ??= require('htmlparser2') as typeof Htmlparser2;
  const document = parser.parseDocument(source, { xmlMode: true });
  const root = document.children.find((n) => n.type === 'tag' && n.name === 'svg');
  if (!root || root.type !== 'tag') return null;

  // Ids: dropped unless referenced (svgo's cleanupIds); referenced ones get a per-file prefix,
  // because several inlined SVGs share one page and twemoji's clip paths are all called "a".
  const referenced = new Set<string>();
  for (const m of source.matchAll(/(?:url\(\s*#|href="#)([^)"\s]+)/g)) if (m[1]) referenced.add(m[1]);
  const prefix = idPrefix.replace(/[^\w-]/g, '-');
  const rewriteReferences = (value: string) =>
    value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (whole, id: string) => (referenced.has(id) ? `url(#${prefix}-${id})` : whole));

  let title: string | undefined;

  const attributesOf = (node: DomNode & { attribs: Record<string, string> }, isRoot: boolean): Array<[string, string]> => {
    const out: Array<[string, string]> = [];
    for (const [name, value] of Object.entries(node.attribs)) {
      if (isRoot && DROPPED_ROOT_ATTRIBUTES.has(name)) continue;
      if (name === 'id') {
        if (referenced.has(value)) out.push([name, `${prefix}-${value}`]);
        continue;
      }
      if ((name === 'href' || name === 'xlink:href') && value.startsWith('#') && referenced.has(value.slice(1))) {
        out.push([name, `#${prefix}-${value.slice(1)}`]);
        continue;
      }
      out.push([name, rewriteReferences(value)]);
    }
    // svgo sorts xmlns first; the packages already do, this keeps it so for any file.
    out.sort(([a], [b]) => (a === 'xmlns' ? -1 : b === 'xmlns' ? 1 : 0));
    return out;
  };

  const convert = (node: DomNode, isRoot: boolean): { markup: string; hast?: ElementContent } | undefined => {
    if (node.type === 'comment') {
      if (!node.data.startsWith('!')) return undefined;
      return { markup: `<!--${node.data}-->`, hast: { type: 'comment', value: node.data } };
    }
    if (node.type === 'text') {
      if (node.data.trim() === '') return undefined;
      return { markup: escapeText(node.data), hast: { type: 'text', value: node.data } };
    }
    if (node.type !== 'tag') return undefined;
    if (node.name === 'title') {
      title ??= node.children.map((c) => (c.type === 'text' ? c.data : '')).join('').trim() || undefined;
      return undefined;
    }
    if (node.name === 'desc' || node.name === 'metadata') return undefined;
    const attributes = attributesOf(node, isRoot);
    const children = node.children.map((c) => convert(c, false)).filter((c) => c !== undefined);
    const open = `<${node.name}${attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}`;
    const markup = children.length ? `${open}>${children.map((c) => c.markup).join('')}</${node.name}>` : `${open}/>`;
    const hast = s(
      node.name,
      Object.fromEntries(attributes),
      children.flatMap((c) => (c.hast ? [c.hast] : [])),
    );
    return { markup, hast };
  };

  const converted = convert(root, true);
  if (!converted?.hast || converted.hast.type !== 'element') return null;
  return { markup: converted.markup, hast: converted.hast, ...(title ? { title } : {}) };
}
