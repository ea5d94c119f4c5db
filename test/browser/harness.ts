/**
 * Shared by every browser test: a system Chromium, a tiny static server for in-memory pages plus `dist/`,
 * and a stand-in for the whole third-party internet that answers tracker hosts locally and counts every hit.
 *
 * The machine has no internet, so every request that does not go to the local server is answered by a route:
 * that is both what keeps tests offline and what lets them count what a page leaked.
 *
 *   const browser = await launch();
 *   const site = await serve({ '/index.html': html });
 *   const context = await browser.newContext();
 *   const net = await trackers(context, vendorStubs);
 *   const page = await context.newPage();
 *   await page.goto(site.url('/index.html'));
 *   expect(net.count('www.facebook.com/tr')).toBe(0);
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { launchChromium } from '../../src/node/browser';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');

// ---------------------------------------------------------------------------------------------------------------
// Browser

/** The system Chromium, headless, found like the CLI finds it (`src/node/browser.ts`): `CHROMIUM`, else /usr/bin/chromium. */
export const launch = (): Promise<Browser> => launchChromium();

// ---------------------------------------------------------------------------------------------------------------
// First-party server

export interface Served {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  url(path: string): string;
  /** Paths requested so far, in order (query strings kept), e.g. to assert that `/consentry-ui.js` was never fetched. */
  log: string[];
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Content-Security-Policy header on HTML responses. */
  csp?: string;
  /** Extra headers on every response. */
  headers?: Record<string, string>;
  /** A Connect-style middleware every request goes through first (e.g. `consentry/middleware`). */
  middleware?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  /**
   * Answers a request itself when it returns true (a `Set-Cookie`, a redirect, a response that never ends);
   * otherwise `files` and `dist/` answer it as usual.
   */
  handle?: (req: IncomingMessage, res: ServerResponse) => boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `files` (path → body) and, behind them, everything under `dist/` at the root, on 127.0.0.1 with a random
 * port. `dist/` is read per request, so a rebuild is picked up without restarting. `/` serves `/index.html`.
 */
export async function serve(files: Record<string, string>, opts: ServeOptions = {}): Promise<Served> {
  const log: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url || '/';
    log.push(raw);
    if (opts.handle?.(req, res)) return;
    let path = decodeURIComponent(raw.split('?')[0]);
    if (path.endsWith('/')) path += 'index.html';
    let body: string | Buffer | undefined = files[path];
    if (body === undefined) {
      const file = normalize(join(DIST, path));
      if (file.startsWith(DIST + '/') && existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    }
    const headers: Record<string, string> = { 'cache-control': 'no-store', ...opts.headers };
    if (body === undefined) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    headers['content-type'] = type;
    if (opts.csp && type.startsWith('text/html')) headers['content-security-policy'] = opts.csp;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  };
  const server = createServer((req, res) =>
    opts.middleware ? opts.middleware(req, res, () => handle(req, res)) : handle(req, res),
  );
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Third parties

export interface Hit {
  url: string;
  host: string;
  /** Path and query, e.g. `/tr?id=1&ev=PageView`. */
  path: string;
  /** Playwright's resource type (`script`, `image`, `ping`, `fetch`, `xhr`, `document`, ...), or `websocket`. */
  type: string;
  method: string;
  /** Request body, when there is one (beacons, POSTs). */
  body?: string;
  /** `Date.now()` when it arrived. */
  time: number;
}

/**
 * Which hits to count: a host (`hotjar.com` also matches `static.hotjar.com`), a host+path prefix
 * (`www.facebook.com/tr`), or a predicate.
 */
export type HitFilter = string | ((hit: Hit) => boolean);

export interface Trackers {
  /** Every request that left for a non-local host, in arrival order. */
  hits: Hit[];
  count(filter?: HitFilter): number;
  /** Resolves with the first matching hit (already arrived or to come); rejects after `timeout` ms naming the filter. */
  waitFor(filter: HitFilter, timeout?: number): Promise<Hit>;
  /** Forget the hits so far (e.g. between "before" and "after consent"). */
  reset(): void;
}

/** Does a hit match a filter? Exported so tests can build their own summaries. */
export function matches(hit: Hit, filter: HitFilter = () => true): boolean {
  if (typeof filter === 'function') return filter(hit);
  const slash = filter.indexOf('/');
  const host = slash < 0 ? filter : filter.slice(0, slash);
  const onHost = hit.host === host || hit.host.endsWith('.' + host);
  return onHost && (slash < 0 || hit.path.startsWith(filter.slice(slash)));
}

const isLocal = (url: URL) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * Answer every non-local request of `context` locally and record it. `stubs` maps a host or host+path prefix to a
 * JS body served for script requests there (the longest matching key wins), so a vendor's loader "runs" offline.
 * Other answers: a 1×1 GIF for images, 204 for beacons, pings, fetch and XHR, a tiny HTML page for frames, an empty
 * 200 for anything else. WebSockets are accepted and their messages dropped.
 * Call it before `context.newPage()`.
 */
export async function trackers(context: BrowserContext, stubs: Record<string, string> = {}): Promise<Trackers> {
  const hits: Hit[] = [];
  const waiters: { filter: HitFilter; ok: (h: Hit) => void }[] = [];
  const keys = Object.keys(stubs).sort((a, b) => b.length - a.length);

  const record = (url: string, type: string, method: string, body?: string): Hit => {
    const u = new URL(url);
    const hit: Hit = { url, host: u.hostname, path: u.pathname + u.search, type, method, time: Date.now() };
    if (body) hit.body = body;
    hits.push(hit);
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (matches(hit, waiters[i].filter)) waiters.splice(i, 1)[0].ok(hit);
    }
    return hit;
  };

  await context.route(
    (url) => !isLocal(url) && url.protocol.startsWith('http'),
    async (route) => {
      const req: Request = route.request();
      const type = req.resourceType();
      const hit = record(req.url(), type, req.method(), req.postData() ?? undefined);
      const cors = { 'access-control-allow-origin': '*' };
      if (type === 'script') {
        const key = keys.find((k) => matches(hit, k));
        return route.fulfill({
          status: 200,
          headers: cors,
          contentType: 'text/javascript',
          body: key ? stubs[key] : '',
        });
      }
      if (type === 'image') return route.fulfill({ status: 200, headers: cors, contentType: 'image/gif', body: GIF });
      if (type === 'document')
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><title>${hit.host}</title>`,
        });
      if (type === 'eventsource')
        return route.fulfill({ status: 200, headers: cors, contentType: 'text/event-stream', body: 'data: hi\n\n' });
      if (['ping', 'fetch', 'xhr', 'beacon'].includes(type)) return route.fulfill({ status: 204, headers: cors });
      return route.fulfill({ status: 200, headers: cors, body: '' });
    },
  );

  await context.routeWebSocket(
    (url) => !isLocal(url),
    (ws) => {
      // A WebSocket is counted when the page opens it; the page side sees an open socket that never answers.
      record(ws.url(), 'websocket', 'GET');
      ws.onMessage(() => {});
    },
  );

  return {
    hits,
    count: (filter) => hits.filter((h) => matches(h, filter)).length,
    waitFor(filter, timeout = 5000) {
      const seen = hits.find((h) => matches(h, filter));
      if (seen) return Promise.resolve(seen);
      return new Promise<Hit>((ok, fail) => {
        const waiter = {
          filter,
          ok: (h: Hit) => {
            clearTimeout(timer);
            ok(h);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          fail(new Error(`no request matching ${String(filter)} within ${timeout} ms`));
        }, timeout);
        waiters.push(waiter);
      });
    },
    reset: () => void hits.splice(0),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Page helpers

/** Names of the cookies in the context's jar (all domains), sorted. */
export async function cookieNames(context: BrowserContext): Promise<string[]> {
  return (await context.cookies()).map((c) => c.name).sort();
}

/**
 * Wait for `load`, then until no request of this page has been in flight for `ms` ms (at most `max` ms in all).
 * For "nothing more will come" moments; when a concrete signal exists (a hit, an event), wait for that instead.
 */
export async function waitQuiet(page: Page, ms = 300, max = 10_000): Promise<void> {
  await page.waitForLoadState('load');
  const inflight = new Set<Request>();
  const on = (r: Request) => void inflight.add(r);
  const off = (r: Request) => void inflight.delete(r);
  page.on('request', on);
  page.on('requestfinished', off);
  page.on('requestfailed', off);
  try {
    const end = Date.now() + max;
    let quietSince = Date.now();
    while (Date.now() < end) {
      // A node timer, not page.waitForTimeout: no round trip to the browser per tick.
      await new Promise((ok) => setTimeout(ok, 50));
      if (inflight.size) quietSince = Date.now();
      else if (Date.now() - quietSince >= ms) return;
    }
  } finally {
    page.off('request', on);
    page.off('requestfinished', off);
    page.off('requestfailed', off);
  }
}
