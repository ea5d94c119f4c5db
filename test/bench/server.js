// A local origin for every page and every tool's files, so the runs depend on no network and
// serve each tool the same way: compressed like a CDN would, never cached, so every load downloads (and
// compiles) the tool afresh, as a visitor whose cache expired would.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { ASSETS, PAGES } from './pages.js';
import { brotli, DIST, gzip, modulePath } from './sizes.js';

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.gif': 'image/gif' };
// The smallest valid GIF: lets hundreds of first-party <img> load without costing decode time.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** URL prefix → directory; each tool's files are served under its own prefix so responses can be attributed. */
const MOUNTS = {
  '/tools/consentry/': DIST,
  '/tools/cc/': modulePath('vanilla-cookieconsent/dist'),
  '/tools/klaro/': modulePath('klaro/dist'),
  '/tools/yett/': modulePath('yett/dist'),
};

const cache = new Map();
function encoded(file, encoding) {
  const key = `${file}|${encoding}`;
  if (!cache.has(key)) {
    const body = readFileSync(file);
    cache.set(key, encoding === 'br' ? brotli(body) : encoding === 'gzip' ? gzip(body) : body);
  }
  return cache.get(key);
}

function pickEncoding(header = '') {
  const offered = header.split(',').map((s) => s.trim().split(';')[0]);
  return offered.includes('br') ? 'br' : offered.includes('gzip') ? 'gzip' : 'identity';
}

function sendText(res, type, text) {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
  res.end(text);
}

export function startServer() {
  const server = createServer((req, res) => {
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
    if (path === '/local.js') return sendText(res, 'text/javascript', '');
    if (path.startsWith('/page/')) {
      const page = PAGES[path.slice('/page/'.length)];
      if (page) return sendText(res, 'text/html', page(url.searchParams));
    }
    if (path.startsWith('/bench/')) {
      const asset = ASSETS[path.slice('/bench/'.length)];
      if (asset !== undefined) return sendText(res, TYPES[extname(path)] ?? 'text/plain', asset);
    }
    for (const [prefix, dir] of Object.entries(MOUNTS)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      const encoding = pickEncoding(req.headers['accept-encoding']);
      let body;
      try {
        body = encoded(file, encoding);
      } catch {
        break;
      }
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        vary: 'accept-encoding',
      });
      return res.end(body);
    }
    res.writeHead(404, { 'cache-control': 'no-store' });
    res.end();
  });
  return new Promise((done) => {
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
