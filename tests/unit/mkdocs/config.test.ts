import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readMkdocsConfig } from '../../../src/mkdocs/config.ts';
import { MkdocsConfigError, PythonTag, readMkdocsYaml } from '../../../src/mkdocs/yaml.ts';
import { tempTree } from '../../helpers/tmp.ts';

const project = (files: Record<string, string>): string => tempTree(files).dir;

describe('mkdocs.yml as MkDocs reads it', () => {
  test('Python tags are kept as inert values, YAML 1.1 booleans, !ENV with defaults', () => {
    const dir = project({
      'mkdocs.yml': [
        'site_name: T',
        'use_directory_urls: no',
        'markdown_extensions:',
        '  - pymdownx.emoji:',
        '      emoji_index: !!python/name:material.extensions.emoji.twemoji',
        '  - pymdownx.tabbed:',
        '      slugify: !!python/object/apply:pymdownx.slugs.slugify',
        '        kwds:',
        '          case: lower',
        'site_url: !ENV [SCISSORS_TEST_UNSET, "https://example.org/docs/"]',
        'site_description: !ENV SCISSORS_TEST_SET',
      ].join('\n'),
    });
    const { data } = readMkdocsYaml(path.join(dir, 'mkdocs.yml'), { SCISSORS_TEST_SET: 'from env' });
    assert.equal(data.use_directory_urls, false);
    assert.equal(data.site_url, 'https://example.org/docs/');
    assert.equal(data.site_description, 'from env');
    const extensions = data.markdown_extensions as Array<Record<string, Record<string, unknown>>>;
    const index = extensions[0]?.['pymdownx.emoji']?.emoji_index;
    assert.ok(index instanceof PythonTag);
    assert.equal(index.target, 'material.extensions.emoji.twemoji');
    const slugify = extensions[1]?.['pymdownx.tabbed']?.slugify;
    assert.ok(slugify instanceof PythonTag);
    assert.equal(slugify.kind, 'object/apply');
    assert.deepEqual(slugify.value, { kwds: { case: 'lower' } });
  });

  test('INHERIT merges maps recursively, the child wins; a cycle is an error at the file', () => {
    const dir = project({
      'base.yml': 'site_name: Base\ntheme:\n  name: material\n  features: [navigation.tabs]\n  palette: {primary: red}\n',
      'mkdocs.yml': 'INHERIT: base.yml\nsite_name: Child\ntheme:\n  features: [content.code.copy]\n',
      'a.yml': 'INHERIT: b.yml\n',
      'b.yml': 'INHERIT: a.yml\n',
    });
    const { data } = readMkdocsYaml(path.join(dir, 'mkdocs.yml'));
    assert.equal(data.site_name, 'Child');
    assert.deepEqual(data.theme, { name: 'material', features: ['content.code.copy'], palette: { primary: 'red' } });
    assert.throws(() => readMkdocsYaml(path.join(dir, 'a.yml')), (e: unknown) => e instanceof MkdocsConfigError && /INHERIT cycle/.test(e.message));
  });

  test('invalid YAML is an error naming the file and line', () => {
    const dir = project({ 'mkdocs.yml': 'site_name: x\nnav:\n  - [unclosed\n' });
    assert.throws(() => readMkdocsConfig(path.join(dir, 'mkdocs.yml')), (e: unknown) => e instanceof MkdocsConfigError && e.message.startsWith(`${path.join(dir, 'mkdocs.yml')}:`));
  });

  test('the site model: URLs, repository, nav, options of the extensions, what is skipped named at its line', () => {
    const dir = project({
      'mkdocs.yml': [
        'site_name: Demo', //1
        'repo_url: https://github.com/o/r/', //2
        'edit_uri: edit/develop/docs', //3
        'docs_dir: pages', //4
        'nav:', //5
        '  - index.md', //6
        '  - Guide:', //7
        '      - Start: guide/start.md', //8
        '      - API: api/" target="_blank', //9
        'theme:', //10
        '  name: material', //11
        '  custom_dir: pages/overrides', //12
        '  features: [content.code.annotate, content.tabs.link]', //13
        'markdown_extensions:', //14
        '  - toc:', //15
        '      permalink: true', //16
        '      toc_depth: 2-4', //17
        '  - pymdownx.snippets:', //18
        '      base_path: [".", "includes"]', //19
        '      auto_append: [abbr.md]', //20
        '  - pymdownx.critic', //21
        'plugins:', //22
        '  - search', //23
        '  - typedoc', //24
        'hooks: [x.py]', //25
      ].join('\n'),
      'pages/index.md': '# Home\n',
    });
    const site = readMkdocsConfig(path.join(dir, 'mkdocs.yml'));
    assert.equal(site.reader, 'mkdocs');
    assert.equal(site.docsDir, path.join(dir, 'pages'));
    assert.equal(site.outDir, path.join(dir, 'site'));
    assert.equal(site.urlStyle, 'mkdocs');
    assert.deepEqual(site.repository, { url: 'https://github.com/o/r', branch: 'develop', editBase: 'https://github.com/o/r/edit/develop/docs/' });
    assert.deepEqual(site.nav, [
      { kind: 'page', source: 'index.md', line: 6 },
      {
        kind: 'section',
        title: 'Guide',
        children: [
          { kind: 'page', title: 'Start', source: 'guide/start.md', line: 8 },
          { kind: 'link', title: 'API', href: 'api/', newTab: true, line: 9 },
        ],
      },
    ]);
    assert.equal(site.markdown.headingIds, 'python-markdown');
    assert.equal(site.markdown.permalinks, true);
    assert.equal(site.markdown.tocDepth, 4);
    assert.equal(site.markdown.annotateCode, true);
    assert.equal(site.markdown.linkedTabs, true);
    assert.deepEqual(site.snippets.basePaths, [dir, path.join(dir, 'includes')]);
    assert.equal(site.snippets.checkPaths, false, "pymdownx's default");
    assert.deepEqual(site.snippets.autoAppend, ['abbr.md']);
    assert.deepEqual(site.unpublished, [path.join(dir, 'pages/overrides')]);
    assert.equal(site.search, true);
    const said = site.warnings.map((w) => `${w.place?.line} ${w.code}`);
    assert.deepEqual(said.sort(), ['12 MKDOCS_OVERRIDES', '21 MKDOCS_EXTENSION', '24 MKDOCS_PLUGIN', '25 MKDOCS_CONFIG'].sort());
    assert.match(site.warnings.find((w) => w.code === 'MKDOCS_PLUGIN')?.message ?? '', /typedoc.*not built/);
  });

  test('without nav, plugins or extensions: MkDocs defaults (search on, no snippets options)', () => {
    const dir = project({ 'mkdocs.yml': 'site_name: Bare\n', 'docs/index.md': '# Home\n' });
    const site = readMkdocsConfig(path.join(dir, 'mkdocs.yml'));
    assert.equal(site.nav, undefined);
    assert.equal(site.search, true);
    assert.equal(site.directoryUrls, true);
    assert.deepEqual(site.snippets.autoAppend, []);
    // The theme is not Material: said once.
    assert.deepEqual(site.warnings.map((w) => w.code), ['MKDOCS_THEME']);
  });
});
