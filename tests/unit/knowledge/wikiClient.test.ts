import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../utils/knowledge/knowledgeError';
import { createWikiClient } from '../../../utils/knowledge/wikiClient';

type Reply = () => Response | Promise<Response>;
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

function scripted(replies: Reply[]) {
  const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
  const fetchFn: typeof fetch = async (input, init) => {
    calls.push({ url: String(input), init });
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    return next();
  };
  return { fetchFn, calls };
}

async function failure(p: Promise<unknown>): Promise<KnowledgeError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KnowledgeError) return err;
    throw err;
  }
  throw new Error('expected a KnowledgeError');
}

describe('wikiClient', () => {
  it('sends Api-User-Agent and no credentials', async () => {
    const { fetchFn, calls } = scripted([json({ ok: 1 })]);
    const client = createWikiClient({ fetch: fetchFn, userAgent: 'Backstory/0.1.0 (test)' });
    expect(await client.getJson('http://x/w/api.php')).toEqual({ ok: 1 });
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('Api-User-Agent')).toBe('Backstory/0.1.0 (test)');
    expect(calls[0]?.init?.credentials).toBe('omit');
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('retries 429/503/maxlag with doubling waits, or Retry-After when longer', async () => {
    const waits: number[] = [];
    const { fetchFn, calls } = scripted([
      json({}, 429),
      json({}, 503, { 'retry-after': '3' }),
      json({ error: { code: 'maxlag', info: 'Waiting for db: 2 seconds lagged.' } }),
      json({ done: true }),
    ]);
    const client = createWikiClient({ fetch: fetchFn, userAgent: 'ua', sleep: async (ms) => void waits.push(ms), backoffMs: 100 });
    expect(await client.getJson('http://x/')).toEqual({ done: true });
    expect(waits).toEqual([100, 3000, 400]);
    expect(calls).toHaveLength(4);
  });

  it('caps the wait so a reader is not kept waiting for minutes', async () => {
    const waits: number[] = [];
    const { fetchFn } = scripted([json({}, 429, { 'retry-after': '600' }), json({ ok: 1 })]);
    const client = createWikiClient({ fetch: fetchFn, userAgent: 'ua', sleep: async (ms) => void waits.push(ms), maxBackoffMs: 10_000 });
    await client.getJson('http://x/');
    expect(waits).toEqual([10_000]);
  });

  it('classifies failures: offline, http, malformed, timeout', async () => {
    const offline: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect((await failure(createWikiClient({ fetch: offline, userAgent: 'ua' }).getJson('http://x/'))).reason).toBe('offline');
    const { fetchFn: notFound } = scripted([json({ title: 'Not found.' }, 404)]);
    const http = await failure(createWikiClient({ fetch: notFound, userAgent: 'ua' }).getJson('http://x/'));
    expect([http.reason, http.status]).toEqual(['http', 404]);
    const { fetchFn: broken } = scripted([() => new Response('{"query":{', { status: 200 })]);
    expect((await failure(createWikiClient({ fetch: broken, userAgent: 'ua' }).getJson('http://x/'))).reason).toBe('malformed');
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    expect((await failure(createWikiClient({ fetch: hanging, userAgent: 'ua', timeoutMs: 50 }).getJson('http://x/'))).reason).toBe('timeout');
  });

  it('sends requests one after another even when callers do not wait', async () => {
    let inFlight = 0;
    let max = 0;
    const slow: typeof fetch = async () => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return new Response('{}');
    };
    const client = createWikiClient({ fetch: slow, userAgent: 'ua' });
    await Promise.all([client.getJson('http://x/1'), client.getJson('http://x/2'), client.getJson('http://x/3')]);
    expect(max).toBe(1);
    expect(client.requestCount).toBe(3);
  });

  it('a failure does not block the queue', async () => {
    const { fetchFn } = scripted([json({}, 500), json({ ok: 2 })]);
    const client = createWikiClient({ fetch: fetchFn, userAgent: 'ua' });
    const first = client.getJson('http://x/1');
    const second = client.getJson('http://x/2');
    expect((await failure(first)).reason).toBe('http');
    expect(await second).toEqual({ ok: 2 });
  });
});
