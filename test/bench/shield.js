// The shield's one figure (`npm run bench`, or `BENCH_ONLY=shield BENCH_RUNS=5 node test/bench/run.js`): the time a
// page controlled by dist/consentry-sw.js adds to each request that is not a tracker's. The worker leaves such a
// request alone (no respondWith), so what remains is the browser asking the worker: the fetch event and the
// matcher's lookup. Measured as sequential first-party fetches in one page, with the shield and without a worker,
// page views interleaved. Loopback only, served as 127.0.0.1 (a secure context, which service workers need).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { int, median, ms, quantile, signed, table } from './report.js';
import { DIST } from './sizes.js';

/** Sequential requests per page view. */
const REQUESTS = 200;
const VARIANTS = ['none', 'shield'];

const page = (variant) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script src="/consentry.js"${variant == 'shield' ? ' data-service-worker="/consentry-sw.js"' : ''}></script>
<title>Shop</title></head><body><h1>Shop</h1><p>Teas from small farms.</p></body></html>`;

function startShieldServer() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (path.startsWith('/api/')) return res.writeHead(204, { 'cache-control': 'no-store' }).end();
    if (path === '/consentry.js' || path === '/consentry-sw.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(readFileSync(join(DIST, path)));
    }
    if (path.startsWith('/page/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end(page(path.slice('/page/'.length)));
    }
    res.writeHead(404, { 'cache-control': 'no-store' }).end();
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        origin: `http://127.0.0.1:${server.address().port}`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(r);
          }),
      }),
    ),
  );
}

/**
 * One page view: ms per first-party request, the mean of REQUESTS sequential fetches of distinct uncacheable URLs.
 * The shield's page is its second view, so the worker controls it (the first view registered it).
 */
async function requestRun(browser, origin, variant) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${origin}/page/${variant}`);
    if (variant == 'shield') {
      await tab.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
      await tab.goto(`${origin}/page/${variant}`);
      if (!(await tab.evaluate(() => !!navigator.serviceWorker.controller)))
        throw new Error('shield: page not controlled');
    }
    return await tab.evaluate(async (n) => {
      // The mean over the whole run: performance.now() is coarsened to 0.1 ms here, a single request's time is not.
      const start = performance.now();
      for (let i = 0; i < n; i++) await fetch(`/api/${i}?${Math.random()}`);
      return (performance.now() - start) / n;
    }, REQUESTS);
  } finally {
    await context.close();
  }
}

export const shield = {
  id: 'shield',
  title: 'The shield: added time per non-tracker request',
  browser: true,
  async run({ browser, runs, interleaved }) {
    const server = await startShieldServer();
    try {
      const samples = await interleaved('shield', VARIANTS, runs, (v) => requestRun(browser, server.origin, v));
      // Page views are paired by round (interleaved), so the per-round difference is the figure.
      const added = samples.shield.map((s, i) => s - samples.none[i]);
      return {
        requestsPerView: REQUESTS,
        perRequestMs: Object.fromEntries(VARIANTS.map((v) => [v, median(samples[v])])),
        addedMs: { median: median(added), q1: quantile(added, 0.25), q3: quantile(added, 0.75) },
        samples,
      };
    } finally {
      await server.close();
    }
  },
  print(data) {
    table(
      `The shield: a first-party fetch in a controlled page (means of ${int(data.requestsPerView)} sequential requests per page view, medians over page views)`,
      ['variant', 'ms per request', 'added', 'p25–p75 of added'],
      [
        ['no service worker', ms(data.perRequestMs.none, 3), '', ''],
        [
          'controlled by the shield',
          ms(data.perRequestMs.shield, 3),
          signed(data.addedMs.median, 3),
          `${ms(data.addedMs.q1, 3)}–${ms(data.addedMs.q3, 3)}`,
        ],
      ],
    );
  },
  budgets: (data) => [
    {
      measure: 'the shield: added time per non-tracker request (not intercepted)',
      figure: `${signed(data.addedMs.median, 3)} ms`,
      budget: 'close to zero (no budget)',
      met: null,
    },
  ],
};
