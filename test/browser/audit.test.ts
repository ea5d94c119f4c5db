/**
 * `consentry audit` against the fixture shop (test/browser/sites/shop.ts) on 127.0.0.1, every third party answered
 * locally: a correct site passes, a broken page fails with each leak named, and every bad input ends with one line
 * and exit code 2. One browser for the file; the audit's own waits are short and event-driven.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { audit } from '../../src/node/audit';
import type { AuditReport } from '../../src/node/audit-types';
import { launch, type Served, type Trackers } from './harness';
import { BROKEN_LEAKS, type CommandRun, runCommand, serveShop } from './sites/shop';

let browser: Browser;
let site: Served;
let dir: string;

/** A whole audit of several pages; generous, for a loaded CI machine. */
const AUDIT_TIMEOUT = 180_000;

type Run = CommandRun;
const run = (...argv: string[]) => runCommand(audit, argv, browser);

const evidence = (file: string): AuditReport => JSON.parse(readFileSync(file, 'utf8'));

/** The error lines a run printed (progress fragments left out). */
const errors = (r: Run) => r.err.split('\n').filter((l) => l.startsWith('consentry audit:'));

beforeAll(async () => {
  browser = await launch();
  site = await serveShop();
  dir = mkdtempSync(join(tmpdir(), 'consentry-audit-'));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a correct site (three pages)', { timeout: AUDIT_TIMEOUT }, () => {
  let result: Run;
  let report: AuditReport;
  let hits: Trackers['hits'];
  beforeAll(async () => {
    result = await run(
      site.url('/'),
      '--pages',
      '/,/shop.html,/blog.html',
      '--json',
      join(dir, 'pass.json'),
      '--html',
      join(dir, 'pass.html'),
    );
    report = evidence(join(dir, 'pass.json'));
    hits = result.hits;
  }, AUDIT_TIMEOUT);

  it('exits 0 with a PASS verdict', () => {
    expect(result.code).toBe(0);
    expect(report.verdict).toBe('pass');
    expect(result.out).toMatch(
      /^PASS: nothing of a not-allowed category left the 3 pages before consent or after Reject all\.$/m,
    );
  });

  it('sees only allow-listed requests and necessary or unclassified cookies before consent and after Reject all', () => {
    for (const page of report.pages)
      for (const phase of page.phases.filter((p) => p.phase !== 'accept')) {
        expect(phase.requests.map((r) => `${r.status} ${r.host}`)).toEqual(
          page.url === site.url('/') ? ['allow-list cdn.fixture-static.example'] : [],
        );
        expect(phase.cookies.filter((c) => c.status !== 'allowed' && c.status !== 'unclassified')).toEqual([]);
        expect(phase.cookies.find((c) => c.name === 'consentry_session')?.category).toBe('necessary');
      }
  });

  it('records the decision of each phase: none, then reject-all, then accept-all', () => {
    expect(report.pages.map((p) => p.phases.map((ph) => ph.record?.method ?? null))).toEqual(
      Array(3).fill([null, 'reject-all', 'accept-all']),
    );
  });

  it('sees the trackers that consent lets run (the control: the audit does see requests and cookies)', () => {
    const [home, shop, blog] = report.pages.map((p) => p.phases[2]);
    const vendors = (p: typeof home) => [...new Set(p.requests.map((r) => `${r.category} ${r.vendor}`))].sort();
    expect(vendors(home)).toEqual([
      'analytics Google Analytics',
      'marketing Meta Pixel',
      'undefined cdn.fixture-static.example',
    ]);
    expect(vendors(shop)).toEqual(['analytics Hotjar']);
    expect(vendors(blog)).toEqual(['marketing DoubleClick', 'marketing YouTube', 'undefined localhost']);
    const cookies = (p: typeof home) => p.cookies.map((c) => `${c.name} ${c.category ?? '?'}`).sort();
    expect(cookies(home)).toEqual(expect.arrayContaining(['_fbp marketing', '_ga analytics', '_ga_TEST analytics']));
    expect(cookies(shop)).toEqual(expect.arrayContaining(['_hjSessionUser_1 analytics', 'shop_sid ?', 'shop_theme ?']));
    expect(cookies(blog)).toEqual(expect.arrayContaining(['IDE marketing']));
  });

  it('misses no request: every hit the trackers received is in the evidence', () => {
    const seen = new Set(report.pages.flatMap((p) => p.phases.flatMap((ph) => ph.requests.map((r) => r.url))));
    // The harness answers WebSockets inside the page (Playwright's routeWebSocket replaces the socket), so Chromium
    // never opens one there and has none to report; a real one is seen (the blog's socket, next test).
    const network = hits.filter((h) => h.type !== 'websocket');
    expect(network.length).toBeGreaterThan(10);
    expect(network.map((h) => h.url).filter((u) => !seen.has(u))).toEqual([]);
  });

  it('sees a WebSocket the page opens', () => {
    const blog = report.pages[2].phases[2];
    // Opened once on the decision (whenAllowed) and once more on the reload.
    const sockets = blog.requests.filter((r) => r.initiatorType === 'websocket').map((r) => r.url);
    expect([...new Set(sockets)]).toEqual([expect.stringMatching(/^ws:\/\/localhost:\d+\/live$/)]);
  });

  it('lists the third party the catalogue does not know, with the rules and allow entries to paste', () => {
    expect(report.unknown.hosts).toEqual(['localhost']);
    expect(result.out).toContain('Not in the catalogue: 1 third-party host.');
    expect(result.out).toContain('{"match":"localhost","category":"marketing","vendor":"localhost"}');
    expect(result.out).toContain('"allow": ["localhost"]');
  });

  it('prints a short table per phase', () => {
    expect(result.out).toMatch(
      /^ {2}after Accept all: \d+ third-party requests, \d+ cookies, 0 held back by Consentry$/m,
    );
    expect(result.out).toMatch(/^ {6}ok +analytics +Google Analytics +\d+ +_ga, _ga_TEST$/m);
    expect(result.out).toMatch(/^ {6}allow list +\? +cdn\.fixture-static\.example +1$/m);
  });

  it('writes each request with its URL, initiator type, phase and time as JSON', () => {
    const home = report.pages[0];
    const ga = home.phases[2].requests.find((r) => r.url.startsWith('https://www.googletagmanager.com/gtag/js'));
    expect(ga).toMatchObject({
      initiatorType: 'script',
      category: 'analytics',
      vendor: 'Google Analytics',
      status: 'allowed',
    });
    expect(ga!.time).toBeGreaterThanOrEqual(0);
    expect(home.phases.map((p) => p.phase)).toEqual(['before', 'reject', 'accept']);
    expect(home).not.toHaveProperty('screenshot');
  });

  it('writes a one-file HTML report with a screenshot of the banner and no script', () => {
    const html = readFileSync(join(dir, 'pass.html'), 'utf8');
    expect(html).toContain('<p class="verdict pass">');
    expect(html.match(/src="data:image\/jpeg;base64,/g)).toHaveLength(3);
    expect(html).not.toMatch(/<script|<link|src="http/i);
  });

  it('shows progress: page k of n and each phase, with the time per page', () => {
    const progress = result.err.split('\n').filter((l) => l.startsWith('page 2 of 3 '));
    expect(progress).toEqual([
      'page 2 of 3 /shop.html: before consent',
      'page 2 of 3 /shop.html: after Reject all',
      'page 2 of 3 /shop.html: after Accept all',
      expect.stringMatching(/^page 2 of 3 \/shop\.html: done in \d+\.\d s$/),
    ]);
  });
});

describe('a broken page: a tag placed before the loader, a pixel the catalogue does not know', {
  timeout: AUDIT_TIMEOUT,
}, () => {
  let result: Run;
  let report: AuditReport;
  let hits: Trackers['hits'];
  beforeAll(async () => {
    result = await run(site.url('/broken.html'), '--json', join(dir, 'broken.json'));
    report = evidence(join(dir, 'broken.json'));
    hits = result.hits;
  }, AUDIT_TIMEOUT);

  it('exits 1 with a FAIL verdict', () => {
    expect(result.code).toBe(1);
    expect(report.verdict).toBe('leak');
    expect(result.out).toMatch(/^FAIL: \d+ leaks before consent or after Reject all, on 1 of 1 page\.$/m);
  });

  it('names both leaks before consent and again after Reject all and a reload', () => {
    for (const phase of report.pages[0].phases.slice(0, 2)) {
      const leaks = phase.requests.filter((r) => r.status === 'leak' || r.status === 'unknown').map((r) => r.url);
      expect(leaks).toEqual(expect.arrayContaining(BROKEN_LEAKS));
    }
    const [tag, pixel] = BROKEN_LEAKS.map((u) => report.pages[0].phases[0].requests.find((r) => r.url === u));
    expect(tag).toMatchObject({ status: 'leak', category: 'analytics', vendor: 'Google Analytics', inHtml: true });
    expect(pixel).toMatchObject({ status: 'unknown', vendor: 'px.unknown-ads.example', inHtml: true });
    expect(result.out).toMatch(
      /^ {4}before consent {4}script {2}https:\/\/www\.googletagmanager\.com\/gtag\/js\?id=G-BROKEN +Google Analytics \(analytics\); a tag in the page's HTML: mark it data-consent="analytics"$/m,
    );
  });

  it('counts as a leak everything the trackers received before the decision: nothing else', () => {
    // Whatever the misplaced tag managed to send before the loader ran (a race) is a leak too, and nothing is missed.
    const before = report.pages[0].phases[0];
    const leaked = new Set(
      before.requests.filter((r) => r.status === 'leak' || r.status === 'unknown').map((r) => r.url),
    );
    expect(before.requests.every((r) => leaked.has(r.url))).toBe(true);
    const all = new Set(report.pages[0].phases.flatMap((p) => p.requests.map((r) => r.url)));
    expect(hits.length).toBeGreaterThanOrEqual(4);
    expect(hits.map((h) => h.url).filter((u) => !all.has(u))).toEqual([]);
  });

  it('classifies with --config instead of the page: a rule names the unknown pixel', async () => {
    const file = join(dir, 'rules.json');
    writeFileSync(
      file,
      JSON.stringify({ rules: [{ match: 'px.unknown-ads.example', category: 'marketing', vendor: 'Pixel Co' }] }),
    );
    const r = await run(site.url('/broken.html'), '--config', file, '--json', join(dir, 'rules-out.json'));
    const out = evidence(join(dir, 'rules-out.json'));
    expect(r.code).toBe(1);
    expect(out.pages[0].config).toBe(file);
    expect(out.pages[0].phases[0].requests.find((x) => x.url === BROKEN_LEAKS[1])).toMatchObject({
      status: 'leak',
      category: 'marketing',
      vendor: 'Pixel Co',
    });
    expect(out.unknown.hosts).toEqual([]);
  });
});

describe('known limit: a phase ends when the network is quiet, not when timers have run', {
  timeout: AUDIT_TIMEOUT,
}, () => {
  const beforeConsent = async (path: string, file: string) => {
    await run(site.url(path), '--json', join(dir, file), '--quiet', '300');
    return evidence(join(dir, file)).pages[0].phases[0].requests.filter((r) => r.host === 'px.unknown-ads.example');
  };

  it('sees a pixel the page sends as soon as it has loaded (the control)', async () => {
    expect((await beforeConsent('/late.html?delay=0', 'late0.json')).map((r) => r.status)).toEqual(['unknown']);
  });

  it('misses, in that phase, the same pixel sent 4 s after load, once the network has been quiet for --quiet ms', async () => {
    expect(await beforeConsent('/late.html?delay=4000', 'late.json')).toEqual([]);
  });
});

describe('what cannot be audited ends with one line and exit code 2', { timeout: AUDIT_TIMEOUT }, () => {
  const freePort = () =>
    new Promise<number>((ok) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => ok(port));
      });
    });

  it.each([
    [
      'a page without the loader',
      '/plain.html',
      '15000',
      /^consentry audit: no Consentry loader on http:\/\/127\.0\.0\.1:\d+\/plain\.html: window\.consentry is missing/,
    ],
    [
      'a URL that is not HTML',
      '/data.json',
      '15000',
      /^consentry audit: http:\/\/127\.0\.0\.1:\d+\/data\.json is not an HTML page \(content-type application\/json\)$/,
    ],
    [
      'a page that never finishes loading',
      '/hang.html',
      '1500',
      /^consentry audit: http:\/\/127\.0\.0\.1:\d+\/hang\.html did not finish loading within 1\.5 s \(its load event never fired\)$/,
    ],
  ])('%s', async (_, path, timeout, line) => {
    const r = await run(site.url(path), '--timeout', timeout);
    expect(r.code).toBe(2);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]).toMatch(line);
    expect(r.out).toBe('');
  });

  it('an unreachable URL', async () => {
    const r = await run(`http://127.0.0.1:${await freePort()}/`);
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([
      expect.stringMatching(
        /^consentry audit: cannot load http:\/\/127\.0\.0\.1:\d+\/: connection refused \(is the server running\?\)$/,
      ),
    ]);
  });

  it('several pages that all fail: one line each', async () => {
    const r = await run(site.url('/'), '--pages', '/plain.html,/data.json');
    expect(r.code).toBe(2);
    expect(errors(r)).toHaveLength(2);
  });

  it.each([
    ['not JSON', '{ "revision": ', /is not valid JSON/],
    [
      'a value the loader rejects',
      '{ "cookie": { "days": -1 } }',
      /: Consentry config: "cookie\.days" must be a positive number of days/,
    ],
  ])('a --config file that is %s', async (_, text, line) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const r = await run(site.url('/'), '--config', file);
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([expect.stringMatching(line)]);
  });

  it.each([
    ['no URL', [], /^consentry audit: a URL is needed\. Usage: consentry audit <url>/],
    [
      'an unknown option',
      ['http://127.0.0.1/', '--page', '/'],
      /^consentry audit: Unknown option '--page'.*Usage: consentry audit <url>/,
    ],
    ['a URL that is not http(s)', ['ftp://example.com/'], /^consentry audit: only http\(s\) URLs can be audited/],
  ])('%s', async (_, argv, line) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(errors(r)).toEqual([expect.stringMatching(line)]);
  });

  it('no Chromium: the line says how to install it', async () => {
    const saved = process.env.CHROMIUM;
    process.env.CHROMIUM = '/nonexistent/chromium';
    try {
      let err = '';
      const code = await audit([site.url('/')], { out: () => {}, err: (line) => (err += line + '\n') });
      expect(code).toBe(2);
      expect(err).toBe(
        'consentry audit: Chromium not found at /nonexistent/chromium: install it with "apt-get install -y chromium" (as root), or set CHROMIUM=/path/to/chromium.\n',
      );
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM;
      else process.env.CHROMIUM = saved;
    }
  });
});
