import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { changedOutputFile, outputFiles, pageOutputFile, readBuildState, removeBuildState, writeBuildState } from '../../../src/incremental/build-state.ts';
import { tempTree } from '../../helpers/tmp.ts';

test('an output listing names the first file added, removed, resized or touched', () => {
  const t = tempTree({ 'out/index.html': 'home', 'out/a/index.html': 'a', 'out/_astro/x.css': 'x' });
  try {
    const recorded = outputFiles(t.path('out'));
    assert.deepEqual(Object.keys(recorded).sort(), ['_astro/x.css', 'a/index.html', 'index.html']);
    assert.equal(changedOutputFile(recorded, outputFiles(t.path('out'))), undefined);
    const past = new Date(Date.now() - 60_000);
    fs.utimesSync(t.path('out/a/index.html'), past, past);
    assert.equal(changedOutputFile(recorded, outputFiles(t.path('out'))), 'a/index.html');
    const touched = outputFiles(t.path('out'));
    fs.writeFileSync(t.path('out/index.html'), 'home page');
    assert.equal(changedOutputFile(touched, outputFiles(t.path('out'))), 'index.html');
    const resized = outputFiles(t.path('out'));
    fs.writeFileSync(t.path('out/new.html'), 'new');
    assert.equal(changedOutputFile(resized, outputFiles(t.path('out'))), 'new.html');
    fs.rmSync(t.path('out/_astro'), { recursive: true });
    assert.equal(changedOutputFile(resized, outputFiles(t.path('out'))), '_astro/x.css');
    assert.deepEqual(outputFiles(t.path('missing')), {});
  } finally {
    t.cleanup();
  }
});

test('a page id is built into id/index.html, or id.html without directory URLs; the home page into index.html', () => {
  assert.equal(pageOutputFile('guide/setup', true), 'guide/setup/index.html');
  assert.equal(pageOutputFile('guide/setup', false), 'guide/setup.html');
  assert.equal(pageOutputFile('index', true), 'index.html');
  assert.equal(pageOutputFile('index', false), 'index.html');
});

test('the build state reads back as written; another format or a damaged file reads as none', () => {
  const t = tempTree({});
  try {
    const file = t.path('cache/state.json');
    assert.equal(readBuildState(file), undefined);
    writeBuildState(file, { site: 'h', outDir: '/out', files: { 'index.html': [4, 1] }, renderCache: 'pages-1.bin' });
    assert.deepEqual(readBuildState(file), { format: 1, site: 'h', outDir: '/out', files: { 'index.html': [4, 1] }, renderCache: 'pages-1.bin' });
    fs.writeFileSync(file, JSON.stringify({ format: 0, site: 'h', outDir: '/out', files: {} }));
    assert.equal(readBuildState(file), undefined);
    fs.writeFileSync(file, '{ damaged');
    assert.equal(readBuildState(file), undefined);
    removeBuildState(file);
    assert.equal(fs.existsSync(file), false);
  } finally {
    t.cleanup();
  }
});
