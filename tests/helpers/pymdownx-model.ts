/**
 * A small, independent model of pymdownx.snippets 11.0's text stage (parse_snippets,
 * extract_section, the range arithmetic, textwrap.dedent), written from upstream's source and
 * the shared spec, over an in-memory file table instead of the disk. It shares no code with
 * src/snippets: the fuzz tests compare the engine against it.
 *
 * Covered: inline and block markers (any dash count, indent with tabs), `;` escapes and `;`
 * comments, ranges (several, negative, 0), sections (nested, escaped, duplicate start, end
 * before start, upper case, no end), section-marker stripping, nesting, the trailing empty
 * element, universal newlines, check_paths, several base paths (directories and a file, first match
 * wins), restrict_base_path on (abspath, then base + sep) and off (os.path.join and the OS's answer),
 * dedent_subsections, URLs with url_download off (a local path that is not there).
 * The documented deliberate differences are modelled as Scissors does them: a BOM is dropped,
 * the page is on the include stack (it cannot include itself), cycles are keyed by real file,
 * and a symlink that leads out of the base path is outside.
 * Not covered: directories, undecodable bytes, `f:2:-` (pymdownx crashes on those) and URLs on.
 */
import fs from 'node:fs';

export interface ModelFile {
  /** The real file this name is (a symlink's target), for the include stack. */
  identity: string;
  /** Decoded text (UTF-8). */
  text: string;
  /** A symlink leading out of the base path (Scissors refuses it). */
  outside?: boolean;
}

/** A base path: a directory (names relative to it, POSIX, normalised) or a single file. */
export type ModelBase = { dir: string; files: Map<string, ModelFile> } | { file: string; entry: ModelFile };

export interface ModelOptions {
  checkPaths: boolean;
  dedentSubsections: boolean;
  /** Absolute base directory; names in `files` are relative to it (POSIX). */
  base: string;
  /** Normalised relative path (`a.md`, `sub/b.md`) → file. */
  files: Map<string, ModelFile>;
  /** Further base paths, tried in order after `base` (first match wins). */
  moreBases?: ModelBase[];
  /**
   * restrict_base_path (default true). Off, pymdownx joins without normalising and asks the OS
   * (`os.path.exists`), so the model asks the disk too: `a.md/../b.md` is not found, a symlinked
   * folder's `..` is its target's parent, and anything reachable is included.
   */
  restrict?: boolean;
  tabLength?: number;
}

/** pymdownx raised SnippetMissingError (check_paths). */
export class ModelMissing extends Error {}

const RE_ALL_SNIPPETS =
  /^([ \t]*)(;*)(?:(-+8<-+[ \t]+)("(?:\\"|[^"\n\r])+?"|'(?:\\'|[^'\n\r])+?')(?![ \t])|(-+8<-+)(?![ \t]))\r?$/;
const RE_SNIPPET = /^([ \t]*)(.*?)\r?$/;
const RE_SNIPPET_SECTION = /^(.*?)(;*)(-+8<-+[ \t]+)(\[[ \t]*(start|end)[ \t]*:[ \t]*([a-z][-_0-9a-z]*)[ \t]*\])(.*?)$/i;
// spec §3: (.*?)(ranges|:section)?$ ; a range group after a comma must not be empty.
const RE_SNIPPET_FILE = /^(.*?)(?:((?::-?[0-9]*){1,2}(?:,(?=[-0-9:])-?[0-9]*(?::-?[0-9]*)?)*)|(:[a-z][-_0-9a-z]*))?$/is;

/** Python's str.isspace() characters, for str.strip(). */
const PY_SPACE = new Set([...'\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000']);
export function pyStrip(s: string): string {
  const chars = [...s];
  let a = 0;
  let b = chars.length;
  while (a < b && PY_SPACE.has(chars[a] as string)) a++;
  while (b > a && PY_SPACE.has(chars[b - 1] as string)) b--;
  return chars.slice(a, b).join('');
}

function expandtabs(s: string, n: number): string {
  let out = '';
  for (const ch of s) out += ch === '\t' ? ' '.repeat(n - (out.length % n)) : ch;
  return out;
}

/** Text mode with universal newlines, plus the trailing '' of a newline-terminated file (10.13+). */
export function modelReadLines(text: string): string[] {
  const t = text.startsWith('\ufeff') ? text.slice(1) : text; // deliberate: the BOM is dropped
  const lines: string[] = [];
  let cur = '';
  let last = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      lines.push(cur);
      cur = '';
      last = true;
    } else {
      cur += ch;
      last = false;
    }
  }
  if (cur !== '') lines.push(cur);
  if (last) lines.push('');
  return lines;
}

/** textwrap.dedent('\n'.join(lines)).split('\n') */
export function pyDedent(lines: string[]): string[] {
  const ws = lines.map((l) => (/^[ \t]+$/.test(l) ? '' : l));
  let margin: string | null = null;
  for (const l of ws) {
    const m = /^([ \t]*)(?:[^ \t\n])/.exec(l);
    if (!m) continue;
    const indent = m[1] as string;
    if (margin === null) margin = indent;
    else if (indent.startsWith(margin)) continue;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  return margin ? ws.map((l) => (l.startsWith(margin as string) ? l.slice((margin as string).length) : l)) : ws;
}

/** os.path.abspath of an absolute POSIX path. */
function normalizeAbs(p: string): string {
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

export class PymdownxModel {
  private readonly o: ModelOptions;
  private seen = new Set<string>();
  constructor(options: ModelOptions) {
    this.o = options;
  }

  /** run(): the page's lines (already universal-newlined, front matter removed) → output lines. */
  run(pageText: string, pageIdentity: string): string[] {
    this.seen = new Set();
    const lines = pageText === '' ? [] : pageText.split(/\r\n|\r|\n/);
    return this.parse(lines, pageIdentity, false);
  }

  /** get_snippet_path with the restriction on: per base in order, the lexical check, then existence. */
  private lookup(path: string): ModelFile | null {
    const bases: ModelBase[] = [{ dir: this.o.base, files: this.o.files }, ...(this.o.moreBases ?? [])];
    for (const base of bases) {
      if (this.o.restrict === false && 'dir' in base) {
        const joined = path.startsWith('/') ? path : `${base.dir}/${path}`;
        let stat: fs.Stats;
        try {
          stat = fs.statSync(joined);
        } catch {
          continue;
        }
        if (stat.isDirectory()) continue; // pymdownx would crash opening it; Scissors reports NOT_A_FILE
        const real = fs.realpathSync(joined);
        return { identity: real, text: fs.readFileSync(joined, 'utf8') };
      }
      if ('file' in base) {
        // A file base allows that file only: join(dirname(base), path) must be the same file.
        const dir = base.file.slice(0, base.file.lastIndexOf('/'));
        const joined = path.startsWith('/') ? normalizeAbs(path) : normalizeAbs(`${dir}/${path}`);
        if (joined === base.file) return base.entry;
        continue;
      }
      // abspath(join(base, path)) must start with base + sep.
      const abs = normalizeAbs(path.startsWith('/') ? path : `${base.dir}/${path}`);
      if (!abs.startsWith(`${base.dir}/`)) continue;
      const rel = abs.slice(base.dir.length + 1);
      const found = base.files.get(rel);
      if (found) return found;
    }
    return null;
  }

  private extractSection(section: string, lines: string[]): string[] {
    const out: string[] = [];
    let start = false;
    let found = false;
    for (let l of lines) {
      const m = RE_SNIPPET_SECTION.exec(l);
      if (m && start && m[2]) {
        l = (m[1] as string) + (m[2] as string).replace(';', '') + (m[3] as string) + (m[4] as string) + (m[7] as string);
      } else if (m && m[6] === section) {
        if (!start && m[5] === 'start') {
          start = true;
          found = true;
          continue;
        } else if (start && m[5] === 'start') continue;
        else if (start && m[5] === 'end') break;
        else break;
      } else if (m && start) continue;
      if (start) out.push(l);
    }
    if (!found && this.o.checkPaths) throw new ModelMissing(`Snippet section '${section}' could not be located`);
    return this.o.dedentSubsections ? pyDedent(out) : out;
  }

  private parse(lines: string[], identity: string, isSection: boolean): string[] {
    this.seen.add(identity);
    const out: string[] = [];
    let block = false;
    for (let line of lines) {
      let inline = false;
      let m: RegExpExecArray | null = RE_ALL_SNIPPETS.exec(line);
      if (m) {
        if (m[2]) {
          out.push(line.replace(';', ''));
          continue;
        }
        if (block && m[3]) continue;
        else if (m[3]) inline = true;
        else {
          block = !block;
          continue;
        }
      } else if (!block) {
        if (!isSection) {
          let m2 = RE_SNIPPET_SECTION.exec(line);
          if (m2 && m2[2]) {
            line = (m2[1] as string) + (m2[2] as string).replace(';', '') + (m2[3] as string) + (m2[4] as string) + (m2[7] as string);
            m2 = null;
          }
          if (m2) continue;
        }
        out.push(line);
        continue;
      }
      let space: string;
      let path: string;
      if (inline && m) {
        space = m[1] as string;
        path = pyStrip((m[4] as string).slice(1, -1));
      } else {
        m = RE_SNIPPET.exec(line) as RegExpExecArray;
        space = m[1] as string;
        path = pyStrip(m[2] as string);
        if (!path) {
          out.push('');
          continue;
        }
      }
      space = expandtabs(space, this.o.tabLength ?? 4);
      if (path.startsWith(';')) continue;
      const f = RE_SNIPPET_FILE.exec(path) as RegExpExecArray;
      path = pyStrip(f[1] as string);
      if (!path) {
        if (this.o.checkPaths) throw new ModelMissing(`Snippet at path '' could not be found`);
        continue;
      }
      const starts: Array<number | null> = [];
      const ends: Array<number | null> = [];
      let section: string | null = null;
      if (f[2]) {
        for (const nums of f[2].slice(1).split(',')) {
          const span = nums.split(':');
          const st = span[0] ? Number.parseInt(span[0], 10) : null;
          starts.push(st === null || st < 0 ? st : Math.max(0, st - 1));
          ends.push(span.length > 1 && span[1] ? Number.parseInt(span[1], 10) : null);
        }
      } else if (f[3]) section = f[3].slice(1);
      const file = this.lookup(path);
      if (!file || file.outside) {
        if (this.o.checkPaths) throw new ModelMissing(`Snippet at path '${path}' could not be found`);
        continue;
      }
      if (this.seen.has(file.identity)) continue;
      let s = modelReadLines(file.text);
      if (s.length > 0) {
        const total = s.length;
        if (starts.length > 0) {
          const picked: string[] = [];
          starts.forEach((st, i) => {
            const en = ends[i] ?? null;
            const clamp = (n: number) => Math.min(Math.max(n, 0), total);
            const a = st !== null && st < 0 ? clamp(total + st) : st;
            const b = en !== null && en < 0 ? clamp(total + 1 + en) : en;
            picked.push(...pySlice(s, a, b));
          });
          s = this.o.dedentSubsections ? pyDedent(picked) : picked;
        } else if (section !== null) {
          s = this.extractSection(section, s);
        }
      }
      out.push(...this.parse(s, file.identity, section !== null).map((l) => space + l));
    }
    this.seen.delete(identity);
    return out;
  }
}

/** lines[a:b] with Python's slice rules (None, negatives, clipping). */
function pySlice<T>(lines: T[], a: number | null, b: number | null): T[] {
  const n = lines.length;
  const fix = (x: number | null, dflt: number) => (x === null ? dflt : x < 0 ? Math.max(0, n + x) : Math.min(x, n));
  return lines.slice(fix(a, 0), fix(b, n));
}
