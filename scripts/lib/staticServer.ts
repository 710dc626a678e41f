import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running local server. */
export interface StaticServer {
  /** Base URL, e.g. "http://127.0.0.1:41234". */
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Serves `body` at `path` instead of a file (a changed version of a page, a page that is not an article…). */
  override(path: string, body: string, type?: string): void;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 (a random port unless given); `/x/` serves `x/index.html`. */
export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const requests: string[] = [];
  const overrides = new Map<string, { body: string; type: string }>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      const override = overrides.get(path);
      if (override) {
        res.writeHead(200, { 'content-type': override.type, 'cache-control': 'no-store' });
        res.end(override.body);
        return;
      }
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        // Saved real pages carry their sites' scripts: they must not run here (they would try to reach the
        // internet). A CSP header blocks page scripts; extension content scripts are not subject to it.
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          'content-security-policy': "script-src 'none'",
        });
        res.end(body);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    requests,
    override: (path, body, type = 'text/html; charset=utf-8') => overrides.set(path, { body, type }),
    // Idle keep-alive connections from the browser would hold close() open for as long as the browser keeps them.
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}
