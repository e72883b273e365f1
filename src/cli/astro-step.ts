/**
 * The command line of the child process `scissors build` runs Astro's build in. The child gets
 * the parent's own Node options (a user's --inspect, --max-old-space-size, … still apply) plus
 * V8 heap settings of its own that the parent process never gets.
 */

/**
 * V8 grows the old generation to a multiple of the live heap after each full collection (up to
 * 4× here): after the docs loader renders every page, ~160 MB live sat in ~600 MB of heap and the
 * bundling that follows added to it. A growth of 1.5× keeps the heap closer to what is live,
 * without a hard limit a large site could run into.
 */
export const ASTRO_STEP_V8_FLAGS: readonly string[] = ['--heap-growing-percent=50'];

/** A flag's name without its value: `--heap-growing-percent=50` → `heap-growing-percent` (V8 takes - and _ alike). */
const flagName = (flag: string) => flag.replace(/^--/, '').split('=')[0]?.replaceAll('_', '-') ?? '';

/** Node arguments for the child: the parent's, then those of ours the user did not set. */
export function astroStepArgv(execArgv: readonly string[], script: string, args: readonly string[]): string[] {
  const given = new Set(execArgv.filter((a) => a.startsWith('--')).map(flagName));
  const ours = ASTRO_STEP_V8_FLAGS.filter((flag) => !given.has(flagName(flag)));
  return [...execArgv, ...ours, script, ...args];
}
