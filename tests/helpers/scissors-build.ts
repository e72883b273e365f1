/**
 * `scissors build DIR --out DIR/OUT` in a site copy (its own bin/), as the incremental-build tests
 * run it, and what its log says: whether it was a quick rebuild, why it was a full one, and the
 * render-cache counts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export interface ScissorsBuild {
  status: number | null;
  log: string;
  /** Pages rendered and reused (the render-cache line, the loader's or the quick rebuild's). */
  rendered: number;
  reused: number;
  quick: boolean;
  /** Why the build was a full one, when it was. */
  full: string | undefined;
}

export function scissorsBuildIn(dir: string, out = 'dist', env: Record<string, string> = {}): ScissorsBuild {
  const result = spawnSync(process.execPath, [path.join(dir, 'bin/scissors.mjs'), 'build', dir, '--out', path.join(dir, out)], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', INIT_CWD: dir, ...env },
  });
  const log = `${result.stdout}\n${result.stderr}`;
  const counts = /render cache: (\d+) pages rendered, (\d+) reused/.exec(log);
  return {
    status: result.status,
    log,
    rendered: Number(counts?.[1] ?? NaN),
    reused: Number(counts?.[2] ?? NaN),
    quick: /quick rebuild: only pages and their includes changed/.test(log),
    full: /scissors: full build: (.*)/.exec(log)?.[1],
  };
}

/** The same, which must succeed (the log's end in the failure message). */
export function scissorsBuildOk(dir: string, out = 'dist', env: Record<string, string> = {}): ScissorsBuild {
  const built = scissorsBuildIn(dir, out, env);
  assert.equal(built.status, 0, built.log.slice(-3000));
  return built;
}
