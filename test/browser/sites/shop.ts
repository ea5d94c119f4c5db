/**
 * A small fixture shop for `consentry audit` and `consentry scan`, served on 127.0.0.1 by the harness:
 * three pages that link to each other with vendor snippets as vendors publish them (in our words, from the leak
 * corpus), and the ways a site sets cookies (by script, by `Set-Cookie`, HttpOnly, by a third party's response).
 * Beside them, what a bad run meets: a broken page, a page without the loader, JSON, a page that never finishes
 * loading, a redirect loop, a link to another site.
 *
 *   /             GA4 (static tag marked) + Meta Pixel snippet; an allow-listed CDN image; session login
 *   /shop.html    Hotjar snippet; Set-Cookie shop_sid (HttpOnly, session); shop_theme written by script
 *   /blog.html    marked YouTube iframe; marked DoubleClick pixel (third-party Set-Cookie IDE) and a marked pixel
 *                 from another local site (http://localhost:<port>, Set-Cookie upx), neither in the catalogue;
 *                 a WebSocket to that other site once marketing is allowed
 *   /broken.html  GA4 tag placed before the loader, and a pixel the catalogue does not know
 *   /late.html    a pixel sent by a timer ?delay= ms after load (the audit's known limit)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Browser, BrowserContext } from 'playwright-core';
import type { BrowserHooks } from '../../../src/node/audit';
import type { Output } from '../../../src/node/cli';
import { GTAG_CONFIG, HOTJAR_LOADER, META_LOADER } from '../corpus/pages';
import { type Hit, type Served, serve, type Trackers, trackers } from '../harness';
import { vendorStubs } from '../vendors/index';

export const CONFIG = { revision: '1', allow: ['cdn.fixture-static.example'] };

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const nav = `<nav><a href="/">Home</a> <a href="/shop.html">Shop</a> <a href="/blog.html#latest">Blog</a></nav>`;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<script type="application/json" id="consentry-config">${JSON.stringify(CONFIG)}</script>
<script src="/consentry.js"></script>
<title>${title}</title>
${head}
</head><body>
<h1>${title}</h1>
${nav}
${body}
<script>consentry.session.login('alice');</script>
</body></html>`;
}

const HOME = page(
  'Teapot shop',
  `<img src="https://cdn.fixture-static.example/logo.gif" alt="Teapot shop">
<p>Fresh tea, <a href="/shop.html#teas">in the shop</a>.</p>`,
  `<!-- Google tag (gtag.js), marked the Consentry way -->
<script type="text/plain" data-consent="analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-TEST"></script>
<script>${GTAG_CONFIG}</script>
<!-- Meta Pixel Code -->
<script>${META_LOADER}</script>`,
);

const SHOP = page(
  'Shop',
  `<ul><li>Dragon Well</li><li>Oolong</li></ul>
<p><a href="https://elsewhere.example/partners">Our partners</a> · <a href="/loop">Old catalogue</a> · <a href="/menu.pdf">Menu (PDF)</a></p>
<script>document.cookie = 'shop_theme=dark; path=/; max-age=31536000; SameSite=Lax';</script>`,
  `<!-- Hotjar Tracking Code -->
<script>${HOTJAR_LOADER}</script>`,
);

const blog = (otherSite: string) =>
  page(
    'Blog',
    `<article id="latest"><h2>Brewing gongfu style</h2>
<iframe data-consent="marketing" data-src="https://www.youtube.com/embed/fixture" width="320" height="180" title="video"></iframe>
<img data-consent="marketing" data-src="https://ad.doubleclick.net/ddm/activity/src=1;type=blog;cat=read;ord=1" alt="">
<img data-consent="marketing" data-src="${otherSite}/px.gif?e=read" alt="">
</article>
<script>consentry.whenAllowed('marketing', function () { new WebSocket('${otherSite.replace('http', 'ws')}/live'); });</script>`,
  );

export const BROKEN = `<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<script async src="https://www.googletagmanager.com/gtag/js?id=G-BROKEN"></script>
<script>${GTAG_CONFIG}</script>
<script src="/consentry.js"></script>
<title>Broken</title>
</head><body>
<h1>Broken</h1>
<img src="https://px.unknown-ads.example/pixel.gif?id=7" alt="">
</body></html>`;

/** The leaks the broken page must show, before consent and after Reject all. */
export const BROKEN_LEAKS = [
  'https://www.googletagmanager.com/gtag/js?id=G-BROKEN',
  'https://px.unknown-ads.example/pixel.gif?id=7',
];

/** Sends a pixel the catalogue does not know `?delay=` ms after load (0: at once). */
export const LATE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/consentry.js"></script>
<title>Late</title></head><body><h1>Late pixel</h1>
<script>addEventListener('load', function () {
  var delay = Number(new URLSearchParams(location.search).get('delay')) || 0;
  setTimeout(function () { new Image().src = 'https://px.unknown-ads.example/late.gif'; }, delay);
});</script></body></html>`;

const PLAIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No loader</title></head>
<body><h1>No Consentry here</h1></body></html>`;

const HANG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><script src="/consentry.js"></script>
<title>Slow</title></head><body><img src="/never.gif" alt=""></body></html>`;

/** Answers what static files cannot: headers, redirects, a response that never comes. */
function handle(req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0];
  const html = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
  switch (path) {
    case '/shop.html':
      res.writeHead(200, { ...html, 'set-cookie': 'shop_sid=s3cr3t; Path=/; HttpOnly; SameSite=Lax' }).end(SHOP);
      return true;
    case '/blog.html':
      // The other site is this same server under another name: localhost is another site than 127.0.0.1.
      res.writeHead(200, html).end(blog(`http://localhost:${(req.headers.host ?? '').split(':')[1]}`));
      return true;
    case '/px.gif':
      res
        .writeHead(200, {
          'content-type': 'image/gif',
          'set-cookie': 'upx=1; Path=/; Max-Age=86400; SameSite=None; Secure',
        })
        .end(GIF);
      return true;
    case '/loop':
    case '/loop2':
      res.writeHead(302, { location: path === '/loop' ? '/loop2' : '/loop' }).end();
      return true;
    case '/never.gif':
      return true; // never answered: the page's load event never fires
    default:
      return false;
  }
}

export function serveShop(): Promise<Served> {
  return serve(
    {
      '/index.html': HOME,
      '/broken.html': BROKEN,
      '/late.html': LATE,
      '/plain.html': PLAIN,
      '/hang.html': HANG,
      '/data.json': '{"teas": 2}',
    },
    { handle },
  );
}

/** Every third party answered locally, vendor scripts by their stand-ins; DoubleClick's pixel sets its cookie. */
export async function shopNetwork(context: BrowserContext): Promise<Trackers> {
  const net = await trackers(context, vendorStubs);
  await context.route('https://ad.doubleclick.net/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'image/gif',
      headers: {
        'set-cookie': 'IDE=AHWqTUk; Domain=.doubleclick.net; Path=/; Max-Age=33696000; SameSite=None; Secure; HttpOnly',
      },
      body: GIF,
    }),
  );
  return net;
}

export interface CommandRun {
  code: number;
  /** What the command printed, one line each, as the executable prints it. */
  out: string;
  err: string;
  /** What reached this run's third parties, as the harness counted it (to check the command against). */
  hits: Hit[];
}

/** Runs `consentry audit` or `consentry scan` as the executable would, with the shop's network on each context. */
export async function runCommand(
  command: (argv: string[], output: Output, hooks: BrowserHooks) => Promise<number>,
  argv: string[],
  browser: Browser,
): Promise<CommandRun> {
  let out = '',
    err = '';
  const nets: Trackers[] = [];
  const code = await command(
    argv,
    { out: (line) => (out += line + '\n'), err: (line) => (err += line + '\n') },
    { browser, prepare: async (context) => void nets.push(await shopNetwork(context)) },
  );
  return { code, out, err, hits: nets.flatMap((n) => n.hits) };
}
