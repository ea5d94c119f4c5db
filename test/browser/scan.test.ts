/**
 * `consentry scan` against the fixture shop (test/browser/sites/shop.ts): it finds every cookie the shop sets
 * (by script, by Set-Cookie, HttpOnly, by a third party), classifies the catalogue ones, writes cookie tables the
 * loader accepts, and a second scan reports no change. One browser for the file.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import type { Found, Unclassified } from '../../src/node/cookie-tables';
import { recordCookieWrites } from '../../src/node/cookie-trail';
import { scan } from '../../src/node/scan';
import { launch, type Served, serve } from './harness';
import { type CommandRun, runCommand, serveShop } from './sites/shop';

let browser: Browser;
let site: Served;
let dir: string;

/** A whole crawl; generous, for a loaded CI machine. */
const SCAN_TIMEOUT = 180_000;

type Run = CommandRun;
const run = (...argv: string[]) => runCommand(scan, [...argv, '--delay', '50'], browser);

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const errors = (r: Run) => r.err.split('\n').filter((l) => l.startsWith('consentry scan:'));

beforeAll(async () => {
  browser = await launch();
  site = await serveShop();
  dir = mkdtempSync(join(tmpdir(), 'consentry-scan-'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a first scan of the shop', { timeout: SCAN_TIMEOUT }, () => {
  const out = () => join(dir, 'consentry.json');
  let first: Run;
  let cookies: Found[];
  let config: any;
  let unclassified: { about: string; cookies: Unclassified[] };
  const cookie = (name: string) => cookies.find((c) => c.name === name);
  const table = (id: string) => (config.categories[id]?.cookies ?? []).map((c: { name: string }) => c.name).sort();

  beforeAll(async () => {
    first = await run(site.url('/'), '--out', out(), '--json', join(dir, 'scan.json'));
    cookies = read(join(dir, 'scan.json')).cookies;
    config = read(out());
    unclassified = read(join(dir, 'consentry.unclassified.json'));
  }, SCAN_TIMEOUT);

  it('exits 0 after crawling the pages that link to each other, each once', () => {
    expect(first.code).toBe(0);
    const pages = read(join(dir, 'scan.json')).pages.map(
      (p: { url: string }) => new URL(p.url).pathname + new URL(p.url).search,
    );
    expect(pages).toEqual(['/', '/shop.html', '/blog.html']);
    expect(first.err).toMatch(/^scan: page 2 \(at most 50\) http:\/\/127\.0\.0\.1:\d+\/shop\.html$/m);
  });

  it('finds every cookie the shop sets', () => {
    expect(cookies.map((c) => c.name).sort()).toEqual(
      [
        'IDE',
        '_fbp',
        '_ga',
        '_ga_TEST',
        '_hjSessionUser_1',
        '_hjSession_1',
        'consentry',
        'consentry_session',
        'shop_sid',
        'shop_theme',
        'upx',
      ].sort(),
    );
  });

  it('records how each was set: by script (with the script), by Set-Cookie (HttpOnly too), by a third party', () => {
    expect(cookie('_ga')).toMatchObject({
      how: 'script',
      setBy: 'https://www.googletagmanager.com/gtag/js?id=G-TEST',
      thirdParty: false,
    });
    expect(cookie('shop_theme')).toMatchObject({
      how: 'script',
      setBy: site.url('/shop.html'),
      firstPage: site.url('/shop.html'),
    });
    expect(cookie('shop_sid')).toMatchObject({ how: 'Set-Cookie', setBy: site.url('/shop.html'), httpOnly: true });
    expect(cookie('shop_sid')).not.toHaveProperty('lifetime'); // a session cookie
    // A third party's Set-Cookie header, read from the response (this one the browser does not keep: SameSite=None
    // needs https), and one answered by a test route, whose header Playwright hides: named by the response before it.
    expect(cookie('upx')).toMatchObject({ how: 'Set-Cookie', thirdParty: true, stored: false, lifetime: 86400 });
    expect(cookie('upx')!.setBy).toMatch(/^http:\/\/localhost:\d+\/px\.gif\?e=read$/);
    expect(cookie('IDE')).toMatchObject({
      how: 'jar',
      domain: '.doubleclick.net',
      httpOnly: true,
      thirdParty: true,
      stored: true,
    });
    expect(cookie('IDE')!.setBy).toMatch(/^https:\/\/ad\.doubleclick\.net\/ddm\/activity\//);
  });

  it('classifies the catalogue cookies and Consentry’s own', () => {
    expect(table('necessary')).toEqual(['consentry', 'consentry_session']);
    expect(table('analytics')).toEqual(['_ga', '_ga_TEST', '_hjSessionUser_1', '_hjSession_1']);
    expect(table('marketing')).toEqual(['IDE', '_fbp']);
    expect(config.categories.preferences).toBeUndefined();
  });

  it('fills in provider, purpose and lifetime', () => {
    const entry = (id: string, name: string) =>
      config.categories[id].cookies.find((c: { name: string }) => c.name === name);
    expect(entry('analytics', '_ga')).toEqual({
      name: '_ga',
      provider: 'Google Analytics',
      purpose: 'Audience measurement by Google Analytics: tells visits and visitors apart for statistics.',
      lifetime: '2 years',
    });
    expect(entry('analytics', '_hjSession_1').lifetime).toBe('30 minutes');
    expect(entry('marketing', '_fbp')).toMatchObject({ provider: 'Meta Pixel', lifetime: '3 months' });
    expect(entry('marketing', 'IDE')).toMatchObject({ provider: 'DoubleClick', lifetime: '13 months' });
    expect(entry('necessary', 'consentry')).toMatchObject({ provider: '127.0.0.1', lifetime: '6 months' });
    expect(entry('necessary', 'consentry_session').lifetime).toBe('session');
  });

  it('keeps the config it started from: the page’s own JSON block', () => {
    expect(config.revision).toBe('1');
    expect(config.allow).toEqual(['cdn.fixture-static.example']);
  });

  it('lists the unknown cookies apart for the owner, and never as necessary', () => {
    expect(unclassified.about).toMatch(/^Cookies that `consentry scan` found and could not classify\./);
    expect(unclassified.cookies.map((c) => c.name).sort()).toEqual(['shop_sid', 'shop_theme', 'upx']);
    expect(unclassified.cookies.find((c) => c.name === 'shop_sid')).toMatchObject({
      httpOnly: true,
      lifetime: 'session',
    });
    expect(first.out).toContain('consentry.unclassified.json (3 cookies to classify: ');
  });

  it('writes a config the loader accepts without a console error (and the same page shows one for a bad config)', async () => {
    const written = readFileSync(out(), 'utf8');
    const html = (json: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="application/json" id="consentry-config">${json}</script>
<script src="/consentry.js"></script><title>t</title></head><body></body></html>`;
    // The control: one value the loader rejects. A favicon too: its 404 would be a console error of its own.
    const bad = JSON.stringify({ ...JSON.parse(written), cookie: { days: -1 } });
    const loaderSite = await serve({ '/index.html': html(written), '/bad.html': html(bad), '/favicon.ico': '' });
    const context = await browser.newContext();
    try {
      const tab = await context.newPage();
      const messages: string[] = [];
      tab.on('console', (m) => m.type() !== 'log' && m.type() !== 'debug' && messages.push(`${m.type()}: ${m.text()}`));
      tab.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
      await tab.goto(loaderSite.url('/'));
      const tables = await tab.evaluate(() =>
        (
          window as unknown as { consentry: { config: { categories: { id: string; cookies: { name: string }[] }[] } } }
        ).consentry.config.categories.map((c) => `${c.id}: ${c.cookies.map((k) => k.name).join(' ')}`),
      );
      expect(messages).toEqual([]);
      expect(tables).toContain('analytics: _ga _ga_TEST _hjSessionUser_1 _hjSession_1');
      await tab.goto(loaderSite.url('/bad.html'));
      expect(messages).toEqual([expect.stringMatching(/^error: Consentry config: "cookie\.days" must be/)]);
    } finally {
      await context.close();
      await loaderSite.close();
    }
  });

  it('says in one line each: a redirect loop skipped, a link to another site not followed', () => {
    expect(first.out).toMatch(/^Skipped http:\/\/127\.0\.0\.1:\d+\/loop: redirect loop \(too many redirects\)\.$/m);
    expect(first.out).toContain('Not followed: 1 link to other sites (https://elsewhere.example/partners).');
    expect(first.hits.filter((h) => h.host === 'elsewhere.example')).toEqual([]);
  });

  it('reports no change on a second scan and writes the same files', async () => {
    const before = [readFileSync(out(), 'utf8'), readFileSync(join(dir, 'consentry.unclassified.json'), 'utf8')];
    const second = await run(site.url('/'), '--out', out());
    expect(second.code).toBe(0);
    expect(second.out).toContain(`No change since the last config (${out()}).`);
    expect([readFileSync(out(), 'utf8'), readFileSync(join(dir, 'consentry.unclassified.json'), 'utf8')]).toEqual(
      before,
    );
  });

  it('reports what changed since the last config: new, changed lifetime, gone; and keeps what the owner wrote', async () => {
    const edited = join(dir, 'edited.json');
    copyFileSync(out(), edited);
    copyFileSync(join(dir, 'consentry.unclassified.json'), join(dir, 'edited.unclassified.json'));
    const c = read(edited);
    c.categories.marketing.cookies = c.categories.marketing.cookies.filter((k: { name: string }) => k.name !== '_fbp');
    const ga = c.categories.analytics.cookies.find((k: { name: string }) => k.name === '_ga');
    ga.lifetime = '1 year';
    ga.purpose = 'Our own words.';
    c.categories.analytics.cookies.push({
      name: 'old_cookie',
      provider: 'Us',
      purpose: 'Gone now.',
      lifetime: '1 day',
    });
    writeFileSync(edited, JSON.stringify(c, null, 2));

    const third = await run(site.url('/'), '--out', edited);
    expect(third.code).toBe(0);
    expect(third.out).toContain('  new: _fbp (marketing)\n');
    expect(third.out).toContain('  changed lifetime: _ga 1 year → 2 years\n');
    expect(third.out).toContain(
      '  not seen in this scan (kept; remove them if the site no longer sets them): old_cookie (analytics)\n',
    );
    const after = read(edited).categories.analytics.cookies;
    expect(after.find((k: { name: string }) => k.name === '_ga')).toMatchObject({
      purpose: 'Our own words.',
      lifetime: '2 years',
    });
    expect(after.map((k: { name: string }) => k.name)).toContain('old_cookie');
  });
});

describe('known limit: the writer of a script cookie is the innermost script that is not consentry*.js', {
  timeout: SCAN_TIMEOUT,
}, () => {
  it('names the page for the session cookie its inline script asks for, unless the loader has another file name', async () => {
    const loader = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../dist/consentry.js'), 'utf8');
    const html = (src: string) =>
      `<!doctype html><html lang="en"><head><script src="${src}"></script><title>t</title></head>
<body><script>consentry.session.login('alice');</script></body></html>`;
    const named = await serve({
      '/a.html': html('/consentry.js'),
      '/b.html': html('/js/cmp.js'),
      '/js/cmp.js': loader,
    });
    const context = await browser.newContext();
    try {
      const trail = await recordCookieWrites(context);
      const tab = await context.newPage();
      const writer = async (path: string) => {
        trail.writes.length = 0;
        await tab.goto(named.url(path));
        await expect.poll(() => trail.writes.find((w) => w.name === 'consentry_session')).toBeTruthy();
        return trail.writes.find((w) => w.name === 'consentry_session')!.setBy;
      };
      expect(await writer('/a.html')).toBe(named.url('/a.html'));
      expect(await writer('/b.html')).toBe(named.url('/js/cmp.js'));
    } finally {
      await context.close();
      await named.close();
    }
  });
});

describe('bounds and bad input', { timeout: SCAN_TIMEOUT }, () => {
  const freePort = () =>
    new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
    });

  it('--max-pages bounds the crawl', async () => {
    const r = await run(site.url('/'), '--max-pages', '1', '--out', join(dir, 'one.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Consentry scan of http:\/\/127\.0\.0\.1:\d+\/: 1 page, /);
  });

  it.each([
    [
      'a URL that is not HTML',
      '/data.json',
      '15000',
      /^consentry scan: http:\/\/127\.0\.0\.1:\d+\/data\.json is not an HTML page \(content-type application\/json\)$/,
    ],
    [
      'a page that never finishes loading',
      '/hang.html',
      '1500',
      /^consentry scan: http:\/\/127\.0\.0\.1:\d+\/hang\.html did not finish loading within 1\.5 s/,
    ],
    [
      'a start URL that loops',
      '/loop',
      '15000',
      /^consentry scan: cannot load http:\/\/127\.0\.0\.1:\d+\/loop: redirect loop \(too many redirects\)$/,
    ],
  ])('%s: exit 2 with one line, nothing written', async (_, path, timeout, line) => {
    const file = join(dir, 'never.json');
    const r = await run(site.url(path), '--timeout', timeout, '--out', file);
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([expect.stringMatching(line)]);
    expect(existsSync(file)).toBe(false);
  });

  it('an unreachable URL: exit 2 with one line', async () => {
    const r = await run(`http://127.0.0.1:${await freePort()}/`, '--out', join(dir, 'never.json'));
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([expect.stringMatching(/^consentry scan: cannot load .*: connection refused/)]);
  });

  it('an existing config the loader would reject: exit 2 before crawling', async () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, JSON.stringify({ categories: { analytics: { cookies: [{ provider: 'no name' }] } } }));
    const r = await run(site.url('/'), '--out', file);
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      expect.stringMatching(
        /^consentry scan: .*invalid\.json: Consentry config: "categories\.analytics\.cookies\[0\]" must be/,
      ),
    ]);
    expect(r.err).not.toContain('scan: page');
  });
});
