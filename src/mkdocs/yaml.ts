/**
 * mkdocs.yml read as MkDocs reads it: YAML 1.1 (PyYAML: `yes`/`on` are booleans), Python tags
 * (`!!python/name:…`, `!!python/object/apply:…`) kept as inert values — understood by name
 * where we know them, never executed — `!ENV` resolved from the environment, and `INHERIT`
 * merged recursively as MkDocs does (maps merge, everything else is replaced). Every value's
 * place (file:line) is remembered so warnings can point at it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A Python-tagged value: `!!python/name:pkg.attr` or `!!python/object/apply:pkg.fn` with its arguments. */
export class PythonTag {
  /** `name`, `object/apply`, `object`, `module`, … */
  readonly kind: string;
  /** The dotted Python name after the colon. */
  readonly target: string;
  /** The tagged node's own value (arguments for object/apply). */
  readonly value: unknown;
  constructor(kind: string, target: string, value: unknown) {
    this.kind = kind;
    this.target = target;
    this.value = value;
  }
  toString(): string {
    return `!!python/${this.kind}:${this.target}`;
  }
}

export interface Place {
  file: string;
  line: number;
}

export interface YamlConfig {
  /** Plain data (objects, arrays, scalars, PythonTag). */
  data: Record<string, unknown>;
  /** Dotted path (`plugins.1`, `theme.custom_dir`) → where it was written. */
  places: Map<string, Place>;
  /** Problems found while reading (unknown tags, unset environment variables, …). */
  warnings: Array<{ message: string; place: Place }>;
}

export class MkdocsConfigError extends Error {
  readonly place: Place;
  constructor(message: string, place: Place) {
    super(`${place.file}:${place.line} ${message}`);
    this.place = place;
  }
}

const PYTHON_TAG = /^tag:yaml\.org,2002:python\/([\w/]+):(.*)$/;

interface ReadContext {
  file: string;
  doc: Document;
  lines: LineCounter;
  places: Map<string, Place>;
  warnings: YamlConfig['warnings'];
  env: NodeJS.ProcessEnv;
}

function lineOf(ctx: ReadContext, node: Node | null | undefined): Place {
  const offset = node?.range?.[0] ?? 0;
  return { file: ctx.file, line: ctx.lines.linePos(offset).line };
}

function envValue(ctx: ReadContext, node: Node, names: unknown): unknown {
  // `!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first set variable, else the last item as default.
  const list = Array.isArray(names) ? names : [names];
  const variables = list.length > 1 ? list.slice(0, -1) : list;
  for (const name of variables) {
    const value = ctx.env[String(name)];
    if (value !== undefined) return value;
  }
  if (list.length > 1) return list.at(-1);
  ctx.warnings.push({ message: `environment variable ${String(list[0])} is not set (!ENV); the value is empty`, place: lineOf(ctx, node) });
  return null;
}

function toValue(ctx: ReadContext, node: unknown, at: string): unknown {
  if (isAlias(node)) return toValue(ctx, node.resolve(ctx.doc), at);
  if (!node) return null;
  const n = node as Node;
  if (at) ctx.places.set(at, lineOf(ctx, n));
  let value: unknown;
  if (isMap(n)) {
    const out: Record<string, unknown> = {};
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      const childAt = at ? `${at}.${key}` : key;
      ctx.places.set(childAt, lineOf(ctx, pair.key as Node));
      out[key] = toValue(ctx, pair.value, childAt);
      // The key's line is where a reader looks for it.
      ctx.places.set(childAt, lineOf(ctx, pair.key as Node));
    }
    value = out;
  } else if (isSeq(n)) {
    value = n.items.map((item, i) => toValue(ctx, item, at ? `${at}.${i}` : String(i)));
  } else if (isScalar(n)) {
    value = n.value;
  }
  const tag = n.tag;
  if (!tag) return value;
  const python = PYTHON_TAG.exec(tag);
  if (python) return new PythonTag(python[1] ?? '', python[2] ?? '', value);
  if (tag === '!ENV') return envValue(ctx, n, value);
  if (tag.startsWith('tag:yaml.org,2002:')) return value;
  ctx.warnings.push({ message: `unknown YAML tag ${tag}: its value is read as plain data`, place: lineOf(ctx, n) });
  return value;
}

function readOne(file: string, env: NodeJS.ProcessEnv): YamlConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MkdocsConfigError(`cannot read the configuration: ${(error as Error).message}`, { file, line: 1 });
  }
  const lines = new LineCounter();
  // YAML 1.1 as PyYAML reads it; unknown tags are ours to interpret, so the parser may not warn.
  const doc = parseDocument(text, { version: '1.1', lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line ?? 1;
    throw new MkdocsConfigError(`invalid YAML: ${error.message.split('\n')[0]}`, { file, line });
  }
  const ctx: ReadContext = { file, doc, lines, places: new Map(), warnings: [], env };
  const data = toValue(ctx, doc.contents, '');
  if (data === null || data === undefined) return { data: {}, places: ctx.places, warnings: ctx.warnings };
  if (typeof data !== 'object' || Array.isArray(data) || data instanceof PythonTag) {
    throw new MkdocsConfigError('the configuration must be a mapping of settings', { file, line: 1 });
  }
  return { data: data as Record<string, unknown>, places: ctx.places, warnings: ctx.warnings };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof PythonTag);

/** MkDocs' merge for INHERIT: nested maps merge, the child's value wins everywhere else. */
function merge(parent: Record<string, unknown>, child: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...parent };
  for (const [key, value] of Object.entries(child)) {
    const base = out[key];
    out[key] = isPlainObject(base) && isPlainObject(value) ? merge(base, value) : value;
  }
  return out;
}

/** Read an mkdocs.yml and whatever it INHERITs (paths relative to the file that names them). */
export function readMkdocsYaml(file: string, env: NodeJS.ProcessEnv = process.env, seen: string[] = []): YamlConfig {
  const absolute = path.resolve(file);
  if (seen.includes(absolute)) {
    throw new MkdocsConfigError(`INHERIT cycle: ${[...seen, absolute].join(' → ')}`, { file: seen.at(-1) ?? absolute, line: 1 });
  }
  const own = readOne(absolute, env);
  const inherit = own.data.INHERIT;
  if (inherit === undefined) return own;
  delete own.data.INHERIT;
  const place = own.places.get('INHERIT') ?? { file: absolute, line: 1 };
  if (typeof inherit !== 'string') throw new MkdocsConfigError('INHERIT must be a path to another configuration file', place);
  const parentFile = path.resolve(path.dirname(absolute), inherit);
  if (!fs.existsSync(parentFile)) throw new MkdocsConfigError(`INHERIT names ${inherit}, which does not exist (looked for ${parentFile})`, place);
  const parent = readMkdocsYaml(parentFile, env, [...seen, absolute]);
  // The child's places win for what it sets; the parent's remain for the rest.
  const places = new Map([...parent.places, ...own.places]);
  return { data: merge(parent.data, own.data), places, warnings: [...parent.warnings, ...own.warnings] };
}
