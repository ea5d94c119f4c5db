/**
 * The shield, end to end in Chromium: the loader registers dist/consentry-sw.js after `load`, and from a visitor's
 * second page view on the worker holds tracker requests at the network, including those no in-page guard sees (a CSS
 * `url()`, a Worker's `fetch`, the markup of an `<iframe srcdoc>`).
 *
 * The site is served as http://localhost:<port> (a secure context, which service workers need) and every third party
 * is answered by the harness's `trackers()` route. What the route counts is what reached the network: in Chromium a
 * request the worker leaves alone (no `respondWith`) goes to the network and is routed, a request the worker fetches
 * itself is routed too, and a request the worker answers itself never leaves the browser. Each claim has a control
 * that shows the same check failing without the shield's answers: a worker that answers nothing, or no worker.
 *
 * Waits are on signals, never on time alone: `navigator.serviceWorker.controller`, a counted request, an item in
 * `blocked()`. Every repeated request carries a URL never used before (`corpusFire()`), so that no response cached
 * in an earlier step can stand in for a request.
 */
import type { Browser, Page } from 'playwright-core';
import { type CorpusPage, corpusFiles, type Form, networkOnly, pages } from './corpus/pages';
import { api, arrivals, categoryOf, click, fire, none, openContext, settle, type Visit } from './corpus/scenario';
import { launch, type Served, serve, type Trackers, waitQuiet } from './harness';

const LOADER = '<script src="/consentry.js">';
/** The loader tag of each way a page can be served: the shield on, switched off, absent, or a worker that answers nothing. */
const LOADERS: Record<string, string> = {
  on: '<script src="/consentry.js" data-service-worker="/consentry-sw.js" data-reload-on-withdraw="false">',
  off: '<script src="/consentry.js" data-service-worker="false" data-reload-on-withdraw="false">',
  absent: '<script src="/consentry.js" data-reload-on-withdraw="false">',
  inert: '<script src="/consentry.js" data-service-worker="/inert-sw.js" data-reload-on-withdraw="false">',
  site: '<script src="/consentry.js" data-service-worker="/site-sw.js" data-reload-on-withdraw="false">',
};
type Way = keyof typeof LOADERS;

const SITE_API = '/site-api/hello';
const WORKERS = {
  // Registered like the shield, and controls the page like it, but answers nothing: the control of every claim.
  '/inert-sw.js': `self.addEventListener('install', (e) => e.waitUntil(self.skipWaiting()));
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));`,
  // A site's own worker with the shield imported first, serving its own URLs with its own fetch listener.
  '/site-sw.js': `importScripts('/consentry-sw.js');
self.addEventListener('fetch', (e) => {
  if (new URL(e.request.url).pathname === '${SITE_API}') e.respondWith(new Response('served by the site worker'));
});`,
};

const everyPage = [...pages, ...networkOnly];
const byName = (name: string) => everyPage.find((p) => p.name === name)!;

let browser: Browser;
let site: Served;
beforeAll(async () => {
  const files: Record<string, string> = { ...corpusFiles(), ...WORKERS };
  for (const p of everyPage)
    for (const form of ['unmarked', 'marked'] as Form[])
      for (const [way, tag] of Object.entries(LOADERS))
        files[`/${way}/${p.name}-${form}.html`] = p.html(form).replace(LOADER, tag);
  [browser, site] = await Promise.all([launch(), serve(files)]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The page's URL on http://localhost, a secure context. */
const at = (way: Way, p: CorpusPage, form: Form = 'unmarked') =>
  site.url(`/${way}/${p.name}-${form}.html`).replace('127.0.0.1', 'localhost');

const open = (): Promise<Visit> => openContext(browser);

const isControlled = (page: Page) => page.evaluate(() => !!navigator.serviceWorker.controller);
const waitControlled = (page: Page) =>
  page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });

/** The first page view: the loader registers the worker after `load`; it activates and takes control of the page. */
async function firstView(v: Visit, way: Way, p: CorpusPage, form: Form = 'unmarked'): Promise<void> {
  await v.page.goto(at(way, p, form));
  await waitControlled(v.page);
}

/** Another page view of the same site, settled; the hits counted so far are forgotten first. */
async function view(v: Visit, way: Way, p: CorpusPage, form: Form = 'unmarked'): Promise<void> {
  v.net.reset();
  await v.page.goto(at(way, p, form));
  await settle(v.page, p);
}

/** Every hit on a tracker host outside `allowed` (no exceptions: the shield has no known limits on a second view). */
const outside = (net: Trackers, allowed: string[] = []) =>
  net.hits
    .filter((h) => !allowed.includes(categoryOf(h) ?? 'unknown'))
    .map((h) => `${categoryOf(h) ?? 'unknown host'} ${h.host}${h.path.slice(0, 90)} (${h.type})`);

/** Waits until `blocked()` lists a URL containing `part` (the in-page guards' or the worker's report). */
const waitBlocked = (page: Page, part: string) =>
  page.waitForFunction(
    (text) => (window as any).consentry.blocked().some((item: { url: string }) => item.url.includes(text)),
    part,
    { timeout: 10_000 },
  );
const blockedUrls = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as any).consentry.blocked().map((item: { url: string }) => item.url));

/** Refire and click what the page offers, then let the page's requests land. */
async function fireAndSettle(v: Visit, p: CorpusPage): Promise<void> {
  await fire(v.page);
  await click(v.page, p);
  await waitQuiet(v.page, 200);
}

describe('the second page view of every corpus page, unmarked and not rewritten, with the shield', () => {
  test.concurrent.each(everyPage.map((p) => [p.name, p] as const))(
    '%s: nothing reaches a tracker before a decision or after Reject all, and Accept all on that page brings every tracker back',
    async (_name, p) => {
      const v = await open();
      try {
        await firstView(v, 'on', p);
        await view(v, 'on', p);
        expect(await isControlled(v.page)).toBe(true);
        none('second view, before a decision', outside(v.net));

        await api(v.page, 'rejectAll');
        await fireAndSettle(v, p);
        none('second view, after Reject all', outside(v.net));

        await api(v.page, 'acceptAll');
        await fireAndSettle(v, p);
        none('second view, after Accept all', await arrivals(v, p, ['analytics', 'marketing'], { form: 'unmarked' }));
        none('page errors', v.errors);
      } finally {
        await v.close();
      }
    },
  );

  // The control: the same second view under a worker that answers nothing leaks what in-page blocking cannot hold.
  const limited = everyPage.filter((p) => p.limits?.some((l) => l.form === 'unmarked' && !l.race));
  test.concurrent.each(limited.map((p) => [p.name, p] as const))(
    '%s: under a worker that answers nothing, the same second view does leak (the control)',
    async (_name, p) => {
      const v = await open();
      try {
        await firstView(v, 'inert', p);
        await view(v, 'inert', p);
        if (networkOnly.includes(p)) await fireAndSettle(v, p);
        expect(await isControlled(v.page)).toBe(true);
        for (const limit of p.limits!.filter((l) => l.form === 'unmarked' && !l.race))
          expect(v.net.count(limit.hit), limit.hit).toBeGreaterThan(0);
      } finally {
        await v.close();
      }
    },
  );
});

describe('consent at the network', () => {
  test.concurrent('allowing analytics alone lets analytics through the worker and nothing of marketing', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await firstView(v, 'on', p);
      await view(v, 'on', p);
      await api(v.page, 'set', { analytics: true });
      await fire(v.page);
      await v.net.waitFor('hm.baidu.com/hm.gif?si=csspixel&n=1-');
      await waitBlocked(v.page, 'ev=CssPixel&n=1-');
      none('analytics only', outside(v.net, ['analytics']));
      // The control: the same refire with marketing allowed does reach the tracker.
      await api(v.page, 'set', { marketing: true });
      await fire(v.page);
      await v.net.waitFor('www.facebook.com/tr?id=1&ev=CssPixel&n=2-');
    } finally {
      await v.close();
    }
  });

  /** Accept all, prove marketing gets through, then withdraw it. */
  async function acceptThenWithdraw(v: Visit): Promise<void> {
    await api(v.page, 'acceptAll');
    await fire(v.page);
    await v.net.waitFor('www.facebook.com/tr?id=1&ev=CssPixel&n=1-');
    await api(v.page, 'set', { marketing: false });
  }
  /** Refires the CSS pixels once; the number this refire put in their URLs (`n=<number>-`). */
  const refire = async (v: Visit): Promise<number> => {
    await fire(v.page);
    return v.page.evaluate(() => (window as any).corpusFires as number);
  };

  test.concurrent('a withdrawal is refused at the network without a reload, once the worker has heard it', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await firstView(v, 'on', p);
      await view(v, 'on', p);
      await acceptThenWithdraw(v);
      // The withdrawal reaches the worker as a message, which a request made right after it can overtake (README):
      // refire until the worker refuses one, then once more.
      await v.page.waitForFunction(
        () => {
          const win = window as any;
          win.corpusFire();
          return win.consentry.blocked().some((item: { url: string }) => item.url.includes('ev=CssPixel'));
        },
        null,
        { timeout: 10_000, polling: 250 },
      );
      const n = await refire(v);
      // Analytics is still allowed: its request of the same refire arriving shows the refire happened.
      await v.net.waitFor(`hm.baidu.com/hm.gif?si=csspixel&n=${n}-`);
      await waitBlocked(v.page, `ev=CssPixel&n=${n}-`);
      expect(v.net.count(`www.facebook.com/tr?id=1&ev=CssPixel&n=${n}-`)).toBe(0);
    } finally {
      await v.close();
    }
  });

  test.concurrent('without the shield the same withdrawal does not stop a CSS pixel (the control)', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await view(v, 'absent', p);
      await acceptThenWithdraw(v);
      const n = await refire(v);
      await v.net.waitFor(`www.facebook.com/tr?id=1&ev=CssPixel&n=${n}-`);
    } finally {
      await v.close();
    }
  });
});

describe("the worker's refusals in blocked()", () => {
  test.concurrent('blocked() lists what the worker refused, on a request no in-page guard sees', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await firstView(v, 'on', p);
      // The control: the first view was not controlled when its CSS loaded, and its pixel got out, unlisted.
      expect(v.net.count('www.facebook.com/tr?id=1&ev=CssPixel&n=0')).toBe(1);
      expect((await blockedUrls(v.page)).filter((url) => url.includes('CssPixel'))).toEqual([]);
      await view(v, 'on', p);
      await waitBlocked(v.page, 'ev=CssPixel&n=0');
      const item = await v.page.evaluate(() =>
        (window as any).consentry.blocked().find((i: { url: string }) => i.url.includes('ev=CssPixel')),
      );
      expect(item).toMatchObject({
        kind: 'img',
        category: 'marketing',
        url: 'https://www.facebook.com/tr?id=1&ev=CssPixel&n=0',
      });
      expect(v.net.count('www.facebook.com/tr')).toBe(0);
    } finally {
      await v.close();
    }
  });
});

describe('switching the shield off', () => {
  test.concurrent('serviceWorker false unregisters the worker on the next page view, and the page after is not controlled', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await firstView(v, 'on', p);
      // The control: a page view without the key leaves the registration alone, and that page is held.
      await view(v, 'absent', p);
      expect(await isControlled(v.page)).toBe(true);
      expect(v.net.count('www.facebook.com/tr')).toBe(0);
      await view(v, 'off', p);
      await v.page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 0, null, {
        timeout: 10_000,
      });
      await view(v, 'off', p);
      expect(await isControlled(v.page)).toBe(false);
      // Nothing holds the CSS pixel any more: it is back to the in-page blocker's known limit.
      await v.net.waitFor('www.facebook.com/tr?id=1&ev=CssPixel&n=0');
    } finally {
      await v.close();
    }
  });
});

describe("a site's own worker importing the shield", () => {
  test.concurrent('serves its own fetch handler for its own URLs and holds trackers all the same', async () => {
    const p = byName('css-url');
    const v = await open();
    try {
      await v.page.goto(at('site', p));
      // The control: before the worker controls a page, the server answers the site's URL itself (404).
      expect(await v.page.evaluate((url) => fetch(url).then((r) => r.status), SITE_API)).toBe(404);
      await waitControlled(v.page);
      await view(v, 'site', p);
      expect(await v.page.evaluate((url) => fetch(url).then((r) => r.text()), SITE_API)).toBe(
        'served by the site worker',
      );
      await waitBlocked(v.page, 'ev=CssPixel&n=0');
      none('second view under the site worker', outside(v.net));
    } finally {
      await v.close();
    }
  });
});

describe('the first page view, not yet controlled (the known limit)', () => {
  const staticLimits = pages.filter((p) => p.limits?.some((l) => l.form === 'unmarked' && !l.race));
  test.concurrent.each(staticLimits.map((p) => [p.name, p] as const))(
    '%s: the unmarked first view leaks what the preload scanner fetches; the marked first view leaks nothing',
    async (_name, p) => {
      const unmarked = await open();
      const marked = await open();
      try {
        await Promise.all([unmarked.page.goto(at('on', p, 'unmarked')), marked.page.goto(at('on', p, 'marked'))]);
        await Promise.all([settle(unmarked.page, p), settle(marked.page, p)]);
        for (const limit of p.limits!.filter((l) => l.form === 'unmarked' && !l.race))
          expect(unmarked.net.count(limit.hit), `first view, unmarked: ${limit.why}`).toBeGreaterThan(0);
        none('first view, marked', outside(marked.net));
      } finally {
        await Promise.all([unmarked.close(), marked.close()]);
      }
    },
  );

  test.concurrent.each(networkOnly.map((p) => [p.name, p] as const))(
    '%s: the first view leaks what no marking can reach, which the second view holds (above)',
    async (_name, p) => {
      const v = await open();
      try {
        await v.page.goto(at('on', p, 'marked'));
        await settle(v.page, p);
        for (const limit of p.limits!.filter((l) => l.form === 'marked'))
          expect(v.net.count(limit.hit), `first view: ${limit.why}`).toBeGreaterThan(0);
      } finally {
        await v.close();
      }
    },
  );
});
