import fs from 'node:fs';
import path from 'node:path';

/** A 1×1 PNG. */
export const DOT_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/**
 * `image.mdx` showing `dot.png` beside it, in a docs folder: Astro imports and optimises local
 * images, so a build compiles the page as a module rather than rendering it in the loader.
 */
export function writeImagePage(docsDir: string): void {
  fs.writeFileSync(path.join(docsDir, 'dot.png'), DOT_PNG);
  fs.writeFileSync(path.join(docsDir, 'image.mdx'), '---\ntitle: Image\n---\n\n![A dot](./dot.png)\n');
}
