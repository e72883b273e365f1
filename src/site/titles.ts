/**
 * A page's title as MkDocs finds it: the nav's title, else `title` in front matter, else the
 * page's first level-one heading, else its file name. Read from the source (the first heading
 * is near the top), so the navigation can be built before any page is rendered.
 */
import fs from 'node:fs';
import path from 'node:path';

const cache = new Map<string, { mtimeMs: number; title: string }>();

/**
 * `core/event_handler/api_gateway.md` → `Api gateway`, MkDocs' rule for untitled pages: each `-`
 * and `_` becomes a space, and an all-lower-case name is capitalised like Python's
 * str.capitalize (so `_private.md` stays `private`: its first character was the space).
 */
export function titleFromFileName(source: string): string {
  let name = path.posix.basename(source).replace(/\.[^.]+$/, '');
  if (/^(index|README)$/i.test(name)) name = path.posix.basename(path.posix.dirname(source)) || 'Home';
  let words = name.replaceAll('-', ' ').replaceAll('_', ' ');
  if (words.toLowerCase() === words) words = words.charAt(0).toUpperCase() + words.slice(1);
  return words.replace(/\s+/g, ' ').trim();
}

/** The text of a Markdown heading line, without closing hashes, attribute lists or inline markup. */
function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/\s*\{[^}]*\}\s*$/, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
}

export function titleFromSource(text: string): string | undefined {
  let body = text;
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (front) {
    const title = /^title:\s*(.+)$/m.exec(front[1] ?? '')?.[1]?.trim();
    if (title) return title.replace(/^(['"])(.*)\1$/, '$2');
    body = text.slice(front[0].length);
  }
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const mark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (mark) {
      if (!fence) fence = mark;
      else if (line.trim().startsWith(fence)) fence = null;
      continue;
    }
    if (fence) continue;
    const h1 = /^#[ \t]+(.+)$/.exec(line);
    if (h1?.[1]) return headingText(h1[1]);
  }
  return undefined;
}

export function pageTitle(docsDir: string, source: string): string {
  const file = path.join(docsDir, source);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return titleFromFileName(source);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.title;
  const title = titleFromSource(fs.readFileSync(file, 'utf8')) ?? titleFromFileName(source);
  cache.set(file, { mtimeMs: stat.mtimeMs, title });
  return title;
}
