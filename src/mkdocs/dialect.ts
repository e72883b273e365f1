import type { VFile } from 'vfile';

/** Pages in MkDocs Material's dialect: `.md` files (MDX pages use Scissors' own syntax). */
export function isMkdocsPage(file: VFile): boolean {
  return (file.path ?? '').endsWith('.md');
}
