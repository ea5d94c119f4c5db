// @vitest-environment node
/**
 * The middleware on a real node:http server: text/html responses stream through the mark core whatever the app's
 * way of writing them; every other response is left alone, byte for byte.
 */
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { type MarkedTag, markHtml } from '../../src/mark/index';
import { consentryMiddleware, type MiddlewareOptions } from '../../src/node/middleware';

const PAGE = `<!doctype html><html><head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script></head>
<body><p>Caf\u00e9 \u8336</p><img src="https://www.facebook.com/tr?id=1&amp;ev=PageView"></body></html>`;

type App = (req: IncomingMessage, res: ServerResponse) => void;
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Serves `app` behind the middleware; resolves to a fetcher of raw responses. */
async function serve(app: App, options?: MiddlewareOptions) {
  const middleware = consentryMiddleware(options);
  const server = createServer((req, res) => middleware(req, res, () => app(req, res)));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  close = () => new Promise((ok) => server.close(() => ok()));
  const port = (server.address() as AddressInfo).port;
  return (path = '/', method = 'GET', headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d) => parts.push(d));
        res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
      });
      req.on('error', fail);
      req.end();
    });
}

test('an HTML page written with writeHead(headers) + end(body) comes out marked, Content-Length dropped', async () => {
  const get = await serve((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(PAGE) });
    res.end(PAGE);
  });
  const r = await get();
  expect(r.body.toString('utf8')).toBe(markHtml(PAGE));
  expect(r.body.toString('utf8')).toContain('data-src="https://www.facebook.com/tr?id=1&amp;ev=PageView"');
  expect(r.headers['content-length']).toBeUndefined();
});

test('a page written in small pieces with setHeader + write, tags split between writes, is marked the same', async () => {
  const bytes = Buffer.from(PAGE);
  const get = await serve((_, res) => {
    res.setHeader('content-type', 'text/html');
    for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
    res.end();
  });
  expect((await get()).body.toString('utf8')).toBe(markHtml(PAGE));
});

test('every non-HTML response is left alone, byte for byte, headers included', async () => {
  const js = Buffer.from(`document.write('<img src="https://www.facebook.com/tr?id=1">')`);
  const get = await serve((req, res) => {
    if (req.url === '/app.js')
      res.writeHead(200, { 'content-type': 'text/javascript', 'content-length': js.length }).end(js);
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"html":"<img src=x>"}');
  });
  const a = await get('/app.js');
  expect(a.body.equals(js)).toBe(true);
  expect(a.headers['content-length']).toBe(String(js.length));
  expect((await get('/data')).body.toString()).toBe('{"html":"<img src=x>"}');
});

test('a gzip or br response from upstream is decompressed, marked and compressed again with the same coding', async () => {
  const get = await serve((req, res) => {
    const br = req.url === '/br';
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': br ? 'br' : 'gzip' });
    res.end(br ? brotliCompressSync(PAGE) : gzipSync(PAGE));
  });
  const g = await get('/gz');
  expect(g.headers['content-encoding']).toBe('gzip');
  expect(gunzipSync(g.body).toString('utf8')).toBe(markHtml(PAGE));
  const b = await get('/br');
  expect(b.headers['content-encoding']).toBe('br');
  expect(brotliDecompressSync(b.body).toString('utf8')).toBe(markHtml(PAGE));
});

test('an unknown content coding passes through untouched, with one warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const body = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 1, 2, 3]);
    const get = await serve((_, res) =>
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd' }).end(body),
    );
    expect((await get()).body.equals(body)).toBe(true);
    await get();
    expect(warn.mock.calls.filter((c) => /zstd/.test(String(c[0])))).toHaveLength(1);
  } finally {
    warn.mockRestore();
  }
});

test('a windows-1252 or Shift_JIS page comes back byte for byte outside the marked tags', async () => {
  // "Caf\xe9" in windows-1252, and "\x83e\x83X\x83g" (テスト) in Shift_JIS, whose second bytes are ASCII letters.
  const bytes = Buffer.concat([
    Buffer.from('<p>Caf'),
    Buffer.from([0xe9, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]),
    Buffer.from('</p><img alt="'),
    Buffer.from([0x83, 0x65]),
    Buffer.from('" src="https://www.facebook.com/tr?id=1">'),
  ]);
  const get = await serve((_, res) =>
    res.writeHead(200, { 'content-type': 'text/html; charset=shift_jis' }).end(bytes),
  );
  const out = (await get()).body;
  const expected = Buffer.from(markHtml(bytes.toString('latin1')), 'latin1');
  expect(out.equals(expected)).toBe(true);
  expect(out.includes(Buffer.from([0xe9, 0x20, 0x83, 0x65, 0x83, 0x58, 0x83, 0x67]))).toBe(true);
  expect(out.toString('latin1')).toContain('data-src="https://www.facebook.com/tr?id=1"');
});

test('a UTF-16 page (declared, or by its byte order mark) passes through untouched, with a warning', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  try {
    const utf16 = Buffer.from('\ufeff' + PAGE, 'utf16le');
    const get = await serve((req, res) =>
      res
        .writeHead(200, { 'content-type': req.url === '/declared' ? 'text/html; charset=utf-16le' : 'text/html' })
        .end(utf16),
    );
    expect((await get('/declared')).body.equals(utf16)).toBe(true);
    expect((await get('/bom')).body.equals(utf16)).toBe(true);
    expect(warn).toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});

test('HEAD answers announce no stale Content-Length; 304 and 206 responses pass untouched', async () => {
  const get = await serve((req, res) => {
    if (req.url === '/304') return res.writeHead(304, { 'content-type': 'text/html' }).end();
    if (req.url === '/206')
      return res
        .writeHead(206, { 'content-type': 'text/html', 'content-length': '10', 'content-range': 'bytes 0-9/99' })
        .end(PAGE.slice(0, 10));
    res
      .writeHead(200, { 'content-type': 'text/html', 'content-length': '999' })
      .end(req.method === 'HEAD' ? undefined : PAGE);
  });
  const head = await get('/', 'HEAD');
  expect(head.headers['content-length']).toBeUndefined();
  expect((await get('/304')).status).toBe(304);
  // A range of a page is not a page: it passes untouched, headers included.
  const range = await get('/206');
  expect([range.headers['content-length'], range.body.toString()]).toEqual(['10', PAGE.slice(0, 10)]);
});

test('a strong ETag becomes weak; onMarked reports what each page held, with the page URL known', async () => {
  const seen: [string, MarkedTag[]][] = [];
  const get = await serve(
    (_, res) => res.writeHead(200, { 'content-type': 'text/html', etag: '"abc"' }).end('<img src="/collect?x=1">'),
    {
      config: { rules: [{ match: '127.0.0.1/collect', category: 'analytics' }] },
      onMarked: (req, marked) => seen.push([req.url!, marked]),
    },
  );
  const r = await get('/shop');
  expect(r.headers.etag).toBe('W/"abc"');
  // A site rule on the site's own host: the middleware knows the page URL, so the relative URL matches.
  expect(r.body.toString()).toContain('data-src="/collect?x=1"');
  expect(seen.map(([u, m]) => [u, m.map((t) => t.tag)])).toEqual([['/shop', ['img']]]);
});

describe('preloadLoader', () => {
  const html = (_: IncomingMessage, res: ServerResponse) => {
    res.setHeader('content-type', 'text/html');
    res.end(PAGE);
  };

  /** The 1xx responses and the final one of a request for `path` with these headers. */
  async function informational(options: MiddlewareOptions, app: App, headers: Record<string, string>) {
    const middleware = consentryMiddleware(options);
    const server = createServer((req, res) => middleware(req, res, () => app(req, res)));
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    close = () => new Promise((ok) => server.close(() => ok()));
    const port = (server.address() as AddressInfo).port;
    return new Promise<{ hints: { statusCode: number; headers: Record<string, unknown> }[]; link?: string | string[] }>(
      (ok, fail) => {
        const hints: { statusCode: number; headers: Record<string, unknown> }[] = [];
        const req = request({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
          res.resume();
          res.on('end', () => ok({ hints, link: res.headers.link }));
        });
        req.on('information', (info) => hints.push({ statusCode: info.statusCode, headers: info.headers }));
        req.on('error', fail);
        req.end();
      },
    );
  }

  const LINK = '</consentry.js>; rel=preload; as=script';
  const BANNER = (file: string) => `<${file}>; rel=preload; as=script; fetchpriority=low`;
  const PAGE_REQUEST = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document' };
  const RETURNING = { ...PAGE_REQUEST, cookie: 'theme=dark; consentry=v1.abc' };

  it('sends 103 Early Hints with a preload of the loader before the app answers a page request', async () => {
    const { hints } = await informational({ preloadLoader: '/consentry.js' }, html, RETURNING);
    expect(hints).toEqual([{ statusCode: 103, headers: { link: LINK } }]);
  });

  it('puts the same Link header on the HTML response', async () => {
    const { link } = await informational({ preloadLoader: '/consentry.js' }, html, RETURNING);
    expect(link).toBe(LINK);
  });

  it("with preloadBanner, also preloads the banner's UI file at low priority for a visitor without the consent cookie", async () => {
    const { hints, link } = await informational(
      { preloadLoader: '/consentry.js', preloadBanner: true },
      html,
      PAGE_REQUEST,
    );
    const links = [LINK, BANNER('/consentry-ui.js')];
    expect(hints).toEqual([{ statusCode: 103, headers: { link: links.join(', ') } }]);
    expect(link).toBe(links.join(', '));
  });

  it('adds the language file when the config names the language, next to the loader and without its query', async () => {
    const options = {
      preloadLoader: 'https://cdn.example/c/consentry.js?v=2',
      preloadBanner: true,
      config: { language: 'de-AT' },
    };
    const { link } = await informational(options, html, PAGE_REQUEST);
    expect(link).toBe(
      [
        '<https://cdn.example/c/consentry.js?v=2>; rel=preload; as=script',
        BANNER('https://cdn.example/c/consentry-ui.js'),
        BANNER('https://cdn.example/c/consentry-de.js'),
      ].join(', '),
    );
  });

  it("looks for the config's own cookie name: another cookie that merely starts with it is no consent", async () => {
    const options = { preloadLoader: '/consentry.js', preloadBanner: true, config: { cookie: { name: 'cmp' } } };
    expect((await informational(options, html, { ...PAGE_REQUEST, cookie: 'cmpx=1; consentry=v1' })).link).toBe(
      [LINK, BANNER('/consentry-ui.js')].join(', '),
    );
    expect((await informational(options, html, { ...PAGE_REQUEST, cookie: 'a=1;cmp=v1' })).link).toBe(LINK);
  });

  it("preloads only the loader for a first visit without preloadBanner (the banner's bytes would share the first paint's link)", async () => {
    const { hints, link } = await informational({ preloadLoader: '/consentry.js' }, html, PAGE_REQUEST);
    expect(hints).toEqual([{ statusCode: 103, headers: { link: LINK } }]);
    expect(link).toBe(LINK);
  });

  it('sends no hint and no Link for a request that is not for a page', async () => {
    const image = (_: IncomingMessage, res: ServerResponse) => {
      res.setHeader('content-type', 'image/gif');
      res.end('GIF89a');
    };
    const result = await informational({ preloadLoader: '/consentry.js' }, image, { accept: 'image/*' });
    expect(result).toEqual({ hints: [], link: undefined });
  });

  it('sends neither without the option (the control for the tests above)', async () => {
    expect(await informational({}, html, PAGE_REQUEST)).toEqual({ hints: [], link: undefined });
  });

  it('refuses a URL that is not http(s) or root-relative, or that would break the Link header', () => {
    for (const url of ['javascript:alert(1)', 'consentry.js', '/a>; rel=stylesheet', '/a, </b>']) {
      expect(() => consentryMiddleware({ preloadLoader: url }), url).toThrow(/preloadLoader/);
    }
  });
});
