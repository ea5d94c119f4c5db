// The demo's web server: static files from demo/ and dist/ at the root, under a strict Content-Security-Policy,
// so the demo shows Consentry working without 'unsafe-inline' or 'unsafe-eval'. node:http, plus Consentry's own
// middleware (dist/node/middleware.js, as a site imports `consentry/middleware`): every HTML page streams through
// it, so the vendors' static tags reach the browser already marked and its preload scanner fetches none of them.
// What it marked on each page is served as JSON at /consentry-marked.json?path=<page path>, for the page's panel.
//
//   npm run demo            (builds dist/, then runs this file)
//   PORT=3000 node demo/server.js

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consentryMiddleware } from '../dist/node/middleware.js';

const here = dirname(fileURLToPath(import.meta.url));
const roots = [here, join(here, '..', 'dist')];

// Same-origin scripts and styles only; vendors may load from https (their requests fail offline, which is fine:
// the demo is about what leaves the page *before* consent).
const CSP = [
  "default-src 'self'",
  "script-src 'self' https:",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self' https:",
  'frame-src https:',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

// The Chinese pages are the English page with another <html lang>: the banner follows the page's language.
const LANG_PAGES = { '/zh-hant.html': 'zh-Hant', '/zh-hans.html': 'zh-Hans' };

async function find(path) {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) continue; // no ../ escapes
    try {
      return { file, body: await readFile(file) };
    } catch {
      // not in this root
    }
  }
  return undefined;
}

/** Page path → the tags the middleware marked in its latest response. */
const marked = new Map();
const pathOf = (url) => {
  try {
    const path = decodeURIComponent(new URL(url ?? '/', 'http://demo').pathname);
    return path.endsWith('/') ? path + 'index.html' : path;
  } catch {
    return '';
  }
};
const marking = consentryMiddleware({
  onMarked: (req, tags) =>
    marked.set(
      pathOf(req.url),
      tags.map((t) => ({ tag: t.tag, vendor: t.vendor, categories: t.categories, url: t.urls[0] })),
    ),
});

async function handle(req, res) {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://demo').pathname);
  } catch {
    path = '';
  }
  if (path.endsWith('/')) path += 'index.html';
  const lang = LANG_PAGES[path];
  const found = path && !path.includes('\0') ? await find(lang ? '/index.html' : path) : undefined;
  const headers = {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Cache-Control': 'no-store',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  if (path === '/consentry-marked.json') {
    const page = pathOf(new URL(req.url ?? '/', 'http://demo').searchParams.get('path') || '/');
    const body = JSON.stringify({ path: page, marked: marked.get(page) ?? null });
    res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'] }).end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  if (!found) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end(`Not found: ${path}\n`);
    return;
  }
  let body = found.body;
  if (lang) body = Buffer.from(body.toString('utf8').replace('<html lang="en">', `<html lang="${lang}">`));
  res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(found.file)] ?? 'application/octet-stream' });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function listen(port) {
  const server = createServer((req, res) => {
    const fail = (e) => {
      console.error(e);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    };
    marking(req, res, () => handle(req, res).catch(fail));
  });
  server.once('error', (e) => {
    if (e.code === 'EADDRINUSE' && port !== 0) {
      console.log(`Port ${port} is taken; using a free port instead.`);
      listen(0);
    } else {
      throw e;
    }
  });
  server.listen(port, '127.0.0.1', () => {
    const { port: actual } = server.address();
    console.log(`Consentry demo: http://localhost:${actual}/  (Ctrl+C to stop)`);
  });
}

const wanted = Number(process.env.PORT ?? 8080);
listen(Number.isInteger(wanted) && wanted >= 0 && wanted < 65536 ? wanted : 8080);
