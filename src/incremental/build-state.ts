/**
 * What a finished `scissors build` leaves for the next one to start from: the site hash it was
 * built under, every file of its output with size and modification time (an output folder
 * touched since is not built upon), and which save of the render cache it left. Written only after the whole build (search index included) succeeded, removed
 * before any build writes to the output.
 */
import fs from 'node:fs';
import path from 'node:path';

const FORMAT = 1;
export const BUILD_STATE_FILE = 'scissors-build-state.json';

export interface BuildState {
  format: number;
  site: string;
  outDir: string;
  /** The render cache the build left (its save's name): another build in between (a check, Astro's own) replaced it. */
  renderCache: string;
  /** relative path → [size, modification time in ms]. */
  files: Record<string, [number, number]>;
}

export function readBuildState(file: string): BuildState | undefined {
  try {
    const state = JSON.parse(fs.readFileSync(file, 'utf8')) as BuildState;
    return state.format === FORMAT ? state : undefined;
  } catch {
    return undefined;
  }
}

export function writeBuildState(file: string, state: Omit<BuildState, 'format'>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ format: FORMAT, ...state }));
  fs.renameSync(tmp, file);
}

export function removeBuildState(file: string): void {
  fs.rmSync(file, { force: true });
}

/** Every file under `outDir` with its size and modification time. */
export function outputFiles(outDir: string): BuildState['files'] {
  const files: BuildState['files'] = {};
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(outDir, { recursive: true, withFileTypes: true }) as fs.Dirent[];
  } catch {
    return files;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const stat = fs.statSync(file);
    files[path.relative(outDir, file).split(path.sep).join('/')] = [stat.size, stat.mtimeMs];
  }
  return files;
}

/** The first file that differs between two listings (added, removed, resized or touched), or undefined. */
export function changedOutputFile(recorded: BuildState['files'], now: BuildState['files']): string | undefined {
  for (const [file, [size, mtime]] of Object.entries(recorded)) {
    const current = now[file];
    if (!current || current[0] !== size || current[1] !== mtime) return file;
  }
  return Object.keys(now).find((file) => !(file in recorded));
}

/** The output file a page id is built into: `id/index.html` (directory URLs) or `id.html`. */
export function pageOutputFile(id: string, directoryUrls: boolean): string {
  if (id === 'index' || id === '') return 'index.html';
  return directoryUrls ? `${id}/index.html` : `${id}.html`;
}
