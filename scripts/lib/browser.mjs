// Finds the Chromium that Playwright drives (Debian's package), installing it when missing.
// Playwright's own browser download cannot work here, so we never ask for it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function which(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_BIN;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  for (const candidate of CANDIDATES) if (fs.existsSync(candidate)) return candidate;
  return which('chromium');
}

/** Install Debian packages (as root) when a command is missing. Returns true if all are present after. */
export function ensureDebianPackages(commands) {
  const missing = Object.entries(commands).filter(([command]) => !which(command)).map(([, pkg]) => pkg);
  if (missing.length === 0) return true;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    console.error(`[test] missing ${missing.join(', ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
    return false;
  }
  console.log(`[test] installing Debian packages: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  return Object.keys(commands).every((command) => which(command));
}
