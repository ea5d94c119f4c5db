// The HTML rewriter's two figures (`npm run bench`, or `node test/bench/mark.js` for these alone):
// 1. the core's throughput on a 1 MB page, beside parse5-html-rewriting-stream (the other way to rewrite HTML with
//    parse5's tokenizer, doing no work of its own: the floor of what that road costs);
// 2. the middleware's added time to first (and last) byte, beside serving the same file unrewritten, for an app that
//    sends the page in one write and for one that streams it from disk.
// Built code (dist/node) is measured, as a site runs it. Loopback only; every loop is bounded.
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import * as report from './report.js';
import { ROOT } from './sizes.js';

const MB = 1024 * 1024;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A 1 MB shop page: markup-heavy text, first-party images, inline scripts, and vendors' static tags every so often. */
export function megabytePage() {
  const block = (i) => `<article class="product" id="p${i}">
  <h2>Tea number ${i}</h2><img src="/img/tea-${i}.webp" srcset="/img/tea-${i}@2x.webp 2x" alt="Tea ${i}" width="320" height="240">
  <p>Small harvest from a family farm &amp; shipped fresh. <a href="/tea/${i}">Details</a> · <span class="price">€${i % 40}.00</span></p>
  <script>window.shop && shop.track(${i});</script>
  ${i % 25 === 0 ? `<img src="https://www.facebook.com/tr?id=1&amp;ev=ViewContent&amp;cd[i]=${i}" width="1" height="1" alt="">` : ''}
  ${i % 50 === 0 ? '<iframe src="https://www.youtube.com/embed/abc" title="Video" allowfullscreen></iframe>' : ''}
</article>\n`;
  let html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script src="/consentry.js"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-BENCH"></script>
<link rel="preconnect" href="https://connect.facebook.net"><link rel="stylesheet" href="/style.css">
</head><body>\n`;
  for (let i = 0; html.length < MB - 200; i++) html += block(i);
  return html + '</body></html>\n';
}

async function viaRewritingStream(html) {
  const rewriter = new RewritingStream();
  // No decision at all: every tag goes out as it came in.
  rewriter.on('startTag', (_tag, raw) => rewriter.emitRaw(raw));
  let out = 0;
  await pipeline(
    Readable.from(chunks(html)),
    rewriter,
    new Writable({
      decodeStrings: false,
      write(c, _e, cb) {
        out += c.length;
        cb();
      },
    }),
  );
  return out;
}

function* chunks(html, size = 64 * 1024) {
  for (let i = 0; i < html.length; i += size) yield html.slice(i, i + size);
}

/**
 * MB/s of `fn(html)`, medians of `runs` after a warm-up: per second of this process's CPU time (steady on a shared
 * machine, where other processes stretch wall time) and per second of wall time.
 */
async function throughput(html, runs, fn) {
  for (let i = 0; i < 3; i++) await fn(html);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    await fn(html);
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const mb = html.length / MB;
  return {
    cpuMs: median(cpu),
    wallMs: median(wall),
    mbPerCpuSecond: mb / (median(cpu) / 1000),
    mbPerSecond: mb / (median(wall) / 1000),
  };
}

/** One GET on loopback: ms to the response headers, to the first body byte, to the last. */
function get(port, path) {
  return new Promise((ok, fail) => {
    const t0 = process.hrtime.bigint();
    const at = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let first;
      let bytes = 0;
      res.on('data', (d) => {
        first ??= at();
        bytes += d.length;
      });
      res.on('end', () => ok({ ttfb: first ?? at(), last: at(), bytes }));
    });
    req.on('error', fail);
    req.end();
  });
}

export async function markBench({ runs = 15, log = () => {} } = {}) {
  const dist = (f) => pathToFileURL(join(ROOT, 'dist/node', f)).href;
  const { markHtml, createMarker } = await import(dist('mark.js'));
  const { consentryMiddleware } = await import(dist('middleware.js'));
  const html = megabytePage();
  const marked = createMarker();
  const out = marked.push(html) + marked.end();

  log('  rewriter throughput');
  const core = await throughput(html, runs, (h) => markHtml(h));
  const stream = await throughput(html, runs, (h) => {
    const m = createMarker();
    let n = 0;
    for (const c of chunks(h)) n += m.push(c).length;
    return n + m.end().length;
  });
  const rewriting = await throughput(html, runs, viaRewritingStream);

  log('  middleware time to first byte');
  const dir = mkdtempSync(join(tmpdir(), 'consentry-bench-'));
  const file = join(dir, 'page.html');
  writeFileSync(file, html);
  const body = Buffer.from(html);
  const app = (req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (req.url === '/stream') createReadStream(file).pipe(res);
    else res.end(body);
  };
  const marking = consentryMiddleware();
  const servers = {
    plain: createServer(app),
    middleware: createServer((req, res) => marking(req, res, () => app(req, res))),
  };
  const ports = {};
  for (const [k, s] of Object.entries(servers)) {
    await new Promise((ok) => s.listen(0, '127.0.0.1', ok));
    ports[k] = s.address().port;
  }
  const serving = {};
  try {
    for (const path of ['/whole', '/stream']) {
      const samples = { plain: [], middleware: [] };
      for (const k of Object.keys(samples)) for (let i = 0; i < 3; i++) await get(ports[k], path);
      for (let r = 0; r < runs; r++)
        for (const k of r % 2 ? ['middleware', 'plain'] : ['plain', 'middleware'])
          samples[k].push(await get(ports[k], path));
      const m = (k, f) => median(samples[k].map((s) => s[f]));
      serving[path.slice(1)] = {
        plain: { ttfbMs: m('plain', 'ttfb'), lastByteMs: m('plain', 'last') },
        middleware: { ttfbMs: m('middleware', 'ttfb'), lastByteMs: m('middleware', 'last') },
        addedTtfbMs: m('middleware', 'ttfb') - m('plain', 'ttfb'),
        addedLastByteMs: m('middleware', 'last') - m('plain', 'last'),
      };
    }
  } finally {
    for (const s of Object.values(servers)) s.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    page: { bytes: html.length, markedTags: marked.marked.length, outputBytes: out.length },
    runs,
    throughput: { markHtml: core, markerIn64kChunks: stream, rewritingStreamNoWork: rewriting },
    serving,
  };
}

/** The two tables, as run.js prints them. */
export function printMark(r, table) {
  const f = (n, d = 1) => n.toFixed(d);
  const row = (name, t) => [name, f(t.cpuMs), f(t.mbPerCpuSecond), f(t.wallMs), f(t.mbPerSecond)];
  table(
    `HTML rewriter: throughput on a ${f(r.page.bytes / MB, 2)} MB page (${r.page.markedTags} tags marked), medians of ${r.runs}`,
    ['rewriter', 'CPU ms', 'MB/s (CPU)', 'wall ms', 'MB/s (wall)'],
    [
      row('consentry/mark markHtml (string)', r.throughput.markHtml),
      row('consentry/mark createMarker (64 kB chunks)', r.throughput.markerIn64kChunks),
      row('parse5-html-rewriting-stream, no rewriting at all', r.throughput.rewritingStreamNoWork),
    ],
  );
  table(
    'consentry/middleware: the same 1 MB page served over loopback, unrewritten vs through the middleware (ms, medians)',
    ['app writes', 'TTFB plain', 'TTFB marked', 'added', 'last byte plain', 'last byte marked', 'added'],
    Object.entries(r.serving).map(([k, s]) => [
      k === 'whole' ? 'res.end(1 MB)' : 'file stream (64 kB)',
      f(s.plain.ttfbMs, 2),
      f(s.middleware.ttfbMs, 2),
      f(s.addedTtfbMs, 2),
      f(s.plain.lastByteMs, 2),
      f(s.middleware.lastByteMs, 2),
      f(s.addedLastByteMs, 2),
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const table = (title, head, rows) => {
    const cells = [head, ...rows].map((r) => r.map(String));
    const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
    const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
    console.log(`\n${title}\n${line(cells[0])}\n${width.map((w) => '-'.repeat(w)).join('  ')}`);
    for (const r of cells.slice(1)) console.log(line(r));
  };
  const results = await markBench({
    runs: Number(process.env.BENCH_RUNS) || 15,
    log: (line) => process.stderr.write(line + '\n'),
  });
  printMark(results, table);
}

/** The rewriter's figures as a bench section (sections.js says what one is): Node only, no browser. */
export const mark = {
  id: 'mark',
  title: 'HTML rewriter (consentry/mark, consentry/middleware)',
  run: (ctx) => markBench({ runs: ctx.runs, log: report.log }),
  print: (data) => printMark(data, report.table),
};
