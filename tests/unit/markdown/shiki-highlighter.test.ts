import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createShikiHighlighter } from '@astrojs/markdown-remark/shiki';
import { toHtml } from 'hast-util-to-html';
import { createHighlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { scissorsShikiConfig } from '../../../src/integration/plugins.ts';
import { createBuildHighlighter } from '../../../src/markdown/shiki-highlighter.ts';

const samples: Array<[string, string]> = [
  ['python', 'import re\n\n@app.get("/todos/<todo_id>")  # comment\ndef get(todo_id: str) -> dict:\n    """Doc."""\n    return {"id": f"{todo_id!r:>10}", "re": re.compile(r"^\\d+(?=x)")}\n'],
  ['bash', '#!/usr/bin/env bash\nset -euo pipefail\nfor f in "$@"; do echo "${f%.md}" | sed -E \'s/(a|b)+/x/g\'; done <<EOF\nhere\nEOF\n'],
  ['typescript', 'const re = /(?<year>\\d{4})-(?:\\d\\d)/u;\nexport async function f<T extends object>(x: T): Promise<`${string}`> { return `${x}`; }\n'],
  ['json', '{ "a": [1, 2.5e3, true, null], "b": { "c": "\\u00e9" } }\n'],
  ['yaml', 'key: value\nlist:\n  - !Ref Thing\n  - "quoted # not a comment"\nanchor: &a { x: 1 }\n# comment\n'],
  ['diff', '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old line\n+new line\n context\n'],
  ['html', '<!doctype html>\n<div class="x" onclick="go(1)"><script>let a = 1 < 2;</script><style>p { color: red }</style></div>\n'],
  ['css', '@media (min-width: 10em) { .a > b::before { content: "\\201C"; color: rgb(0 0 0 / 50%); } }\n'],
  ['markdown', '# Title\n\n* item with `code` and [link](https://example.com)\n\n```py\nx = 1\n```\n'],
  ['sql', "SELECT a, COUNT(*) FROM t WHERE b LIKE '%x%' GROUP BY a; -- comment\n"],
  ['toml', '[tool.poetry]\nname = "x"\nversion = "1.0"\n[[bin]]\npath = \'a\'\n'],
  ['dockerfile', 'FROM public.ecr.aws/lambda/python:3.12\nRUN pip install -r requirements.txt\nCMD [ "app.handler" ]\n'],
  ['rust', 'fn main() { let s: &str = r#"raw"#; println!("{s:?}"); }\n'],
  ['go', 'package main\nfunc main() { x := map[string]int{"a": 1}; _ = x }\n'],
  ['java', '@Override public String toString() { return String.format("%s", this.name); }\n'],
  ['terraform', 'resource "aws_lambda_function" "f" {\n  runtime = "python3.12"\n  tags = { a = var.b }\n}\n'],
  ['xml', '<?xml version="1.0"?>\n<a b="c"><!-- c --><![CDATA[x < y]]></a>\n'],
  ['plaintext', 'just text <b>\n'],
  ['console', '$ npm run build\n> done\n'],
];

const config = scissorsShikiConfig();
const settings = { langs: config.langs, theme: config.theme, themes: config.themes, langAlias: { ...config.langAlias, py3: 'python' } };

test("the build highlighter's output is Astro's, byte for byte, in every language and option", async () => {
  const astro = await createShikiHighlighter(settings);
  const ours = await createBuildHighlighter(settings);
  const cases: Array<[string, string, Parameters<typeof ours.codeToHast>[2]]> = [];
  for (const [lang, code] of samples) {
    cases.push([lang, code, { wrap: config.wrap, defaultColor: config.defaultColor, transformers: config.transformers }]);
  }
  // Options Astro handles itself: wrapping, meta, an alias, a language Shiki does not know, no transformers.
  cases.push(['python', samples[0]![1], { wrap: true, defaultColor: config.defaultColor, meta: 'title="app.py" hl_lines="2"', transformers: config.transformers }]);
  cases.push(['python', samples[0]![1], { wrap: null, defaultColor: false }]);
  cases.push(['py3', samples[0]![1], { wrap: false, defaultColor: config.defaultColor }]);
  cases.push(['diff', samples[5]![1], { wrap: false, defaultColor: 'dark' }]);
  cases.push(['not-a-language', 'x = 1\n', { wrap: false, defaultColor: config.defaultColor, transformers: config.transformers }]);
  // Astro's highlighter stops a line after 0.5 s (Shiki's default), and a grammar's first line pays
  // for compiling its patterns: on a loaded machine that cut Astro's side short once. Each grammar
  // is compiled first, outside the comparison.
  for (const [lang, code, options] of cases) await astro.codeToHast(code, lang, options as never);
  for (const [lang, code, options] of cases) {
    const expected = toHtml(await astro.codeToHast(code, lang, options as never));
    const actual = toHtml(await ours.codeToHast(code, lang, options));
    assert.equal(actual, expected, `${lang} ${JSON.stringify({ ...options, transformers: undefined })}`);
  }
});

test('a grammar the JavaScript engine cannot take is highlighted by Astro\'s highlighter, not dropped', async () => {
  // `\\y` (a text segment boundary) is Oniguruma's, with no JavaScript equivalent.
  const grammar = { name: 'scissors-test-onig', scopeName: 'source.scissors-test-onig', patterns: [{ match: 'x\\y', name: 'keyword.control' }] };
  const withGrammar = { ...settings, langs: [grammar as never] };
  // The premise: the JavaScript engine alone fails on it.
  const plain = await createHighlighter({ langs: [grammar as never], themes: ['github-light-default'], engine: createJavaScriptRegexEngine({ forgiving: false }) });
  assert.throws(() => plain.codeToHast('a x\n', { lang: 'scissors-test-onig', theme: 'github-light-default' }), /unsupported/i);

  const astro = await createShikiHighlighter(withGrammar);
  const ours = await createBuildHighlighter(withGrammar);
  const options = { wrap: false, defaultColor: config.defaultColor };
  const expected = toHtml(await astro.codeToHast('a x\n', 'scissors-test-onig', options));
  assert.match(expected, /<span style="[^"]+">x<\/span>/, 'Oniguruma highlights the keyword');
  assert.equal(toHtml(await ours.codeToHast('a x\n', 'scissors-test-onig', options)), expected);
});

test('a line is highlighted to its end however long it takes: the output does not depend on how busy the machine is', async () => {
  // Shiki stops tokenizing a line after 0.5 s by default and leaves the rest plain; on a loaded
  // machine that struck a one-line block in this file's first test. A line long enough to take
  // longer than that anywhere:
  const ours = await createBuildHighlighter(settings);
  const items = 250_000;
  const code = `x = [${Array.from({ length: items }, (_, i) => `"s${i}"`).join(', ')}]\n`;
  const html = toHtml(await ours.codeToHast(code, 'python', { wrap: false, defaultColor: config.defaultColor }));
  assert.match(html.slice(-2000), new RegExp(`<span style="[^"]*">"s${items - 1}"</span>`), 'the last string has a token of its own');
});
