/**
 * MkDocs dialect fuzzing (fast-check, fixed seeds, bounded runs): random MkDocs Material text
 * (admonitions, details, tabs, fences, attr lists, figures, HTML blocks, comments, lists, tables,
 * snippet markers, bad indentation, tabs, CRLF, unicode) through convertMkdocs and through
 * `npm run migrate` never throws and never loses text silently: every input line's words are in
 * the output, or that line is named by a `line` / `file:line` warning.
 *
 * Each generated line carries a unique word (`zq12`), so "in the output" is checkable. Words in
 * HTML comments (`cm12`) and in a leading meta block (`mt12`) are exempt: MkDocs does not show
 * them either.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { convertMkdocs, type ConvertWarning } from '../../../src/mkdocs/convert.ts';
import { renderHighlighted } from '../markdown/pipeline-highlighted.ts';

const root = path.resolve(import.meta.dirname, '../../..');
// Fixed seeds and bounded runs in `npm test`; FUZZ_RUNS / FUZZ_SEED explore further by hand.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/** A line template; `§` is replaced by the line's unique word. */
type Template = string;

const word = fc.constantFrom('alpha', 'beta', 'é', '🙂', 'x_y', 'a*b*', '`c`', '<b>', '{x}', 'a&b');
const title = fc.constantFrom('Title §', '§', '"quoted" §', '', '§ [link](https://x.org)');
const indentT = fc.constantFrom('', '', '    ', '    ', '  ', '\t', '        ');
const kind = fc.constantFrom('note', 'warning', 'info', 'tip', 'danger', 'custom-type', 'Note');

const block: fc.Arbitrary<Template[]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indentT, word, word).map(([i, a, b]) => [`${i}${a} § ${b}`]) },
  { weight: 2, arbitrary: fc.constantFrom<Template[]>(['']) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('#', '##', '###'), word).map(([h, w]) => [`${h} § ${w}`]) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('!!!', '???', '???+', '!!! ', '???-'), kind, title, fc.array(fc.tuple(indentT, word), { maxLength: 3 }))
      .map(([mark, k, t, body]) => [`${mark} ${k}${t ? ` "${t}"` : ''}`, ...body.map(([i, w]) => `    ${i}${w} §`)]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('===', '===+', '===!'), title, fc.array(word, { minLength: 1, maxLength: 2 }), fc.boolean())
      .map(([mark, t, body, second]) => [
        `${mark} "${t}"`,
        '',
        ...body.map((w) => `    ${w} §`),
        ...(second ? ['', '=== "Second §"', '', '    more §'] : []),
      ]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(indentT, fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'bash', 'py title="t §"', 'text linenums="1"'), fc.array(word, { maxLength: 3 }), fc.constantFrom(true, true, true, false))
      .map(([i, f, info, body, closed]) => [`${i}${f}${info}`, ...body.map((w) => `${i}${w} § <!-- not a comment --> {x}`), ...(closed ? [`${i}${f}`] : [])]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(word, fc.constantFrom('{target="_blank"}', '{target=_blank rel=nofollow}', '{: .cls #id }', '{ .a }', '{width=300}', '', '{ unknown'))
      .map(([w, attrs]) => [`See [link § ${w}](https://example.org/a)${attrs} and ![img §](pic.png)${attrs} end`]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.boolean(), fc.boolean(), fc.boolean())
      .map(([image, caption, extra]) => ['<center>', ...(image ? ['![alt §](i.png){width="300"}'] : []), ...(caption ? ['<i>caption §</i>'] : []), ...(extra ? ['extra text §'] : []), '</center>']),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Template[]>(
      ['<div markdown class="grid">', '', 'inside div §', '', '</div>'],
      ['<div markdown>', 'unclosed div §'],
      ['<details><summary>sum §</summary>', 'raw html §', '</details>'],
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Template[]>(
      ['<!-- cm -->'],
      ['text § <!-- cm --> more'],
      ['<!--', 'cm inside', '-->'],
      ['before § <!-- cm', 'cm still', 'cm end --> after §'],
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom<Template[]>(
      ['- item §', '- item §', '    - nested §'],
      ['1. one §', '2. two §'],
      ['> quote §', '> more §'],
      ['| a § | b |', '|---|---|', '| c § | d |'],
      ['*[HTML]: Hyper Text §'],
      ['Text with footnote[^1] §', '', '[^1]: the note §'],
      ['{: .lonely §}'],
      ['paragraph §', '{: .cls }'],
      ['--8<-- "file §.md"'],
      [';--8<-- "escaped §.md"'],
      ['!!!', '    body §'],
      ['=== Unquoted §', '    body §'],
      ['???', 'x §'],
      ['    indented code §'],
      ['\tTabbed §'],
      ['Line with trailing spaces §  '],
      ['<span>inline § html</span>'],
      ['Term §', ':   Definition §'],
      ['- [ ] task §', '- [x] done §'],
      ['==mark §==', '^^ins §^^', '~~del §~~', '++ctrl+c++ §', ':material-check: §', ':smile: §'],
    ),
  },
);

const page = fc
  .tuple(fc.constantFrom(false, false, false, true), fc.array(block, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\n', '\r\n'), fc.constantFrom(false, false, false, true))
  .map(([meta, blocks, eol, unclosedComment]) => {
    // A comment left open runs to the end of the page (any later `-->` would close it), so it comes last.
    const tail = unclosedComment ? [['<!-- never closed cm'], ['after the open comment §']] : [];
    const lines = [...(meta ? ['---', 'title: mt', 'tags: [mt]', '---', ''] : []), ...[...blocks, ...tail].flatMap((b) => [...b, ''])];
    let n = 0;
    const numbered = lines.map((l) => {
      const i = n++;
      return l.replaceAll('§', `zq${i}`).replaceAll(/\bcm\b/g, `cm${i}`).replaceAll(/\bmt\b/g, `mt${i}`);
    });
    return numbered.join(eol);
  });

/** Unique words of each input line (1-based), that must survive. */
function wordsByLine(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split(/\r\n|\r|\n/).forEach((line, k) => {
    const words = line.match(/\bzq\d+\b/g);
    if (words) out.set(k + 1, words);
  });
  return out;
}

function assertNothingLostSilently(input: string, output: string, warnings: Array<{ line: number; message: string }>, context: string): void {
  const warned = new Set(warnings.map((w) => w.line));
  // "…the rest of the page was dropped": that warning accounts for every line from its own on.
  const restFrom = Math.min(...warnings.filter((w) => /rest of the page/.test(w.message)).map((w) => w.line));
  const present = new Set(output.match(/\bzq\d+\b/g) ?? []);
  for (const [line, words] of wordsByLine(input)) {
    for (const w of words) {
      assert.ok(present.has(w) || warned.has(line) || line >= restFrom, `line ${line} lost "${w}" with no warning at that line (${context})\ninput:\n${input}\noutput:\n${output}\nwarnings: ${JSON.stringify(warnings)}`);
    }
  }
}

describe('MkDocs dialect → Scissors', () => {
  test('convertMkdocs never throws and never loses a line silently (Markdown and MDX output)', { timeout: 60_000 * RUNS }, () => {
    fc.assert(
      fc.property(page, fc.boolean(), (text, mdx) => {
        let result: { text: string; warnings: ConvertWarning[]; lineMap: number[] };
        try {
          result = convertMkdocs(text, { mdx });
        } catch (error) {
          assert.fail(`convertMkdocs threw ${String(error)} on:\n${text}`);
        }
        assert.equal(result.lineMap.length, result.text === '' ? result.lineMap.length : result.text.split('\n').length);
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const w of result.warnings) assert.ok(Number.isInteger(w.line) && w.line >= 1 && w.line <= lines, `warning line ${w.line} outside 1..${lines}`);
        for (const n of result.lineMap) assert.ok(n >= 0 && n <= lines);
        assertNothingLostSilently(text, result.text, result.warnings, mdx ? 'mdx' : 'md');
      }),
      { numRuns: 600 * RUNS, seed: SEED ?? 0xd1a1ec7 },
    );
  });

  test('npm run migrate: every page of a random batch keeps its words or warns at file:line', { timeout: 60_000 * RUNS }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-migrate-fuzz-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const pages = fc.sample(page, { numRuns: 40 * RUNS, seed: SEED ?? 0x3a9 });
    const names = pages.map((text, i) => {
      const name = `p${i}.md`;
      // Half the pages with front matter, to check the line offset of the warnings.
      fs.writeFileSync(path.join(dir, name), i % 2 === 0 ? `---\ntitle: Page ${i}\n---\n${text}` : text);
      return name;
    });
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/migrate.ts'), ...names, '--out', 'out'], { cwd: dir, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    pages.forEach((text, i) => {
      const name = names[i] as string;
      const output = fs.readFileSync(path.join(dir, 'out', `p${i}.mdx`), 'utf8');
      const offset = i % 2 === 0 ? 3 : 0;
      const warnings = [...run.stderr.matchAll(new RegExp(`^${name}:(\\d+): warning: (.*)$`, 'gm'))].map((m) => ({ line: Number(m[1]) - offset, message: m[2] ?? '' }));
      assertNothingLostSilently(text, output, warnings, `migrate ${name}`);
    });
  });
});

describe('MkDocs dialect → rendered page', () => {
  test('random MkDocs pages render through the site\'s whole .md pipeline without throwing, showing every word the converter kept', { timeout: 120_000 * RUNS }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-render-fuzz-'));
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    await fc.assert(
      fc.asyncProperty(page, async (text) => {
        const input = text.replaceAll(/^(;?)--8<--.*$/gm, '$1text');
        let html = '';
        try {
          html = await renderHighlighted(dir, path.join(dir, 'content/docs/page.md'), input);
        } catch (error) {
          assert.fail(`the .md pipeline threw ${error instanceof Error ? error.stack : String(error)} on:\n${text}`);
        }
        // What the converter kept reaches the page (abbreviation definitions are consumed, as in MkDocs).
        const converted = convertMkdocs(input);
        const kept = new Set(converted.text.replaceAll(/^\*\[.*$/gm, '').match(/\bzq\d+\b/g) ?? []);
        const shown = new Set(html.match(/\bzq\d+\b/g) ?? []);
        const lost = [...kept].filter((w) => !shown.has(w));
        assert.deepEqual(lost, [], `converted but not rendered:\n${input}\n---\n${converted.text}\n---\n${html}`);
      }),
      { numRuns: 150 * RUNS, seed: SEED ?? 0x7e4d },
    );
  });
});

/** Counterexamples the fuzzer found, kept as plain regression tests. */
describe('MkDocs dialect: fuzz-found losses', () => {
  test('a <center> block with text besides the image and caption keeps that text (no figure)', () => {
    const result = convertMkdocs('<center>\n![alt](i.png){width="300"}\n<i>caption</i>\nextra text\n</center>\n');
    assert.match(result.text, /extra text/);
    assert.match(result.text, /caption/);
  });
  test('a <center> block of only an image and its caption is still a figure', () => {
    assert.match(convertMkdocs('<center>\n![alt](i.png)\n\n<i>caption</i>\n</center>\n').text, /^:+figure\[\*caption\*\]$/m);
  });
  test('an HTML comment never closed is reported at the line that opens it', () => {
    const result = convertMkdocs('one\n\n<!-- open\n\nlost\n\nlast\n');
    assert.deepEqual(result.warnings.map((w) => w.line), [3]);
    assert.match(result.warnings[0]?.message ?? '', /rest of the page/);
  });
});
