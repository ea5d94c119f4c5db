/**
 * The consent record end to end, in the system Chromium against dist/: first and return visits, persistence across
 * reloads and tabs, revision bumps, damaged cookies, the DOM events, `data-consentry-open`, and the failure modes
 * (UI chunk missing, invalid configuration) that must never open the gate.
 */

import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Consentry } from '../../src/core/types';
import en from '../../src/ui/i18n/en';
import { launch, type Served, serve, type Trackers, trackers, waitQuiet } from './harness';

declare global {
  interface Window {
    consentry: Consentry;
  }
}

// Two analytics trackers: one marked by the site owner, one unmarked and added by page code, as vendors do.
const MARKED = 'www.google-analytics.com';
const UNMARKED = 'static.hotjar.com';
const TRACKERS = `
<script type="text/plain" data-consent="analytics" src="https://${MARKED}/analytics.js"></script>
<script>
  window.analyticsRan = false;
  consentry.whenAllowed('analytics', function () { window.analyticsRan = true; });
  (function () {
    var s = document.createElement('script');
    s.async = true;
    s.src = 'https://${UNMARKED}/c/hotjar-1234.js?sv=6';
    document.head.appendChild(s);
  })();
</script>`;

interface PageOptions {
  /** Extra attributes on the loader tag, e.g. ` data-revision="2"`. */
  loader?: string;
  /** Body of `<script type="application/json" id="consentry-config">`; no block when undefined. */
  config?: string;
  head?: string;
  body?: string;
}

const page = (o: PageOptions = {}) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
${o.config === undefined ? '' : `<script type="application/json" id="consentry-config">${o.config}</script>`}
<script src="/consentry.js"${o.loader ?? ''}></script>
${o.head ?? ''}
</head>
<body>
<main><h1>Shop</h1><p>Tea and cups.</p>${o.body ?? ''}</main>
</body>
</html>`;

const SETTINGS = '<button type="button" id="settings" data-consentry-open>Cookie settings</button>';

let browser: Browser;
let site: Served;

beforeAll(async () => {
  browser = await launch();
  site = await serve({
    '/index.html': page({ loader: ' data-revision="1"', head: TRACKERS, body: SETTINGS }),
    '/revision-2.html': page({ loader: ' data-revision="2"', head: TRACKERS }),
    '/bad-days.html': page({ loader: ' data-revision="1" data-cookie-days="abc"', head: TRACKERS }),
    '/bad-json.html': page({ config: '{ "revision": "1", ', head: TRACKERS }),
  });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The contexts a test opened, closed after it. */
const opened: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});

/** A fresh context (its own cookie jar) with the third-party internet answered locally, closed after the test. */
async function fresh(): Promise<{ context: BrowserContext; net: Trackers; tab: Page }> {
  const context = await browser.newContext();
  opened.push(context);
  context.setDefaultTimeout(5000);
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
  const net = await trackers(context);
  return { context, net, tab: await context.newPage() };
}

const root = (tab: Page) => tab.locator('#consentry-root');
// The UI's own strings, so a reworded label does not break these tests; the names still prove the labelling.
const banner = (tab: Page) => root(tab).getByRole('dialog', { name: en.bannerTitle });
const preferences = (tab: Page) => root(tab).getByRole('dialog', { name: en.preferencesTitle });

const record = (tab: Page) => tab.evaluate(() => window.consentry.get());
const allowed = (tab: Page, category: string) => tab.evaluate((c) => window.consentry.allowed(c), category);
const analyticsHits = (net: Trackers) => net.count(MARKED) + net.count(UNMARKED);

/** Paths the page fetched from the site, minus the browser's own favicon request. */
const fetched = (from: number) =>
  site.log
    .slice(from)
    .map((p) => p.split('?')[0])
    .filter((p) => p !== '/favicon.ico');

const made: Record<string, Promise<string>> = {};
/** The raw consent cookie a real decision writes, taken from a throwaway context (once per decision). */
const realCookie = (decide: 'acceptAll' | 'rejectAll'): Promise<string> => (made[decide] ??= makeCookie(decide));

async function makeCookie(decide: 'acceptAll' | 'rejectAll'): Promise<string> {
  const { context, tab } = await fresh();
  await tab.goto(site.url('/index.html'));
  await tab.evaluate((d) => window.consentry[d](), decide);
  // The page's write reaches the browser's cookie store a moment later: on a busy machine the first look can miss it.
  let cookie: Cookie | undefined;
  for (let looks = 0; !cookie && looks < 50; looks++) {
    if (looks) await tab.waitForTimeout(100);
    cookie = (await context.cookies()).find((c) => c.name === 'consentry');
  }
  if (!cookie) throw new Error(`no "consentry" cookie after consentry.${decide}()`);
  return cookie.value;
}

/** A context whose jar already holds `consentry=<value>` for the site. */
async function withCookie(value: string) {
  const f = await fresh();
  await f.context.addCookies([{ name: 'consentry', value, url: site.origin }]);
  return f;
}

describe('first and return visits', () => {
  it('shows the banner on a first visit and lets no analytics tracker load before a decision', async () => {
    const { net, tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    await waitQuiet(tab);
    expect(await record(tab)).toBeNull();
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(analyticsHits(net)).toBe(0);
  });

  it('lets the held-back analytics trackers load once the visitor accepts all', async () => {
    const { net, tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    await net.waitFor(MARKED);
    await net.waitFor(UNMARKED);
    expect(await tab.evaluate(() => (window as any).analyticsRan)).toBe(true);
  });

  it('downloads only the loader and shows no banner on a return visit with a valid choice', async () => {
    const { tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    const from = site.log.length;
    await tab.reload();
    await waitQuiet(tab);
    expect(fetched(from)).toEqual(['/index.html', '/consentry.js']);
    expect(await root(tab).count()).toBe(0);
    expect((await record(tab))?.method).toBe('accept-all');
  });
});

describe('persistence', () => {
  it('keeps a rejection across reloads', async () => {
    const { net, tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.reload();
    await waitQuiet(tab);
    const r = await record(tab);
    expect(r?.method).toBe('reject-all');
    expect(r?.categories).toEqual({ necessary: true, preferences: false, analytics: false, marketing: false });
    expect(await root(tab).count()).toBe(0);
    expect(analyticsHits(net)).toBe(0);
  });

  it('reaches another open tab of the site without a reload', async () => {
    const { context, tab: first } = await fresh();
    const second = await context.newPage();
    await first.goto(site.url('/index.html'));
    await second.goto(site.url('/index.html'));
    await banner(second).waitFor();
    await second.evaluate(() =>
      addEventListener('consentry:change', (e) => ((window as any).heard = (e as CustomEvent).detail)),
    );
    await banner(first).getByRole('button', { name: en.acceptAll }).click();
    const detail = await (await second.waitForFunction(() => (window as any).heard)).jsonValue();
    const mine = await record(first);
    expect(mine?.method).toBe('accept-all');
    expect(detail).toEqual(mine);
    expect(await record(second)).toEqual(mine);
    expect(await allowed(second, 'analytics')).toBe(true);
    await banner(second).waitFor({ state: 'hidden' });
  });

  it('asks again when the page announces a newer policy revision', async () => {
    const { net, tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    expect((await record(tab))?.revision).toBe('1');
    net.reset();
    await tab.goto(site.url('/revision-2.html'));
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    await waitQuiet(tab);
    expect(await record(tab)).toBeNull();
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(analyticsHits(net)).toBe(0);
  });
});

describe('damaged consent cookies count as no record', () => {
  it('honours a consent cookie copied unchanged into a new browser (the control for the cases below)', async () => {
    const { net, tab } = await withCookie(await realCookie('acceptAll'));
    await tab.goto(site.url('/index.html'));
    expect((await record(tab))?.method).toBe('accept-all');
    expect(await allowed(tab, 'analytics')).toBe(true);
    await net.waitFor(MARKED);
  });

  const cases: [string, () => Promise<string>][] = [
    ['garbage', async () => 'garbage'],
    [
      'hand-edited (a category flipped, checksum now wrong)',
      async () => {
        const o = JSON.parse(decodeURIComponent(await realCookie('rejectAll')));
        o.categories.analytics = true;
        o.categories.marketing = true;
        return encodeURIComponent(JSON.stringify(o));
      },
    ],
    [
      'oversized (a valid accept-all record padded past any sane size)',
      async () => {
        const o = JSON.parse(decodeURIComponent(await realCookie('acceptAll')));
        o.pad = 'x'.repeat(3000);
        return encodeURIComponent(JSON.stringify(o));
      },
    ],
    [
      'foreign-shaped (valid JSON of another tool)',
      async () => encodeURIComponent('{"necessary":true,"analytics":true}'),
    ],
  ];

  it.each(cases)('shows the banner and grants nothing for a %s cookie', async (_, make) => {
    const value = await make();
    expect(value.length).toBeLessThan(4000); // the browser must really store it
    const { context, net, tab } = await withCookie(value);
    const errors: Error[] = [];
    tab.on('pageerror', (e) => errors.push(e));
    await tab.goto(site.url('/index.html'));
    expect((await context.cookies()).some((c) => c.name === 'consentry')).toBe(true);
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    await waitQuiet(tab);
    expect(await record(tab)).toBeNull();
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(await allowed(tab, 'marketing')).toBe(false);
    expect(await tab.evaluate(() => (window as any).analyticsRan)).toBe(false);
    expect(analyticsHits(net)).toBe(0);
    expect(errors).toEqual([]);
  });
});

describe('API surface in the page', () => {
  it('opens the preferences dialog from any element with data-consentry-open', async () => {
    const { tab } = await fresh();
    await tab.goto(site.url('/index.html'));
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.reload();
    await waitQuiet(tab);
    expect(await root(tab).count()).toBe(0);
    await tab.locator('#settings').click();
    await preferences(tab).waitFor();
    expect(
      await preferences(tab).getByRole('switch', { name: en.categories.analytics.title }).getAttribute('aria-checked'),
    ).toBe('false');
  });

  it('fires consentry:ready with the stored record and consentry:change with the new record', async () => {
    const { context, tab } = await fresh();
    await context.addInitScript(() => {
      const w = window as any;
      w.seen = [];
      for (const type of ['ready', 'change'])
        addEventListener('consentry:' + type, (e) => w.seen.push({ type, detail: (e as CustomEvent).detail }));
    });
    const seen = () => tab.evaluate(() => (window as any).seen as { type: string; detail: unknown }[]);

    await tab.goto(site.url('/index.html'));
    expect(await seen()).toEqual([{ type: 'ready', detail: null }]);
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    const accepted = await record(tab);
    expect(accepted?.method).toBe('accept-all');
    expect(await seen()).toEqual([
      { type: 'ready', detail: null },
      { type: 'change', detail: accepted },
    ]);

    await tab.reload();
    await tab.waitForFunction(() => (window as any).seen.length > 0);
    expect(await seen()).toEqual([{ type: 'ready', detail: accepted }]);
  });
});

describe('failures never open the gate', () => {
  /** Console errors of the page, without Chromium's own "Failed to load resource" network lines. */
  const consoleErrors = (tab: Page) => {
    const errors: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });
    return errors;
  };

  it('logs one console error and grants nothing when the UI chunk fails to load', async () => {
    const { net, tab } = await fresh();
    await tab.route(
      (url) => url.pathname.endsWith('/consentry-ui.js'),
      (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }),
    );
    const errors = consoleErrors(tab);
    await tab.goto(site.url('/index.html'));
    await waitQuiet(tab);
    expect(fetched(0)).toContain('/consentry-ui.js');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/consentry/i);
    expect(await record(tab)).toBeNull();
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(analyticsHits(net)).toBe(0);
  });

  it('logs one console error naming the key for data-cookie-days="abc" and keeps blocking', async () => {
    const { net, tab } = await fresh();
    const errors = consoleErrors(tab);
    await tab.goto(site.url('/bad-days.html'));
    await banner(tab).waitFor();
    await waitQuiet(tab);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/cookie[-.]?days/i);
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(analyticsHits(net)).toBe(0);
  });

  it('logs one console error naming #consentry-config for broken JSON and keeps blocking', async () => {
    const { net, tab } = await fresh();
    const errors = consoleErrors(tab);
    await tab.goto(site.url('/bad-json.html'));
    await banner(tab).waitFor();
    await waitQuiet(tab);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/consentry-config/);
    expect(await allowed(tab, 'analytics')).toBe(false);
    expect(analyticsHits(net)).toBe(0);
  });
});
