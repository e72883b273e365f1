/**
 * The sidebar's list, built once per build and shared by every page: on a large site the same
 * thousand links would otherwise be rendered a thousand times. Only `aria-current` differs
 * between pages, and it is set on the shared string.
 */
import { getCollection } from 'astro:content';

const escape = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
export const docHref = (id: string) => (id === 'index' ? '/' : `/${id}/`);

let cached: Promise<string> | undefined;

async function buildList(): Promise<string> {
  const docs = (await getCollection('docs')).sort(
    (a, b) => (a.data.order ?? 100) - (b.data.order ?? 100) || a.data.title.localeCompare(b.data.title),
  );
  return `<ul>${docs.map((d) => `<li><a href="${escape(docHref(d.id))}">${escape(d.data.title)}</a></li>`).join('')}</ul>`;
}

export async function sidebarHtml(currentId: string): Promise<string> {
  // In dev every request rebuilds it, so added or renamed pages show at once.
  if (import.meta.env.DEV) cached = undefined;
  cached ??= buildList();
  const list = await cached;
  const marker = `<a href="${escape(docHref(currentId))}">`;
  return list.replace(marker, `<a href="${escape(docHref(currentId))}" aria-current="page">`);
}
