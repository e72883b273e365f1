/**
 * Fault-finding on the snippet engine with fast-check (fixed seeds, bounded runs):
 *
 *  1. Conformance: random pages and include trees (nesting, ranges, sections, block markers,
 *     escapes, comments, CRLF and CR, tabs, BOMs, unicode, symlinks, `..`, absolute paths)
 *     expand exactly as an independent model of pymdownx.snippets 11.0 (tests/helpers/
 *     pymdownx-model.ts), with check_paths off and on.
 *  2. Robustness: hostile paths and files (NUL bytes, `..` chains, absolute paths out, symlink
 *     loops, directories, binary and huge files, other encodings): no exception escapes, every
 *     diagnostic has a real file:line:col, and — observed at node:fs, not taken from the engine —
 *     nothing outside the base path is ever opened, and the sentinel outside never shows.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { formatDiagnostic, type SnippetDiagnostic } from '../../../src/snippets/errors.ts';
import { SnippetExpander } from '../../../src/snippets/expand.ts';
import { resolveSnippetOptions, type SnippetOptions } from '../../../src/snippets/options.ts';
import { isWithin } from '../../../src/snippets/resolve.ts';
import { ModelMissing, PymdownxModel, type ModelBase, type ModelFile } from '../../helpers/pymdownx-model.ts';

const SENTINEL = 'SENTINEL-OUTSIDE-7f3a';
// Fixed seeds and bounded runs in `npm test`; FUZZ_RUNS / FUZZ_SEED explore further by hand.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'scissors-fuzz-')));
after(() => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'outside'));
fs.writeFileSync(path.join(root, 'outside/secret.md'), `${SENTINEL}\n`);
fs.mkdirSync(path.join(root, 'base_private'));
fs.writeFileSync(path.join(root, 'base_private/secret.md'), `${SENTINEL} sibling\n`);

// ---------------------------------------------------------------------------------------------
// Observing reads at node:fs: every path opened for reading while the engine runs.
// ---------------------------------------------------------------------------------------------
const opened: string[] = [];
let observing = false;
function observe<K extends 'readFileSync' | 'openSync' | 'readSync' | 'createReadStream'>(name: K): void {
  const original = fs[name] as (...args: unknown[]) => unknown;
  (fs as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    if (observing) {
      const target = args[0];
      if (typeof target === 'string' || Buffer.isBuffer(target) || target instanceof URL) opened.push(String(target instanceof URL ? target.pathname : target));
      else if (typeof target === 'number') opened.push(`fd:${target}`);
    }
    return original.apply(this, args);
  };
  after(() => {
    (fs as unknown as Record<string, unknown>)[name] = original;
  });
}
observe('readFileSync');
observe('openSync');
observe('createReadStream');

function assertReadsInside(bases: string | string[], context: string): void {
  const allowed = (real: string) =>
    (Array.isArray(bases) ? bases : [bases]).some((b) => (fs.statSync(b).isDirectory() ? isWithin(b, real) && real !== b : real === b));
  for (const p of opened) {
    assert.ok(!p.startsWith('fd:'), `an fd was read directly (${p}) ${context}`);
    let real: string;
    try {
      real = fs.realpathSync(p);
    } catch {
      real = path.resolve(p);
    }
    assert.ok(allowed(real), `read outside the base path: ${p} ${context}`);
    assert.ok(!real.startsWith(path.join(root, 'outside')) && !real.startsWith(path.join(root, 'base_private')), `read the sentinel ${p}`);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Conformance against the model
// ---------------------------------------------------------------------------------------------
const NAMES = ['a.md', 'b.md', 'c.txt', 'sub/d.md'];
const pad = fc.constantFrom('', '', '', '', '', '', ' ', '\t', '\u00a0', '\u0085', '\u3000', '\u001f', '\ufeff');
const baseToken = '<BASE>';
const specName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NAMES) }, { weight: 2, arbitrary: fc.constantFrom(
  'link.md', 'out.md', 'empty.md', 'missing.md', 'page.md', './a.md', 'sub/../b.md', '../outside/secret.md',
  'e.md', 'solo.md', '../more/e.md', '../solo/solo.md', 'more/e.md', '../more/a.md',
  'a.md/../b.md', 'sub/./d.md', 'dir-out/secret.md', 'dir-out/../base/a.md', '../base/sub/d.md',
  `${baseToken}/a.md`, `${baseToken}/../outside/secret.md`, 'https://example.com/x.md', 'sub', 'sub/',
) });
const num = fc.constantFrom('0', '1', '2', '3', '-1', '-2', '5', '-9', '');
const suffix = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.array(fc.tuple(num, fc.option(num)), { minLength: 1, maxLength: 3 }).map((groups) => `:${groups.map(([s, e]) => (e === null ? s : `${s}:${e}`)).join(',')}`) },
  { weight: 3, arbitrary: fc.constantFrom(':s1', ':s2', ':nope', ':') },
);
const spec = fc.tuple(pad, specName, suffix, pad).map(([p1, n, s, p2]) => `${p1}${n}${s}${p2}`);
const indent = fc.constantFrom('', '', '  ', '    ', '\t', ' \t', '\t ');
const dashes = fc.constantFrom('-8<-', '--8<--', '---8<--', '-8<-------');
const noise = fc
  .array(fc.constantFrom('a', 'b', ' ', '\t', '-', '8', '<', ';', 'é', '🙂', '#', '[', ']', '\u00a0', '\u0085', 'x.md'), { maxLength: 8 })
  .map((cs) => cs.join(''));
const inlineMarker = fc
  .tuple(indent, fc.constantFrom('', '', '', '', '', ';'), dashes, fc.constantFrom(' ', '\t', '  '), fc.constantFrom('"', "'"), spec, fc.constantFrom('', '', '', '', '', ' '))
  .filter(([, , , , q, s]) => !s.includes(q))
  .map(([ind, esc, d, ws, q, s, trail]) => [`${ind}${esc}${d}${ws}${q}${s}${q}${trail}`]);
const blockMarker = fc
  .tuple(indent, dashes, fc.array(fc.oneof(fc.tuple(indent, spec).map(([i, s]) => `${i}${s}`), fc.constantFrom('', '  ', ';a.md', '; b.md', ';--8<-- "a.md"', '--8<-- "a.md"')), { maxLength: 3 }), fc.boolean(), fc.constantFrom(false, false, false, false, false, false, false, true))
  .map(([ind, d, paths, sameDashes, unclosed]) => [`${ind}${d}`, ...paths, ...(unclosed ? [] : [sameDashes ? `${ind}${d}` : '--8<--'])]);
const sectionMarker = fc
  .tuple(fc.constantFrom('# ', '<!-- ', '', '    '), fc.constantFrom('', '', ';'), fc.constantFrom('start', 'end', 'start', 'end', 'START', 'End'), fc.constantFrom('s1', 's2', 's1'), fc.constantFrom('', ' -->', ' x'), fc.constantFrom('', ' '))
  .map(([pre, esc, type, name, post, inner]) => [`${pre}${esc}--8<-- [${inner}${type}:${name}${inner}]${post}`]);
const item = fc.oneof(
  { weight: 4, arbitrary: noise.map((n) => [n]) },
  { weight: 4, arbitrary: inlineMarker },
  { weight: 1, arbitrary: blockMarker },
  { weight: 3, arbitrary: sectionMarker },
);
const fileText = fc
  .tuple(fc.array(item, { maxLength: 7 }), fc.constantFrom('\n', '\n', '\r\n', '\r'), fc.boolean(), fc.constantFrom('', '', '', '\ufeff'), fc.boolean())
  .map(([items, eol, finalEol, bom, mixed]) => {
    const lines = items.flat();
    let text = bom;
    lines.forEach((l, i) => {
      text += l;
      if (i < lines.length - 1 || finalEol) text += mixed && i % 2 === 1 ? '\r\n' : eol;
    });
    return text;
  });
const pageItem = fc.oneof(
  { weight: 2, arbitrary: noise.map((n) => [n]) },
  { weight: 6, arbitrary: inlineMarker },
  { weight: 1, arbitrary: blockMarker },
  { weight: 1, arbitrary: sectionMarker },
);
const pageText = fc.array(pageItem, { minLength: 1, maxLength: 8 }).map((items) => items.flat().join('\n'));
const tree = fc.record({
  files: fc.tuple(fileText, fileText, fileText, fileText, fileText, fileText),
  page: pageText,
  checkPaths: fc.boolean(),
  dedentSubsections: fc.constantFrom(false, false, true),
  restrict: fc.constantFrom(true, true, false),
});

let runCounter = 0;
function writeTree(files: string[], page: string): { base: string; model: Map<string, ModelFile>; moreBases: ModelBase[]; basePaths: string[]; page: string } {
  const dir = path.join(root, `run-${runCounter++}`);
  const base = path.join(dir, 'base');
  fs.mkdirSync(path.join(base, 'sub'), { recursive: true });
  const model = new Map<string, ModelFile>();
  // Identities are real paths: the include stack is keyed by real file (a documented difference).
  NAMES.forEach((name, i) => {
    const text = (files[i] ?? '').replaceAll(baseToken, base);
    fs.writeFileSync(path.join(base, name), text);
    model.set(name, { identity: path.join(base, name), text });
  });
  fs.writeFileSync(path.join(base, 'empty.md'), '');
  model.set('empty.md', { identity: path.join(base, 'empty.md'), text: '' });
  fs.symlinkSync(path.join(base, 'a.md'), path.join(base, 'link.md'));
  model.set('link.md', { identity: path.join(base, 'a.md'), text: model.get('a.md')?.text ?? '' });
  fs.symlinkSync(path.join(root, 'outside/secret.md'), path.join(base, 'out.md'));
  model.set('out.md', { identity: path.join(root, 'outside/secret.md'), text: `${SENTINEL}\n`, outside: true });
  fs.symlinkSync(path.join(root, 'outside'), path.join(base, 'dir-out'));
  const pageBody = page.replaceAll(baseToken, base);
  fs.writeFileSync(path.join(base, 'page.md'), pageBody);
  model.set('page.md', { identity: path.join(base, 'page.md'), text: pageBody });
  // A second base directory (tried after the first: its a.md is shadowed) and a file as a base.
  const more = path.join(dir, 'more');
  fs.mkdirSync(more);
  const e = (files[4] ?? '').replaceAll(baseToken, base);
  fs.writeFileSync(path.join(more, 'e.md'), e);
  fs.writeFileSync(path.join(more, 'a.md'), 'shadowed a\n');
  const soloFile = path.join(dir, 'solo', 'solo.md');
  fs.mkdirSync(path.dirname(soloFile));
  const solo = (files[5] ?? '').replaceAll(baseToken, base);
  fs.writeFileSync(soloFile, solo);
  fs.writeFileSync(path.join(dir, 'solo', 'sibling.md'), 'not allowed\n');
  const moreBases: ModelBase[] = [
    { dir: more, files: new Map([['e.md', { identity: path.join(more, 'e.md'), text: e }], ['a.md', { identity: path.join(more, 'a.md'), text: 'shadowed a\n' }]]) },
    { file: soloFile, entry: { identity: soloFile, text: solo } },
  ];
  return { base, model, moreBases, basePaths: [base, more, soloFile], page: pageBody };
}

/** Codes Scissors reports where pymdownx is silent or crashes: the documented differences. */
const DELIBERATE_ERRORS = new Set(['INCLUDE_CYCLE', 'UNCLOSED_BLOCK', 'OUTSIDE_BASE_PATH', 'NOT_A_FILE']);

describe('snippet engine vs a model of pymdownx.snippets 11.0', () => {
  test('random pages and include trees expand as pymdownx does', { timeout: 60_000 * RUNS }, () => {
    let compared = 0;
    let included = 0;
    let nested = 0;
    // The base paths after the first (a second directory, a file) and the restriction off.
    let fromSecondBase = 0;
    let fromFileBase = 0;
    let unrestricted = 0;
    let unrestrictedOutside = 0;
    fc.assert(
      fc.property(tree, ({ files, page, checkPaths, dedentSubsections, restrict }) => {
        const { base, model, moreBases, basePaths, page: text } = writeTree(files, page);
        try {
          let expected: string[] | ModelMissing;
          try {
            expected = new PymdownxModel({ base, files: model, moreBases, checkPaths, dedentSubsections, restrict }).run(text, path.join(base, 'page.md'));
          } catch (error) {
            if (!(error instanceof ModelMissing)) throw error;
            expected = error;
          }
          const expander = new SnippetExpander(resolveSnippetOptions(base, { basePaths, checkPaths, dedentSubsections, restrictBasePath: restrict }));
          opened.length = 0;
          observing = true;
          const result = expander.expandDocument(text, path.join(base, 'page.md'));
          observing = false;
          if (restrict) {
            assertReadsInside(basePaths, 'in the conformance run');
            assert.ok(!result.lines.some((l) => l.includes(SENTINEL)), 'the sentinel leaked');
          }
          for (const d of result.diagnostics) checkDiagnostic(d, `(page ${JSON.stringify(text)})`);
          const errors = result.diagnostics.filter((d) => d.severity === 'error');
          if (expected instanceof ModelMissing) {
            assert.ok(errors.length > 0, `pymdownx raises "${expected.message}", Scissors reported no error`);
            return;
          }
          if (errors.length > 0) {
            for (const e of errors) assert.ok(DELIBERATE_ERRORS.has(e.code), `pymdownx accepts this page, Scissors: ${formatDiagnostic(e)}`);
            return;
          }
          assert.deepEqual(result.lines, expected);
          compared++;
          if (result.includes.length > 0) included++;
          if (result.includes.some((i) => i.chain.length > 1)) nested++;
          const [, more, soloFile] = basePaths;
          if (more && result.includes.some((i) => isWithin(more, i.file))) fromSecondBase++;
          if (soloFile && result.includes.some((i) => i.file === soloFile)) fromFileBase++;
          if (!restrict) {
            unrestricted++;
            if (result.includes.some((i) => !basePaths.some((b) => isWithin(b, i.file)))) unrestrictedOutside++;
          }
        } finally {
          observing = false;
          fs.rmSync(path.dirname(base), { recursive: true, force: true });
        }
      }),
      { numRuns: 800 * RUNS, seed: SEED ?? 0x5c155025 },
    );
    // Not vacuous: most runs compare output, many through several includes.
    console.log(`compared ${compared} of ${800 * RUNS} runs: ${included} with includes, ${nested} with nested includes`);
    assert.ok(compared > 300 * RUNS && included > 180 * RUNS && nested > 50 * RUNS, `compared ${compared}, included ${included}, nested ${nested}`);
    console.log(`from the second base ${fromSecondBase}, the file base ${fromFileBase}; restriction off ${unrestricted}, of which ${unrestrictedOutside} read outside the base paths`);
    assert.ok(
      fromSecondBase > 0 && fromFileBase > 0 && unrestricted > 0 && unrestrictedOutside > 0,
      `second base ${fromSecondBase}, file base ${fromFileBase}, unrestricted ${unrestricted} (outside ${unrestrictedOutside})`,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Robustness and containment
// ---------------------------------------------------------------------------------------------
const hostile = fc.oneof(
  spec,
  fc.constantFrom(
    'a.md\u0000', '\u0000', 'sub/\u0000/../a.md', '../../../../../../etc/passwd', '/etc/passwd', '..', '.', '/', '~/a.md',
    'loop1', 'loop2', 'dir', 'dir/', 'bin.dat', 'huge.txt:-3', 'huge.txt:1:2', 'utf16.txt', 'a.md:2:-', 'a.md:-:',
    `${baseToken}`, `${baseToken}/`, `${baseToken}/../base_private/secret.md`, `${baseToken}_private/secret.md`, 'dir-out/secret.md',
    'a.md:1:2,', 'a.md::', ':3:4', ' ', 'a.md:s1:s2', 'sub/../../outside/secret.md', '%2e%2e/outside/secret.md', 'a.md/../../outside/secret.md',
  ),
  fc.string({ maxLength: 12 }).filter((s) => !/["\r\n]/.test(s)),
  fc.array(fc.constantFrom('..', '.', 'sub', 'a.md', 'dir-out', 'outside', 'secret.md', '', 'link.md'), { minLength: 1, maxLength: 6 }).map((p) => p.join('/')),
);
const hostileLine = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(indent, dashes, hostile).map(([i, d, s]) => `${i}${d} "${s}"`) },
  { weight: 1, arbitrary: fc.tuple(dashes, fc.array(hostile, { maxLength: 3 })).map(([d, ps]) => [d, ...ps, d].join('\n')) },
  { weight: 2, arbitrary: noise },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: sectionMarker.map((s) => s.join('')) },
);
const robustCase = fc.record({
  page: fc.array(hostileLine, { minLength: 1, maxLength: 6 }).map((ls) => ls.join(fc.sample(fc.constantFrom('\n', '\r\n'), 1)[0] ?? '\n')),
  files: fc.tuple(fileText, fileText),
  checkPaths: fc.boolean(),
  encoding: fc.constantFrom('utf-8', 'utf-8', 'latin-1', 'utf-16', 'ascii'),
  autoAppend: fc.constantFrom<string[]>([], [], ['a.md'], ['missing.md', 'b.md:s1'], ['../outside/secret.md']),
  tabLength: fc.constantFrom(4, 4, 2, 8),
});

// One fixed hostile tree, shared by the runs (the huge file is written once).
const hostileDir = path.join(root, 'hostile');
const hostileBase = path.join(hostileDir, 'base');
fs.mkdirSync(path.join(hostileBase, 'sub'), { recursive: true });
fs.mkdirSync(path.join(hostileBase, 'dir'));
fs.writeFileSync(path.join(hostileBase, 'bin.dat'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
fs.writeFileSync(path.join(hostileBase, 'huge.txt'), `${'x'.repeat(120)}\n`.repeat(40_000)); // ~4.8 MB
fs.writeFileSync(path.join(hostileBase, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo\r\nwörld\n', 'utf16le')]));
fs.symlinkSync(path.join(hostileBase, 'loop2'), path.join(hostileBase, 'loop1'));
fs.symlinkSync(path.join(hostileBase, 'loop1'), path.join(hostileBase, 'loop2'));
fs.symlinkSync(path.join(root, 'outside'), path.join(hostileBase, 'dir-out'));
fs.symlinkSync(path.join(root, 'outside/secret.md'), path.join(hostileBase, 'link.md'));

function lineCount(file: string): number {
  return fs.readFileSync(file).toString('latin1').split(/\r\n|\r|\n/).length;
}

function checkDiagnostic(d: SnippetDiagnostic, context: string): void {
  const { file, line, column } = d.location;
  assert.ok(typeof file === 'string' && path.isAbsolute(file), `diagnostic without an absolute file ${context}: ${formatDiagnostic(d)}`);
  assert.ok(Number.isInteger(line) && line >= 1 && Number.isInteger(column) && column >= 1, `bad line:col ${context}: ${formatDiagnostic(d)}`);
  const lines = lineCount(file);
  assert.ok(line <= lines, `line ${line} beyond ${file}'s ${lines} lines ${context}`);
  assert.match(formatDiagnostic(d).split('\n')[0] ?? '', /^\/\S*:\d+:\d+ (error|warning) [A-Z_]+: \S/, context);
  assert.ok(d.chain.length >= 1 && d.chain.at(-1) === d.location, `chain does not end at the location ${context}`);
}

describe('snippet engine under hostile input', () => {
  test('the read observer sees reads (with the restriction off, the sentinel outside is opened)', () => {
    const expander = new SnippetExpander(resolveSnippetOptions(hostileBase, { restrictBasePath: false }));
    opened.length = 0;
    observing = true;
    try {
      assert.ok(expander.expandDocument('--8<-- "../../outside/secret.md"', path.join(hostileBase, 'page.md')).lines.some((l) => l.includes(SENTINEL)));
    } finally {
      observing = false;
    }
    assert.throws(() => assertReadsInside(hostileBase, ''), /read outside the base path/);
  });
  test('no exception, every diagnostic at a real file:line:col, nothing read outside the base path', { timeout: 60_000 * RUNS }, () => {
    fc.assert(
      fc.property(robustCase, ({ page, files, checkPaths, encoding, autoAppend, tabLength }) => {
        fs.writeFileSync(path.join(hostileBase, 'a.md'), files[0].replaceAll(baseToken, hostileBase));
        fs.writeFileSync(path.join(hostileBase, 'sub/d.md'), files[1].replaceAll(baseToken, hostileBase));
        fs.writeFileSync(path.join(hostileBase, 'b.md'), '--8<-- "sub/d.md"\n--8<-- "../outside/secret.md"\n--8<-- "dir-out/secret.md"\n');
        const text = page.replaceAll(baseToken, hostileBase);
        const pageFile = path.join(hostileBase, 'page.md');
        fs.writeFileSync(pageFile, text);
        const options: Partial<SnippetOptions> = { checkPaths, encoding, autoAppend, tabLength };
        const context = `(options ${JSON.stringify(options)}; page ${JSON.stringify(text)})`;
        const expander = new SnippetExpander(resolveSnippetOptions(hostileBase, options));
        opened.length = 0;
        observing = true;
        let result;
        try {
          result = expander.expandDocument(text, pageFile);
        } finally {
          observing = false;
        }
        assertReadsInside(hostileBase, context);
        assert.ok(!result.lines.some((l) => l.includes(SENTINEL)), `the sentinel leaked ${context}`);
        assert.equal(result.origins.length, result.lines.length);
        for (const d of result.diagnostics) checkDiagnostic(d, context);
      }),
      { numRuns: 300 * RUNS, seed: SEED ?? 0xb1ade },
    );
  });
});
