/**
 * External links: a policy checked offline (well-formed, https unless allowed, allow and deny
 * lists), and with `--external` a real HTTP check — bounded concurrency, timeouts, retries with
 * backoff, 429 Retry-After respected, and a cache file so a second run is fast.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ExternalPolicy {
  /** Hosts that may be linked over plain http. */
  allowHttpHosts: string[];
  /** If not empty, only these hosts (or URL prefixes) may be linked. */
  allow: string[];
  /** Hosts or URL prefixes that may not be linked. */
  deny: string[];
}

function matches(url: URL, entries: string[]): boolean {
  return entries.some((entry) => (entry.includes('/') ? url.toString().startsWith(entry) : url.hostname === entry || url.hostname.endsWith(`.${entry}`)));
}

/** Why a URL breaks the policy, or null. */
export function externalPolicyProblem(raw: string, policy: ExternalPolicy): { code: string; message: string } | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { code: 'EXTERNAL_BAD_URL', message: `"${raw}" is not a well-formed URL.` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { code: 'EXTERNAL_BAD_URL', message: `"${raw}" uses the unsupported scheme ${url.protocol}` };
  if (!url.hostname) return { code: 'EXTERNAL_BAD_URL', message: `"${raw}" has no host.` };
  if (url.protocol === 'http:' && !policy.allowHttpHosts.includes(url.hostname)) {
    return { code: 'EXTERNAL_INSECURE', message: `"${raw}" uses http; link the https address (or allow the host in check.external.allowHttpHosts).` };
  }
  if (matches(url, policy.deny)) return { code: 'EXTERNAL_DENIED', message: `"${raw}" is on the deny list (check.external.deny).` };
  if (policy.allow.length > 0 && !matches(url, policy.allow)) return { code: 'EXTERNAL_DENIED', message: `"${raw}" is not on the allow list (check.external.allow).` };
  return null;
}

export interface HttpCheckOptions {
  concurrency: number;
  timeoutMs: number;
  retries: number;
  /** First retry delay; doubles each time. */
  backoffMs: number;
  /** Longest Retry-After honoured, so one server cannot stall the run. */
  maxRetryAfterMs: number;
  cacheFile?: string;
  /** Seconds a good result stays valid in the cache. */
  cacheTtl: number;
}

export interface HttpResult {
  ok: boolean;
  status?: number;
  error?: string;
  fromCache?: boolean;
}

interface CacheFile {
  version: 1;
  entries: Record<string, { status: number; checkedAt: number }>;
}

function readCache(file: string | undefined): CacheFile {
  if (!file) return { version: 1, entries: {} };
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    return data.version === 1 ? data : { version: 1, entries: {} };
  } catch {
    return { version: 1, entries: {} };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

async function checkOne(url: string, options: HttpCheckOptions): Promise<HttpResult> {
  let last: HttpResult = { ok: false, error: 'not checked' };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    let wait = options.backoffMs * 2 ** attempt;
    try {
      let response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
      // Some servers refuse HEAD; ask again with GET before calling the link broken.
      if (response.status === 405 || response.status === 501 || response.status === 403) {
        response = await fetch(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(options.timeoutMs) });
        await response.body?.cancel();
      }
      if (response.ok) return { ok: true, status: response.status };
      last = { ok: false, status: response.status };
      if (response.status === 429) {
        const after = retryAfterMs(response.headers.get('retry-after'));
        if (after !== null) wait = Math.min(after, options.maxRetryAfterMs);
      } else if (response.status < 500) {
        return last; // 404 and friends will not get better by asking again
      }
    } catch (error) {
      last = { ok: false, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
    }
    if (attempt < options.retries) await sleep(wait);
  }
  return last;
}

export async function checkExternalUrls(urls: string[], options: HttpCheckOptions): Promise<Map<string, HttpResult>> {
  const cache = readCache(options.cacheFile);
  const results = new Map<string, HttpResult>();
  const now = Date.now();
  const queue: string[] = [];
  for (const url of new Set(urls)) {
    const entry = cache.entries[url];
    if (entry && (now - entry.checkedAt) / 1000 < options.cacheTtl) results.set(url, { ok: true, status: entry.status, fromCache: true });
    else queue.push(url);
  }
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency, queue.length)) }, async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const result = await checkOne(url, options);
      results.set(url, result);
      // Only good answers are cached: a broken link is asked again next time.
      if (result.ok && result.status) cache.entries[url] = { status: result.status, checkedAt: Date.now() };
    }
  });
  await Promise.all(workers);
  if (options.cacheFile) {
    fs.mkdirSync(path.dirname(options.cacheFile), { recursive: true });
    fs.writeFileSync(options.cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  }
  return results;
}
