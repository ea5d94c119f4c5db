/**
 * Parsing as the platform parses, in the system Chromium against dist/: `ping` and `srcset` split on ASCII
 * whitespace (a TAB, LF, FF or CR separates as a space does), cookie attributes read as RFC 6265bis reads them, and
 * a cookieStore.set name read as the platform reads it.
 * Each case runs twice: on a page without Consentry (the control: the tracker is reached, the cookie is kept) and
 * with it (nothing reaches the tracker, no tracking cookie is kept).
 */

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type HitFilter, launch, type Served, serve, type Trackers, trackers, waitQuiet } from './harness';

const GA = 'www.google-analytics.com';

interface Case {
  /** What the page does, as page script run at the end of <body>. */
  script: string;
  /** Static markup before the script. */
  markup?: string;
  /** Clicked by the visitor (Playwright) after load. */
  click?: string;
  /** Tracker hits to count, or cookie names that must not be kept. */
  hits?: HitFilter;
  cookies?: string[];
}

const page = (c: Case, withConsentry: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>t</title>
${withConsentry ? '<script src="/consentry.js"></script>' : ''}
</head><body><iframe name="f" src="/blank.html"></iframe>
${c.markup ?? ''}
<script>${c.script}</script>
</body></html>`;

const CASES: Record<string, Case> = {
  'a tracker URL after a TAB in ping (set by script)': {
    markup: '<a id="go" href="/blank.html?n" target="f">next</a>',
    script: `document.getElementById('go').setAttribute('ping', '/own\\thttps://${GA}/collect?via=tab');`,
    click: '#go',
    hits: GA,
  },
  'a tracker URL after a line feed in ping (set by script, as a property)': {
    markup: '<a id="go" href="/blank.html?n" target="f">next</a>',
    script: `document.getElementById('go').ping = '/own\\nhttps://${GA}/collect?via=lf';`,
    click: '#go',
    hits: GA,
  },
  'a tracker URL after a form feed in ping (in the markup)': {
    markup: `<a id="go" href="/blank.html?n" target="f" ping="/own&#12;https://${GA}/collect?via=ff">next</a>`,
    script: '',
    click: '#go',
    hits: GA,
  },
  'a tracker URL followed by a TAB and its descriptor in srcset': {
    script: `const i = new Image(); i.srcset = 'https://${GA}\\t1x'; document.body.append(i);`,
    hits: GA,
  },
  'a tracker URL followed by a carriage return and its descriptor in srcset (setAttribute)': {
    script: `const i = document.createElement('img'); i.setAttribute('srcset', 'https://${GA}:443\\r1x'); document.body.append(i);`,
    hits: GA,
  },
  'a tracker URL right after the comma ending a candidate in srcset': {
    script: `const i = document.createElement('img'); i.srcset = '/own.png 2x,https://${GA}/p.gif\\f1x'; document.body.append(i);`,
    hits: GA,
  },
  'a srcset URL whose host holds a comma and ends with a tracker host': {
    script: `const i = document.createElement('img'); i.srcset = 'https://own.example,.${GA}/p.gif 1x'; document.body.append(i);`,
    hits: (hit) => hit.host.endsWith('.' + GA),
  },
  'cookieStore.set(name, value) with a String object as the name': {
    script: `cookieStore.set(new String('_ga'), 'boxed');`,
    cookies: ['_ga'],
  },
  'cookieStore.set(options) whose name and expiry are getters (read once, as the platform reads them)': {
    script: `cookieStore.set({ get name() { return '_gid'; }, value: 'got', expires: { valueOf: () => Date.now() + 86400000 } });`,
    cookies: ['_gid'],
  },
  'cookie writes whose attributes a guard could misread (last Max-Age, invalid Max-Age, unparsable Expires)': {
    script: [
      `document.cookie = '_ga=1; max-age=-1; max-age=3600; path=/';`,
      `document.cookie = '_gid=2; max-age=-1x; path=/';`,
      `document.cookie = '_gat=3; expires=1; path=/';`,
      `document.cookie = '_ga_X=4; expires=Thu, 01 Jan 1970 00:00:00 GMT; expires=Fri, 01 Jan 2100 00:00:00 GMT; path=/';`,
      `document.cookie = '_fbp=5; max-age=0; max-age=abc; path=/';`,
    ].join('\n'),
    cookies: ['_ga', '_gid', '_gat', '_ga_X', '_fbp'],
  },
};

let browser: Browser;
let site: Served;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  const files: Record<string, string> = { '/blank.html': '<!doctype html><title>b</title>' };
  Object.values(CASES).forEach((c, i) => {
    files[`/without-${i}.html`] = page(c, false);
    files[`/with-${i}.html`] = page(c, true);
  });
  site = await serve(files);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});
afterEach(async () => {
  await context?.close();
});

/** Runs case `i` on its page with or without Consentry; what reached the tracker and which cookies were kept. */
async function run(i: number, withConsentry: boolean): Promise<{ hits: number; cookies: string[] }> {
  const c = Object.values(CASES)[i];
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
  const net: Trackers = await trackers(context);
  const tab = await context.newPage();
  await tab.goto(site.url(`/${withConsentry ? 'with' : 'without'}-${i}.html`));
  if (c.click) await tab.click(c.click);
  await waitQuiet(tab);
  if (c.hits && !withConsentry) await net.waitFor(c.hits).catch(() => undefined);
  const kept = (await context.cookies()).map((cookie) => cookie.name);
  const result = { hits: c.hits ? net.count(c.hits) : 0, cookies: kept.filter((name) => c.cookies?.includes(name)) };
  await context.close();
  return result;
}

describe('ping, srcset and cookie attributes are read as Chromium reads them', () => {
  it.each(Object.keys(CASES).map((name, i) => [name, i] as const))(
    '%s: the control leaks, Consentry holds it',
    async (_, i) => {
      const c = Object.values(CASES)[i];
      const without = await run(i, false);
      const withConsentry = await run(i, true);
      if (c.hits) {
        expect(without.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
        expect(withConsentry.hits).toBe(0);
      }
      if (c.cookies) {
        expect(without.cookies.sort(), 'control: without Consentry every cookie is kept').toEqual(
          [...c.cookies].sort(),
        );
        expect(withConsentry.cookies).toEqual([]);
      }
    },
  );
});
