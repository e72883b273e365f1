/**
 * A page with a local image is rendered by Astro (it optimises the image into the output): a
 * quick rebuild must see a change to the image file itself, though the page's text is unchanged.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { projectRoot, writeSiteCopy } from '../../scripts/lib/site-copy.mjs';
import { fileHashes } from '../helpers/file-hashes.ts';
import { scissorsBuildOk } from '../helpers/scissors-build.ts';

// 1×1 PNGs, red and blue.
const RED = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const BLUE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNgYPgPAAEDAQAIicLsAAAAAElFTkSuQmCC', 'base64');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-quick-images-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const build = (out: string, env: Record<string, string> = {}) => scissorsBuildOk(dir, out, env).log;

test('a changed image file takes a full build, whose output is a cold build\'s', () => {
  writeSiteCopy(dir, {
    'content/docs/index.mdx': '---\ntitle: Home\n---\n\nText only.\n',
    'content/docs/pictured.md': '---\ntitle: Pictured\n---\n\n# Pictured\n\n![A dot](./dot.png)\n',
  });
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), RED);
  fs.cpSync(path.join(projectRoot, 'bin'), path.join(dir, 'bin'), { recursive: true });
  build('dist');
  assert.match(build('dist'), /quick rebuild: only pages and their includes changed/, 'unchanged: quick');
  fs.writeFileSync(path.join(dir, 'content/docs/dot.png'), BLUE);
  assert.match(build('dist'), /full build: pictured\.md changed, and Astro renders it \(images\)/);
  build('cold', { SCISSORS_QUICK_REBUILD: 'off', SCISSORS_RENDER_CACHE: 'off' });
  assert.deepEqual(fileHashes(path.join(dir, 'dist')), fileHashes(path.join(dir, 'cold')));
});
