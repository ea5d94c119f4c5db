/**
 * `preloadBanner` in a real Chromium over HTTP/1.1: the middleware's `Link` header makes a first visit's browser
 * fetch the banner's files while the loader is still on its way, and the loader then uses those responses instead
 * of asking again. The loader is held back on the server, so "before the loader ran" is a fact, not a race.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { consentryMiddleware, type MiddlewareOptions } from '../../src/node/middleware';
import { bannerButton } from './corpus/scenario';
import { launch, type Served, serve } from './harness';

const PAGE = `<!doctype html><html lang="en"><head><script src="/consentry.js"></script></head>
<body><p>An article.</p></body></html>`;
const LOADER = readFileSync(join(fileURLToPath(new URL('../../dist', import.meta.url)), 'consentry.js'));
const LOADER_DELAY_MS = 400;

let browser: Browser;
let site: Served | undefined;
beforeAll(async () => {
  browser = await launch();
}, 60_000);
afterAll(() => browser?.close());
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** A first visit to the page behind the middleware: which banner files arrived before the loader was sent. */
async function firstVisit(options: MiddlewareOptions) {
  let loaderSent = false;
  const early: string[] = [];
  const middleware = consentryMiddleware(options);
  site = await serve(
    { '/page.html': PAGE },
    {
      middleware,
      handle: (req: IncomingMessage, res: ServerResponse) => {
        if (/^\/consentry-(ui|en)\.js$/.test(req.url!) && !loaderSent) early.push(req.url!);
        if (req.url !== '/consentry.js') return false;
        setTimeout(() => {
          loaderSent = true;
          res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(LOADER);
        }, LOADER_DELAY_MS);
        return true;
      },
    },
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url('/page.html'));
  await bannerButton(page, 'Reject all');
  const log = [...site.log];
  await context.close();
  return { early, uiRequests: log.filter((path) => path === '/consentry-ui.js').length };
}

test("with preloadBanner a first visit fetches the banner's UI file before the loader has arrived, and only once", async () => {
  const { early, uiRequests } = await firstVisit({ preloadLoader: '/consentry.js', preloadBanner: true });
  expect(early).toEqual(['/consentry-ui.js']);
  expect(uiRequests).toBe(1);
});

test('with preloadLoader alone the UI file waits for the loader (the control for the test above)', async () => {
  const { early, uiRequests } = await firstVisit({ preloadLoader: '/consentry.js' });
  expect(early).toEqual([]);
  expect(uiRequests).toBe(1);
});
