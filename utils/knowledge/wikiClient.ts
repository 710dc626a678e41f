import { KnowledgeError } from './knowledgeError';

/*
 * Wikimedia's API etiquette (https://www.mediawiki.org/wiki/API:Etiquette): identify the client, make requests in
 * series, honour maxlag and Retry-After. Browsers forbid setting User-Agent, so we send `Api-User-Agent`, which
 * Wikimedia reads for exactly this case.
 */

/** Options for a Wikimedia API client. */
export interface WikiClientOptions {
  fetch: typeof fetch;
  /** Sent as Api-User-Agent: "Backstory/0.1.0 (https://…; contact)". */
  userAgent: string;
  /** Per-request timeout (default 8000 ms). */
  timeoutMs?: number;
  /** Retries after 429/503/maxlag (default 3). */
  maxRetries?: number;
  /** First back-off delay; doubles each retry unless Retry-After says more (default 500 ms). */
  backoffMs?: number;
  /** Upper bound for one back-off wait (default 10 000 ms): a reader is waiting. */
  maxBackoffMs?: number;
  /** Injected for tests; defaults to setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Called once per HTTP request actually sent (the bench counts with it). */
  onRequest?: (url: string) => void;
}

/** A client that GETs JSON from Wikimedia APIs one request at a time. */
export interface WikiClient {
  /** GET a URL and parse its JSON body; throws KnowledgeError. Action API `error` bodies are returned as parsed. */
  getJson(url: string): Promise<unknown>;
  /** Requests sent so far. */
  readonly requestCount: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isMaxlag(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'maxlag';
}

/** Creates a serial, polite JSON client over an injected fetch. */
export function createWikiClient(opts: WikiClientOptions): WikiClient {
  const timeoutMs = opts.timeoutMs ?? 8000;
  const maxRetries = opts.maxRetries ?? 3;
  const backoffMs = opts.backoffMs ?? 500;
  const maxBackoffMs = opts.maxBackoffMs ?? 10_000;
  const sleep = opts.sleep ?? defaultSleep;
  let queue: Promise<unknown> = Promise.resolve();
  let count = 0;

  async function once(url: string): Promise<{ retryAfterMs: number | null; body?: unknown }> {
    count++;
    opts.onRequest?.(url);
    let response: Response;
    try {
      response = await opts.fetch(url, {
        headers: { 'Api-User-Agent': opts.userAgent, Accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        credentials: 'omit',
      });
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new KnowledgeError('timeout', `No answer within ${timeoutMs} ms: ${url}`);
      // fetch rejects with a TypeError when the network is unreachable (offline, DNS, connection refused).
      throw new KnowledgeError('offline', `Network error: ${(err as Error).message}`);
    }
    const retryAfter = Number(response.headers.get('retry-after'));
    const retryAfterMs = Number.isFinite(retryAfter) && response.headers.get('retry-after') !== null ? retryAfter * 1000 : null;
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel().catch(() => undefined);
      return { retryAfterMs: retryAfterMs ?? -1 };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new KnowledgeError('http', `HTTP ${response.status} from ${url}`, response.status);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      const name = (err as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError') throw new KnowledgeError('timeout', `Body not complete within ${timeoutMs} ms: ${url}`);
      throw new KnowledgeError('offline', `Network error while reading: ${(err as Error).message}`);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new KnowledgeError('malformed', `Not JSON (${text.length} bytes) from ${url}`);
    }
    if (isMaxlag(body)) return { retryAfterMs: retryAfterMs ?? -1 };
    return { retryAfterMs: null, body };
  }

  async function run(url: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const { retryAfterMs, body } = await once(url);
      if (retryAfterMs === null) return body;
      if (attempt >= maxRetries) throw new KnowledgeError('http', `Still throttled after ${attempt + 1} attempts: ${url}`, 429);
      const exponential = backoffMs * 2 ** attempt;
      await sleep(Math.min(maxBackoffMs, Math.max(exponential, retryAfterMs)));
    }
  }

  return {
    getJson(url) {
      // Chain on the queue so requests go out one after another even when callers do not await each other.
      const next = queue.then(() => run(url));
      queue = next.catch(() => undefined);
      return next;
    },
    get requestCount() {
      return count;
    },
  };
}
