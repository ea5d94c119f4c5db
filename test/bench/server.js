// A local origin for every page and every tool's files, so the runs depend on no network and serve each tool the
// same way: HTTP/1.1 with keep-alive, text compressed as a CDN would (br or gzip at their best levels, compressed
// once and kept). By default nothing may be cached, so every load downloads (and compiles) the tool afresh, as a
// visitor whose cache expired would. `{ caching: true }` serves as a real site does instead: static files (the
// tools', the site's stylesheet and image) with `Cache-Control: public, max-age=3600` and an ETag, answered with
// 304 when the browser revalidates; pages with `no-cache`.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ASSETS, PAGES, SITE_ASSETS } from './pages.js';
import { brotli, DIST, gzip, modulePath } from './sizes.js';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.gif': 'image/gif',
  '.png': 'image/png',
};
// The smallest valid GIF: lets hundreds of first-party <img> load without costing decode time.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** URL prefix → directory; each tool's files are served under its own prefix so responses can be attributed. */
const MOUNTS = {
  '/tools/consentry/': DIST,
  '/tools/cc/': modulePath('vanilla-cookieconsent/dist'),
  '/tools/klaro/': modulePath('klaro/dist'),
  '/tools/yett/': modulePath('yett/dist'),
};

/** Every body in every encoding, made once: key → { identity, gzip, br, etag }. */
const bodies = new Map();
function variants(key, make) {
  if (!bodies.has(key)) {
    const identity = Buffer.from(make());
    const etag = createHash('sha1').update(identity).digest('base64url');
    bodies.set(key, { identity, gzip: gzip(identity), br: brotli(identity), etag });
  }
  return bodies.get(key);
}

function pickEncoding(header = '') {
  const offered = header.split(',').map((s) => s.trim().split(';')[0]);
  return offered.includes('br') ? 'br' : offered.includes('gzip') ? 'gzip' : 'identity';
}

/** What a path serves: its cache key, content type, how to make its body, and whether it is a static file. */
function route(path, query) {
  if (path.startsWith('/page/')) {
    const page = PAGES[path.slice('/page/'.length)];
    if (page) return { key: `${path}?${query}`, type: TYPES['.html'], make: () => page(query) };
  }
  if (path.startsWith('/bench/')) {
    const asset = ASSETS[path.slice('/bench/'.length)];
    if (asset !== undefined) return { key: path, type: TYPES[extname(path)], make: () => asset, static: true };
  }
  if (path.startsWith('/site/')) {
    const asset = SITE_ASSETS[path.slice('/site/'.length)];
    if (asset !== undefined) return { key: path, type: TYPES[extname(path)], make: asset, static: true };
  }
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!path.startsWith(prefix)) continue;
    const file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) return;
    return {
      key: file,
      type: TYPES[extname(file)] ?? 'application/octet-stream',
      make: () => readFileSync(file),
      static: true,
    };
  }
}

export async function startServer({ caching = false } = {}) {
  // A page asked for with `preload=1` goes through the built middleware with preloadBanner, as a site would serve it: its
  // Link header preloads the loader and, on a first visit, the banner's UI file and its language (the config names
  // the language the bench pages' <html lang> gives the loader).
  const { consentryMiddleware } = await import(join(DIST, 'node/middleware.js'));
  const preloading = consentryMiddleware({
    preloadLoader: '/tools/consentry/consentry.js',
    preloadBanner: true,
    config: { language: 'en' },
  });
  const server = createServer((req, res) => {
    if (/^\/page\/[^?]*\?(?:.*&)?preload=1(?:&|$)/.test(req.url)) preloading(req, res, () => answer(req, res));
    else answer(req, res);
  });
  const answer = (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/api/') || path === '/x') {
      res.writeHead(204, { 'cache-control': 'no-store' });
      return res.end();
    }
    if (path.startsWith('/img/') || path === '/local.gif') {
      res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'max-age=3600' });
      return res.end(GIF);
    }
    if (path === '/local.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      return res.end();
    }
    const found = route(path, url.searchParams);
    let body;
    try {
      body = found && variants(found.key, found.make);
    } catch {} // a file that is not there: 404
    if (!body) {
      res.writeHead(404, { 'cache-control': 'no-store' });
      return res.end();
    }
    // Images are compressed already; a server sends them as they are.
    const compressible = /^text\//.test(found.type);
    const encoding = compressible ? pickEncoding(req.headers['accept-encoding']) : 'identity';
    const headers = { 'content-type': found.type };
    if (compressible) headers.vary = 'accept-encoding';
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (caching && found.static) {
      headers['cache-control'] = 'public, max-age=3600';
      headers.etag = `"${body.etag}-${encoding}"`;
      if (req.headers['if-none-match'] === headers.etag) {
        res.writeHead(304, headers);
        return res.end();
      }
    } else {
      headers['cache-control'] = caching ? 'no-cache' : 'no-store';
    }
    headers['content-length'] = body[encoding].length;
    res.writeHead(200, headers);
    res.end(body[encoding]);
  };
  return await new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      done({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(r);
          }),
      });
    });
  });
}
