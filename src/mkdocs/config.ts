/**
 * mkdocs.yml → the site model. Everything MkDocs knows about a site that Scissors honours is
 * mapped here; everything else is named once in a warning with its file:line and what is
 * skipped — never a crash, never silence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseSiteModel, type NavItem, type SiteModel, type SiteModelInput, type SiteWarning } from '../site/model.ts';
import { PythonTag, readMkdocsYaml, type Place } from './yaml.ts';

type Dict = Record<string, unknown>;
const isDict = (v: unknown): v is Dict => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PythonTag);

class Warnings {
  readonly list: SiteWarning[] = [];
  private readonly places: Map<string, Place>;
  private readonly file: string;
  constructor(places: Map<string, Place>, file: string) {
    this.places = places;
    this.file = file;
  }
  lineOf(at: string): number | undefined {
    return this.places.get(at)?.line;
  }
  add(at: string, code: string, message: string): void {
    const place = this.places.get(at) ?? { file: this.file, line: 1 };
    this.list.push({ code, message, place });
  }
}

/** Top-level settings that need nothing from us (deployment, authoring, or read elsewhere). */
const IGNORED_TOP = new Set(['site_author', 'remote_branch', 'remote_name', 'dev_addr', 'strict', 'watch', 'extra_templates', 'exclude_docs', 'not_in_nav', 'validation', 'draft_docs']);

// --- Markdown extensions ---------------------------------------------------------------------

/** Extensions whose syntax Scissors renders, with the options it reads (others are named in a warning). */
const EXTENSIONS: Record<string, readonly string[]> = {
  admonition: [],
  abbr: [],
  attr_list: [],
  footnotes: [],
  md_in_html: [],
  meta: [],
  tables: [],
  toc: ['permalink', 'toc_depth', 'slugify', 'permalink_title'],
  'pymdownx.details': [],
  'pymdownx.highlight': ['linenums', 'anchor_linenums', 'line_spans', 'pygments_lang_class', 'auto_title', 'use_pygments'],
  'pymdownx.inlinehilite': [],
  'pymdownx.keys': [],
  'pymdownx.superfences': ['custom_fences'],
  'pymdownx.tabbed': ['alternate_style', 'slugify'],
  'pymdownx.tasklist': ['custom_checkbox', 'clickable_checkbox'],
  'pymdownx.emoji': ['emoji_index', 'emoji_generator'],
  'pymdownx.snippets': ['base_path', 'check_paths', 'restrict_base_path', 'auto_append', 'encoding', 'dedent_subsections', 'url_download', 'url_max_size', 'url_timeout'],
};
/** Options that only tune Pygments' or Python's own output and change nothing a reader sees here. */
const COSMETIC_OPTIONS = new Set(['anchor_linenums', 'line_spans', 'pygments_lang_class', 'auto_title', 'use_pygments', 'permalink_title', 'alternate_style', 'slugify', 'clickable_checkbox']);

function extensionEntries(value: unknown, warnings: Warnings): Array<{ name: string; options: Dict; at: string }> {
  if (value === undefined || value === null) return [];
  const entries: Array<{ name: string; options: Dict; at: string }> = [];
  const add = (name: string, options: unknown, at: string) => entries.push({ name, options: isDict(options) ? options : {}, at });
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string') add(item, {}, `markdown_extensions.${i}`);
      else if (isDict(item)) for (const [name, options] of Object.entries(item)) add(name, options, `markdown_extensions.${i}.${name}`);
    });
  } else if (isDict(value)) {
    for (const [name, options] of Object.entries(value)) add(name, options, `markdown_extensions.${name}`);
  } else {
    warnings.add('markdown_extensions', 'MKDOCS_CONFIG', 'markdown_extensions must be a list; it was skipped');
  }
  return entries;
}

const pythonName = (v: unknown) => (v instanceof PythonTag ? v.target : undefined);

function tocDepth(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  // "2-5": the deepest level is what the table of contents shows down to.
  const range = typeof value === 'string' ? /^(\d)-(\d)$/.exec(value) : null;
  return range ? Number(range[2]) : undefined;
}

// --- nav ---------------------------------------------------------------------------------------

/** Material's trick `api/" target="_blank` (HTML injected into the href): read as a link that opens a new tab. */
function splitTarget(value: string): { href: string; newTab: boolean } {
  const m = /^(.*?)"\s*target="_blank$/.exec(value);
  return m ? { href: m[1] ?? '', newTab: true } : { href: value, newTab: false };
}

const isExternal = (href: string) => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//') || href.startsWith('/');

function navItems(value: unknown, at: string, warnings: Warnings): NavItem[] {
  if (!Array.isArray(value)) {
    warnings.add(at, 'MKDOCS_NAV', 'nav must be a list; the navigation lists every page instead');
    return [];
  }
  const items: NavItem[] = [];
  value.forEach((entry, i) => {
    const here = `${at}.${i}`;
    if (typeof entry === 'string') {
      const { href, newTab } = splitTarget(entry);
      const line = warnings.lineOf(here);
      if (/\.mdx?$/.test(href)) items.push({ kind: 'page', source: href.replace(/^\.\//, ''), line });
      else items.push({ kind: 'link', title: href, href, newTab, line });
      return;
    }
    if (!isDict(entry) || Object.keys(entry).length !== 1) {
      warnings.add(here, 'MKDOCS_NAV', 'a nav entry must be a page, "Title: page", "Title: URL" or "Title: [entries]"; it was skipped');
      return;
    }
    const [title, target] = Object.entries(entry)[0] as [string, unknown];
    if (Array.isArray(target)) {
      items.push({ kind: 'section', title, children: navItems(target, `${here}.${title}`, warnings) });
    } else if (typeof target === 'string') {
      const { href, newTab } = splitTarget(target);
      const line = warnings.lineOf(`${here}.${title}`);
      if (/\.mdx?(#.*)?$/.test(href) && !isExternal(href)) items.push({ kind: 'page', title, source: href.replace(/^\.\//, ''), line });
      else items.push({ kind: 'link', title, href, newTab, line });
    } else {
      warnings.add(here, 'MKDOCS_NAV', `nav entry "${title}" has no page, URL or list; it was skipped`);
    }
  });
  return items;
}

// --- the model ---------------------------------------------------------------------------------

export interface ReadMkdocsOptions {
  env?: NodeJS.ProcessEnv;
  /** Output folder given on the command line (overrides site_dir). */
  outDir?: string;
}

export function readMkdocsConfig(configFile: string, options: ReadMkdocsOptions = {}): SiteModel {
  const file = path.resolve(configFile);
  const { data, places, warnings: yamlWarnings } = readMkdocsYaml(file, options.env ?? process.env);
  const warnings = new Warnings(places, file);
  for (const w of yamlWarnings) warnings.list.push({ code: 'MKDOCS_YAML', message: w.message, place: w.place });
  const root = path.dirname(file);
  const str = (key: string): string | undefined => (typeof data[key] === 'string' ? (data[key] as string) : undefined);

  const siteName = str('site_name');
  if (!siteName) warnings.add('site_name', 'MKDOCS_CONFIG', 'site_name is required by MkDocs; "Documentation" is used');

  const docsDir = path.resolve(root, str('docs_dir') ?? 'docs');
  if (!fs.existsSync(docsDir)) warnings.add('docs_dir', 'MKDOCS_CONFIG', `docs_dir ${docsDir} does not exist`);

  // --- repository and edit links ---
  let repository: SiteModelInput['repository'];
  const repoUrl = str('repo_url')?.replace(/\/+$/, '');
  if (repoUrl && /^https?:\/\//.test(repoUrl)) {
    const editUri = data.edit_uri === undefined ? (/github\.com|gitlab\.com/.test(repoUrl) ? 'edit/master/docs/' : undefined) : str('edit_uri');
    const editBase = editUri ? (/^https?:\/\//.test(editUri) ? editUri : `${repoUrl}/${editUri.replace(/^\/+/, '')}`).replace(/\/*$/, '/') : undefined;
    const branch = editUri ? /^(?:edit|blob|tree)\/([^/]+)\//.exec(editUri.replace(/\/*$/, '/'))?.[1] : undefined;
    repository = { url: repoUrl, branch: branch ?? 'main', editBase };
  } else if (repoUrl) {
    warnings.add('repo_url', 'MKDOCS_CONFIG', `repo_url ${repoUrl} is not an http(s) URL; repository links are skipped`);
  }

  // --- theme ---
  const themeValue = data.theme;
  const theme: Dict = isDict(themeValue) ? themeValue : typeof themeValue === 'string' ? { name: themeValue } : {};
  if (theme.name !== 'material') warnings.add('theme', 'MKDOCS_THEME', `theme "${String(theme.name ?? 'mkdocs')}" is not supported; Scissors' Material-like theme is used`);
  if (theme.custom_dir !== undefined) {
    warnings.add('theme.custom_dir', 'MKDOCS_OVERRIDES', `theme.custom_dir ${String(theme.custom_dir)}: Jinja template overrides cannot run in Scissors; they are skipped (the pages render with Scissors' layout)`);
  }
  if (theme.font !== undefined && theme.font !== false) {
    warnings.add('theme.font', 'MKDOCS_THEME', 'theme.font: web fonts are not fetched from Google Fonts; system fonts are used');
  }
  for (const key of Object.keys(theme)) {
    if (!['name', 'palette', 'features', 'logo', 'favicon', 'custom_dir', 'font', 'icon', 'language'].includes(key)) {
      warnings.add(`theme.${key}`, 'MKDOCS_THEME', `theme.${key} is not supported; it is skipped`);
    }
  }
  const paletteList = Array.isArray(theme.palette) ? theme.palette : isDict(theme.palette) ? [theme.palette] : [];
  const palette = paletteList.filter(isDict).map((p) => {
    const toggle = isDict(p.toggle) ? p.toggle : {};
    return {
      scheme: p.scheme === 'slate' ? ('dark' as const) : ('light' as const),
      primary: typeof p.primary === 'string' ? p.primary : undefined,
      accent: typeof p.accent === 'string' ? p.accent : undefined,
      toggleIcon: typeof toggle.icon === 'string' ? toggle.icon : undefined,
      toggleName: typeof toggle.name === 'string' ? toggle.name : undefined,
    };
  });
  const features = Array.isArray(theme.features) ? theme.features.filter((f): f is string => typeof f === 'string') : [];

  // --- Markdown extensions ---
  const markdown: NonNullable<SiteModelInput['markdown']> = {
    headingIds: 'python-markdown',
    tocDepth: 6,
    permalinks: false,
    lineNumbers: false,
    diagramFences: [],
    annotateCode: features.includes('content.code.annotate'),
    emoji: false,
    linkedTabs: features.includes('content.tabs.link'),
  };
  // pymdownx.snippets' own defaults (check_paths off), base path "." is the project folder.
  const snippets: NonNullable<SiteModelInput['snippets']> = { basePaths: [root], checkPaths: false, restrictBasePath: true, autoAppend: [] };
  let snippetsOn = false;
  for (const { name, options, at } of extensionEntries(data.markdown_extensions, warnings)) {
    const known = EXTENSIONS[name];
    if (!known) {
      warnings.add(at, 'MKDOCS_EXTENSION', `markdown extension ${name} is not supported; its syntax is left as written`);
      continue;
    }
    for (const option of Object.keys(options)) {
      if (!known.includes(option)) warnings.add(`${at}.${option}`, 'MKDOCS_EXTENSION', `${name}: option ${option} is not supported; it is skipped`);
      else if (COSMETIC_OPTIONS.has(option)) continue;
    }
    if (name === 'toc') {
      markdown.permalinks = options.permalink !== undefined && options.permalink !== false;
      markdown.tocDepth = tocDepth(options.toc_depth) ?? 6;
      const slugify = pythonName(options.slugify);
      if (slugify && !/^(markdown\.extensions\.toc\.slugify|pymdownx\.slugs\.(u?slugify))$/.test(slugify)) {
        warnings.add(`${at}.slugify`, 'MKDOCS_EXTENSION', `toc slugify ${slugify} is not known; Python-Markdown's slugify is used`);
      }
    } else if (name === 'pymdownx.highlight') {
      markdown.lineNumbers = options.linenums === true;
    } else if (name === 'pymdownx.superfences') {
      const fences = Array.isArray(options.custom_fences) ? options.custom_fences : [];
      fences.forEach((fence, i) => {
        if (!isDict(fence) || typeof fence.name !== 'string') return;
        const format = pythonName(fence.format) ?? '';
        if (/fence_(code|div)_format$/.test(format) && typeof fence.class === 'string') {
          markdown.diagramFences?.push({ name: fence.name, className: fence.class });
        } else {
          warnings.add(`${at}.custom_fences.${i}`, 'MKDOCS_EXTENSION', `custom fence "${fence.name}" uses formatter ${format || '(none)'}, which cannot run here; its blocks render as code`);
        }
      });
    } else if (name === 'pymdownx.emoji') {
      markdown.emoji = true;
      for (const key of ['emoji_index', 'emoji_generator'] as const) {
        const target = pythonName(options[key]);
        if (target && !/(material|materialx)\.extensions?\.emoji\.(twemoji|to_svg)$|^materialx\.emoji\.(twemoji|to_svg)$|pymdownx\.emoji\.(twemoji|to_svg)$/.test(target)) {
          warnings.add(`${at}.${key}`, 'MKDOCS_EXTENSION', `pymdownx.emoji ${key} ${target} is not supported; Material's Twemoji index and inline SVG are used`);
        }
      }
    } else if (name === 'pymdownx.snippets') {
      snippetsOn = true;
      const base = options.base_path;
      const bases = (Array.isArray(base) ? base : base === undefined ? ['.'] : [base]).map(String);
      snippets.basePaths = bases.map((b) => path.resolve(root, b));
      if (typeof options.check_paths === 'boolean') snippets.checkPaths = options.check_paths;
      if (typeof options.restrict_base_path === 'boolean') snippets.restrictBasePath = options.restrict_base_path;
      if (Array.isArray(options.auto_append)) snippets.autoAppend = options.auto_append.map(String);
      if (typeof options.encoding === 'string') snippets.encoding = options.encoding;
      if (typeof options.dedent_subsections === 'boolean') snippets.dedentSubsections = options.dedent_subsections;
      if (typeof options.url_download === 'boolean') snippets.urlDownload = options.url_download;
      if (typeof options.url_max_size === 'number') snippets.urlMaxSize = options.url_max_size;
      if (typeof options.url_timeout === 'number') snippets.urlTimeout = options.url_timeout;
    }
  }
  if (!snippetsOn) snippets.autoAppend = [];

  // --- plugins ---
  let search = false;
  let lastUpdated = false;
  let llmsTxt: SiteModelInput['llmsTxt'];
  const pluginList: Array<{ name: string; options: Dict; at: string }> = [];
  const plugins = data.plugins === undefined ? ['search'] : data.plugins;
  if (Array.isArray(plugins)) {
    plugins.forEach((p, i) => {
      if (typeof p === 'string') pluginList.push({ name: p, options: {}, at: `plugins.${i}` });
      else if (isDict(p)) for (const [name, o] of Object.entries(p)) pluginList.push({ name, options: isDict(o) ? o : {}, at: `plugins.${i}.${name}` });
    });
  } else if (isDict(plugins)) {
    for (const [name, o] of Object.entries(plugins)) pluginList.push({ name, options: isDict(o) ? o : {}, at: `plugins.${name}` });
  }
  for (const { name, options, at } of pluginList) {
    const bare = name.replace(/^material\//, '');
    if (bare === 'search') search = true;
    else if (bare === 'git-revision-date' || bare === 'git-revision-date-localized') lastUpdated = true;
    else if (bare === 'llmstxt') {
      const sections: Record<string, string[]> = {};
      if (isDict(options.sections)) {
        for (const [title, list] of Object.entries(options.sections)) {
          sections[title] = (Array.isArray(list) ? list : []).map((entry) => (isDict(entry) ? Object.keys(entry)[0] ?? '' : String(entry))).filter(Boolean);
        }
      }
      llmsTxt = {
        description: typeof options.markdown_description === 'string' ? options.markdown_description : undefined,
        sections,
        fullOutput: typeof options.full_output === 'string' ? options.full_output : 'llms-full.txt',
      };
    } else {
      const what: Record<string, string> = {
        typedoc: 'API pages generated by typedoc are not built',
        privacy: 'external assets are not downloaded and self-hosted',
        mike: 'versioned deployments are left to mike',
        social: 'social cards are not generated',
        tags: 'tag pages are not generated',
        blog: 'blog pages are not generated',
        minify: 'HTML is not minified beyond what Scissors does',
        offline: 'the offline build is not produced',
      };
      warnings.add(at, 'MKDOCS_PLUGIN', `plugin ${name} is not supported: ${what[bare] ?? 'skipped'}`);
    }
  }
  const extra = isDict(data.extra) ? data.extra : {};
  if (isDict(extra.version) && extra.version.provider === 'mike') {
    warnings.add('extra.version', 'MKDOCS_PLUGIN', 'extra.version (mike): the version selector is not shown; versioned deployments are left to mike');
  }

  const social = (Array.isArray(extra.social) ? extra.social : [])
    .filter(isDict)
    .filter((s) => typeof s.icon === 'string' && typeof s.link === 'string')
    .map((s) => ({ icon: String(s.icon), link: String(s.link), name: typeof s.name === 'string' ? s.name : undefined }));

  const asPaths = (value: unknown): string[] =>
    (Array.isArray(value) ? value : []).map((v) => (isDict(v) && typeof v.path === 'string' ? v.path : String(v)));

  for (const key of Object.keys(data)) {
    const handled = ['site_name', 'site_url', 'site_description', 'repo_url', 'repo_name', 'edit_uri', 'docs_dir', 'site_dir', 'use_directory_urls', 'copyright', 'nav', 'theme', 'markdown_extensions', 'plugins', 'extra', 'extra_css', 'extra_javascript'];
    if (handled.includes(key) || IGNORED_TOP.has(key)) continue;
    if (key === 'hooks') warnings.add(key, 'MKDOCS_CONFIG', 'hooks: Python hooks cannot run in Scissors; they are skipped');
    else warnings.add(key, 'MKDOCS_CONFIG', `${key} is not a setting Scissors knows; it is skipped`);
  }

  const siteUrl = str('site_url');
  const model: SiteModelInput = {
    reader: 'mkdocs',
    configFile: file,
    root,
    docsDir,
    pagePattern: '**/*.md',
    unpublished: typeof theme.custom_dir === 'string' ? [path.resolve(root, theme.custom_dir)] : [],
    outDir: options.outDir ? path.resolve(options.outDir) : path.resolve(root, str('site_dir') ?? 'site'),
    urlStyle: 'mkdocs',
    directoryUrls: data.use_directory_urls !== false,
    title: siteName ?? 'Documentation',
    description: str('site_description'),
    siteUrl: siteUrl && /^https?:\/\//.test(siteUrl) ? siteUrl.replace(/\/*$/, '/') : undefined,
    repository,
    copyright: str('copyright'),
    nav: data.nav === undefined ? undefined : navItems(data.nav, 'nav', warnings),
    theme: {
      palette,
      logo: typeof theme.logo === 'string' ? theme.logo : undefined,
      favicon: typeof theme.favicon === 'string' ? theme.favicon : undefined,
      features,
    },
    markdown,
    snippets,
    extraCss: asPaths(data.extra_css),
    extraJs: asPaths(data.extra_javascript),
    search,
    lastUpdated,
    llmsTxt,
    social,
    warnings: warnings.list,
  };
  return parseSiteModel(model);
}
