/**
 * URL includes, for when they are turned on: https only, allowed hosts only, bounded in size
 * and time, optionally pinned by SHA-256, and cached on disk so a rebuild works offline.
 * The expander stays synchronous: it asks `UrlStore.get` and lists what it still needs;
 * `UrlStore.fetchAll` downloads those between two expansion passes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import type { SnippetErrorCode } from './errors.ts';
import type { SnippetOptions } from './options.ts';

export type UrlResult = { ok: true; bytes: Buffer; stale?: string } | { ok: false; code: SnippetErrorCode; message: string };

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Why a URL may not be fetched under these options, or null if it may. */
export function urlPolicyError(url: string, options: SnippetOptions): { code: SnippetErrorCode; message: string } | null {
  if (!options.urlDownload) {
    return { code: 'URL_DISABLED', message: `URL snippet "${url}" was not fetched: URL includes are turned off.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'URL_NOT_ALLOWED', message: `"${url}" is not a valid URL.` };
  }
  if (parsed.protocol !== 'https:') return { code: 'URL_NOT_ALLOWED', message: `URL snippet "${url}" must use https.` };
  if (!options.urlAllowHosts.includes(parsed.hostname)) {
    return {
      code: 'URL_NOT_ALLOWED',
      message: `URL snippet host "${parsed.hostname}" is not in urlAllowHosts (${options.urlAllowHosts.join(', ') || 'empty'}).`,
    };
  }
  return null;
}

function download(url: string, options: SnippetOptions, redirects = 0): Promise<UrlResult> {
  return new Promise((resolve) => {
    const request = https.get(url, { timeout: options.urlTimeout * 1000, ca: options.urlCa ? [options.urlCa] : undefined }, (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location) {
        response.resume();
        const next = new URL(response.headers.location, url).toString();
        const policy = urlPolicyError(next, options);
        if (policy) return resolve({ ok: false, code: policy.code, message: `Redirect from "${url}" refused: ${policy.message}` });
        if (redirects >= 3) return resolve({ ok: false, code: 'URL_FETCH_FAILED', message: `Too many redirects from "${url}".` });
        return void download(next, options, redirects + 1).then(resolve);
      }
      if (status !== 200) {
        response.resume();
        return resolve({ ok: false, code: 'URL_FETCH_FAILED', message: `Cannot download snippet "${url}" (HTTP ${status}).` });
      }
      const declared = Number(response.headers['content-length'] ?? NaN);
      if (Number.isFinite(declared) && declared > options.urlMaxSize) {
        response.destroy();
        return resolve({ ok: false, code: 'URL_TOO_LARGE', message: `URL snippet "${url}" is ${declared} bytes, over urlMaxSize (${options.urlMaxSize}).` });
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.urlMaxSize) {
          response.destroy();
          resolve({ ok: false, code: 'URL_TOO_LARGE', message: `URL snippet "${url}" is over urlMaxSize (${options.urlMaxSize} bytes).` });
          return;
        }
        chunks.push(chunk);
      });
      response.on('end', () => resolve({ ok: true, bytes: Buffer.concat(chunks) }));
      response.on('error', (error) => resolve({ ok: false, code: 'URL_FETCH_FAILED', message: `Cannot download snippet "${url}": ${error.message}.` }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.urlTimeout} s`)));
    request.on('error', (error) => resolve({ ok: false, code: 'URL_FETCH_FAILED', message: `Cannot download snippet "${url}": ${error.message}.` }));
  });
}

export class UrlStore {
  private readonly memory = new Map<string, UrlResult>();
  /** Network requests made (for tests and the benchmark). */
  requests = 0;

  private readonly options: SnippetOptions;

  constructor(options: SnippetOptions) {
    this.options = options;
  }

  private cacheFile(url: string): string {
    return path.join(this.options.urlCacheDir, `${sha256(Buffer.from(url))}.bin`);
  }

  private checkPin(url: string, result: UrlResult): UrlResult {
    const pin = this.options.urlPins[url];
    if (!result.ok || !pin) return result;
    const actual = sha256(result.bytes);
    return actual === pin.toLowerCase()
      ? result
      : { ok: false, code: 'URL_HASH_MISMATCH', message: `URL snippet "${url}" has SHA-256 ${actual}, but urlPins expects ${pin}.` };
  }

  /** What is known about `url` now: content, an error, or undefined (not fetched yet). */
  get(url: string): UrlResult | undefined {
    return this.memory.get(url);
  }

  /** Fetch every URL not known yet: fresh cache first, then the network, then a stale cache. */
  async fetchAll(urls: Iterable<string>): Promise<void> {
    await Promise.all(
      [...new Set(urls)].filter((u) => !this.memory.has(u)).map(async (url) => {
        const file = this.cacheFile(url);
        const cached = fs.existsSync(file) ? fs.statSync(file) : null;
        const age = cached ? (Date.now() - cached.mtimeMs) / 1000 : Infinity;
        if (cached && this.options.urlCacheMaxAge > 0 && age < this.options.urlCacheMaxAge) {
          this.memory.set(url, this.checkPin(url, { ok: true, bytes: fs.readFileSync(file) }));
          return;
        }
        this.requests++;
        let result = this.checkPin(url, await download(url, this.options));
        if (result.ok) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          // Written aside and renamed: another process (a build's page worker) may read it meanwhile.
          const partial = `${file}.${process.pid}.partial`;
          fs.writeFileSync(partial, result.bytes);
          fs.renameSync(partial, file);
        } else if (cached && result.code === 'URL_FETCH_FAILED') {
          // Offline: the last good copy, with a warning saying so.
          const stale = this.checkPin(url, { ok: true, bytes: fs.readFileSync(file) });
          if (stale.ok) result = { ...stale, stale: result.message };
        }
        this.memory.set(url, result);
      }),
    );
  }
}
