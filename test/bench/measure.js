// One function per measurement; each takes a fresh browser context so no run inherits another's
// cookies, caches or compiled code, and every load is a first visit unless the function says otherwise.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { BANNER_PROBE } from './pages.js';
import { median } from './report.js';

// The project's Chromium flags (src/node/chromium-args.json, as audit, scan and the browser tests use them), and:
const ARGS = [
  ...JSON.parse(readFileSync(new URL('../../src/node/chromium-args.json', import.meta.url), 'utf8')),
  // Every host but ours fails at DNS at once, so nothing can leave the machine or hang even where no route is set.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const launch = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

const DESKTOP = { viewport: { width: 1280, height: 800 } };
/** A mid-range phone's screen, as Lighthouse's mobile run emulates it. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

/**
 * `route`: answer any other host with a local 204 through Playwright. Only for pages with a handful of requests:
 * Playwright then intercepts every request, first-party ones included, through this Node process, which on a
 * 2-core machine steals CPU from the renderer and turns off the HTTP cache. The timed pages rely on the
 * host-resolver rule above instead, and make no third-party request anyway.
 */
async function open(browser, origin, { route = false, device = DESKTOP } = {}) {
  const context = await browser.newContext(device);
  if (route) {
    await context.route(
      (url) => url.origin !== origin,
      (r) => r.fulfill({ status: 204, body: '' }),
    );
  }
  const page = await context.newPage();
  return { context, page };
}

/** A page's query for `tool`; `consentry-preload` is Consentry's page behind consentry/middleware with `preloadBanner` (server.js). */
const toolQuery = (tool) => (tool == 'consentry-preload' ? 'tool=consentry&preload=1' : `tool=${tool}`);

/** The tools that show a banner, which BANNER_PROBE can find. */
const HAS_BANNER = new Set(['consentry', 'cc', 'klaro']);

/** Consentry's own UI is in a shadow root; Playwright's locators pierce open ones. */
const ACCEPT = {
  consentry: (page) =>
    page
      .locator('#consentry-root')
      .getByRole('button', { name: /accept all/i })
      .first(),
  cc: (page) => page.locator('#cc-main .cm [data-role="all"]').first(),
  klaro: (page) =>
    page
      .locator('.klaro .cookie-notice')
      .getByRole('button', { name: /accept|ok/i })
      .first(),
};

/** Time to visible banner and layout shift, on an article page. */
export async function bannerRun(browser, origin, tool, settleMs = 800) {
  const { context, page } = await open(browser, origin, { route: true });
  try {
    await page.goto(`${origin}/page/banner?${toolQuery(tool)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench && window.__bench.visible !== null, null, { timeout: 10_000 });
    // Fade-ins and late reflows happen after "visible"; give them time to shift something if they will.
    await page.waitForTimeout(settleMs);
    const b = await page.evaluate(() => window.__bench);
    return { visible: b.visible, cls: b.shifts.reduce((n, s) => n + s.value, 0), shifts: b.shifts };
  } finally {
    await context.close();
  }
}

const cpuMs = async (cdp) => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((x) => x.name === 'ScriptDuration').value * 1000;
};

/**
 * Calls the page's `window[name](...args)` from a task of the page's own. Chromium leaves code run by DevTools'
 * evaluate out of ScriptDuration, so the work has to be scheduled by the page itself to be counted.
 */
const asPageTask = (page, name, ...args) =>
  page.evaluate(
    ([n, a]) =>
      new Promise((done, fail) =>
        setTimeout(() => {
          try {
            Promise.resolve(window[n](...a)).then(done, fail);
          } catch (e) {
            fail(e);
          }
        }),
      ),
    [name, args],
  );

async function cpuClock(context, page) {
  const cdp = await context.newCDPSession(page);
  // Thread CPU time, not wall time: on a busy 2-core machine the renderer is often descheduled, and wall
  // time would mostly measure that.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return () => cpuMs(cdp);
}

const choices = new Map();
/**
 * The cookies of a visitor who pressed "Reject all" (`choice` "rejected") or "Accept all" ("accepted") on the heavy
 * page, made once per tool and choice.
 */
async function storedChoice(browser, origin, tool, choice) {
  const key = `${tool}-${choice}`;
  if (!choices.has(key)) {
    const { context, page } = await open(browser, origin);
    await page.goto(`${origin}/page/heavy?tool=${tool}`, { waitUntil: 'load' });
    if (choice == 'accepted') await page.evaluate(() => window.consentry.acceptAll());
    else if (choice == 'rejected') await page.evaluate(() => window.consentry.rejectAll());
    else throw new Error(`unknown stored choice "${choice}"`);
    choices.set(key, await context.cookies());
    await context.close();
  }
  return choices.get(key);
}

/**
 * A fresh browser context for `variant`: `<tool>` is a first visit, `<tool>-rejected` and `<tool>-accepted` a
 * returning visitor with that stored choice (in a fresh context all the same: nothing cached, nothing compiled).
 */
async function openVisit(browser, origin, variant, options) {
  const [tool, choice] = variant.split('-');
  const opened = await open(browser, origin, options);
  if (choice) await opened.context.addCookies(await storedChoice(browser, origin, tool, choice));
  return { tool, ...opened };
}

/**
 * The platform functions the page no longer has as the browser made them: every method and accessor of every
 * global interface and its prototype, and of window, document and navigator, whose source is not "[native code]".
 * Window's own names are taken only where a fresh frame's window has them too, so page globals do not count.
 * None on a page with no tool; a tool with nothing to guard (a returning visitor who allowed everything) must
 * leave none.
 */
const patchedNatives = (page) =>
  page.evaluate(() => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const platform = new Set(Object.getOwnPropertyNames(frame.contentWindow));
    frame.remove();
    const native = (f) =>
      typeof f != 'function' || /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));
    const holders = [
      [window, 'window'],
      [document, 'document'],
      [navigator, 'navigator'],
    ];
    for (const name of platform) {
      const value = /^[A-Z]/.test(name) && Object.getOwnPropertyDescriptor(window, name)?.value;
      if (typeof value == 'function' && value.prototype)
        holders.push([value, name], [value.prototype, `${name}.prototype`]);
    }
    const patched = [];
    const seen = new Set(); // Image.prototype is HTMLImageElement.prototype: each object once
    for (const [holder, label] of holders) {
      if (seen.has(holder)) continue;
      seen.add(holder);
      for (const key of Object.getOwnPropertyNames(holder)) {
        if (holder === window && !platform.has(key)) continue;
        const d = Object.getOwnPropertyDescriptor(holder, key);
        if (d && ![d.value, d.get, d.set].every(native)) patched.push(`${label}.${key}`);
      }
    }
    return patched.sort();
  });

/**
 * One load of the DOM-heavy page. `startup` is all script CPU time until the page settled (the tool's parse,
 * compile and init; for Consentry on a first visit also its lazy UI and banner); `workload` is the page's own work,
 * run after that; `warm` is that work run a second time on the same page; `patched` the platform functions the
 * tool replaced (read last, so the scan is in no timed span).
 */
export async function heavyRun(browser, origin, variant, settleMs = 500) {
  const { tool, context, page } = await openVisit(browser, origin, variant);
  try {
    const cpu = await cpuClock(context, page);
    await page.goto(`${origin}/page/heavy?tool=${tool}`, { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    const startup = await cpu();
    const wall = await asPageTask(page, '__workload');
    const workload = (await cpu()) - startup;
    // The same work once more on the same page: the guards' code is compiled and warm by then, as on a page that
    // keeps working (a single-page app). The first pass is what a fresh page view pays.
    await page.evaluate(() => (document.getElementById('app').textContent = ''));
    const before = await cpu();
    await asPageTask(page, '__workload');
    const warm = (await cpu()) - before;
    const patched = await patchedNatives(page);
    return { startup, workload, total: startup + workload, wall, warm, patched: patched.length, patchedNames: patched };
  } finally {
    await context.close();
  }
}

/** Trace categories for `startupRun`: script evaluation, function calls and compiles with their URLs; no more, as every category costs the page time. */
const STARTUP_TRACE = ['devtools.timeline'];

/**
 * The tool's own start-up, from a Chromium trace of one load of the heavy page (which has no script of its own
 * before the tool). Per file the tool served (its URL under /tools/<tool>/): `main`, the main thread's CPU time in
 * that file's code: its EvaluateScript (compile and top-level run, the part that blocks the parser) plus every
 * later task that entered the file's functions until the page settled (observer callbacks, timers, event
 * listeners), nested events counted once; and `background`, V8's off-thread parse and compile of the file (script
 * streaming), which the parser waits for but the main thread does not spend. Thread time (`tdur`), not wall time.
 */
export async function startupRun(browser, origin, variant, settleMs = 500) {
  const { tool, context, page } = await openVisit(browser, origin, variant);
  try {
    await browser.startTracing(page, { categories: STARTUP_TRACE });
    let events;
    try {
      await page.goto(`${origin}/page/heavy?tool=${tool}`, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
    } finally {
      events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    }
    return toolCpu(events, `${origin}/tools/${tool}/`);
  } finally {
    await context.close();
  }
}

/** `startupRun`'s reading of a trace: { [file]: { main, background } } in ms, in the order the files ran. */
export function toolCpu(events, prefix) {
  const urlOf = (e) => e.args?.data?.url ?? e.args?.fileName ?? '';
  const ours = (e) => e.ph == 'X' && urlOf(e).startsWith(prefix);
  const first = events.filter((e) => ours(e) && e.name == 'EvaluateScript').sort((a, b) => a.ts - b.ts)[0];
  if (!first) throw new Error(`no script from ${prefix} ran in the trace`);
  const main = (e) => e.pid == first.pid && e.tid == first.tid;
  const out = {};
  const add = (e, key) => {
    const file = urlOf(e).slice(prefix.length).split('?')[0];
    out[file] ??= { main: 0, background: 0 };
    out[file][key] += (e.tdur ?? e.dur) / 1000;
  };
  let end = -1;
  for (const e of events.filter((x) => ours(x) && main(x)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (e.ts < end) continue; // inside an event already counted
    if (e.name != 'EvaluateScript' && e.name != 'FunctionCall' && e.name != 'v8.run' && e.name != 'v8.compile')
      continue;
    add(e, 'main');
    end = e.ts + e.dur;
  }
  for (const e of events) if (ours(e) && !main(e) && e.name == 'v8.parseOnBackground') add(e, 'background');
  return out;
}

/** Slow 4G as the budget states it (150 ms round trip, 1.6 Mbps down, 750 kbps up) and a 4× slower CPU. */
export const SLOW_PHONE = {
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
  cpuSlowdown: 4,
};

/**
 * One first visit of the site page (`/page/site`) on a slow phone: a fresh context (empty cache, no connection
 * open yet), throttled through the DevTools protocol before the navigation starts. Returns the page's own first
 * contentful paint (PerformanceObserver 'paint', ms from navigation start), for the record the moment the last
 * render-blocking response ended and the bytes each kind of response brought before that, and `banner`: the first
 * frame with the tool's banner visible (ms from navigation start; null for a tool without a banner).
 */
export async function fcpRun(browser, origin, tool) {
  const { context, page } = await open(browser, origin, { device: PHONE });
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_PHONE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_PHONE.cpuSlowdown });
    // The banner probe of the banner page, run before any script of the page instead of as a tag in it, so that the
    // page's own bytes and render-blocking files stay as they are. A tool without a banner (yett, none) polls nothing.
    await page.addInitScript({ content: BANNER_PROBE });
    await page.goto(`${origin}/page/site?${toolQuery(tool)}`, { waitUntil: 'commit', timeout: 60_000 });
    const paints = await page.evaluate(
      () =>
        new Promise((done, fail) => {
          setTimeout(() => fail(new Error('no first-contentful-paint entry within 30 s')), 30_000);
          new PerformanceObserver((list, observer) => {
            const paint = list.getEntriesByName('first-contentful-paint')[0];
            if (!paint) return;
            observer.disconnect();
            const resources = performance.getEntriesByType('resource');
            const blocking = resources.filter((r) => r.renderBlockingStatus == 'blocking');
            const nav = performance.getEntriesByType('navigation')[0];
            done({
              fcp: paint.startTime,
              html: nav.responseEnd,
              lastBlocking: Math.max(nav.responseEnd, ...blocking.map((r) => r.responseEnd)),
              blocking: blocking.map((r) => ({
                url: new URL(r.name).pathname,
                end: r.responseEnd,
                bytes: r.transferSize,
              })),
            });
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    if (!HAS_BANNER.has(tool.split('-')[0])) return { ...paints, banner: null };
    await page.waitForFunction(() => window.__bench?.visible != null, null, { timeout: 30_000, polling: 250 });
    return { ...paints, banner: await page.evaluate(() => window.__bench.visible) };
  } finally {
    await context.close();
  }
}

/**
 * Bytes of the tool's own files as the browser received them (encoded body, no headers), on a first visit and
 * on the visit after. With `accept`, the first visit clicks the banner's accept button, so the second is a
 * returning visitor with a valid stored choice.
 */
export async function toolBytes(browser, origin, tool, { accept = true, settleMs = 1500 } = {}) {
  const { context, page } = await open(browser, origin, { route: true });
  const prefix = `${origin}/tools/`;
  const visits = [[], []];
  let visit = 0;
  const pending = [];
  page.on('requestfinished', (req) => {
    if (!req.url().startsWith(prefix)) return;
    const files = visits[visit];
    pending.push(
      Promise.all([req.sizes(), req.response()]).then(([s, res]) =>
        files.push({
          file: req.url().slice(prefix.length),
          bytes: s.responseBodySize,
          encoding: res?.headers()['content-encoding'] ?? 'identity',
        }),
      ),
    );
  });
  const shown = () => page.evaluate(() => window.__bench.visible !== null);
  try {
    const url = `${origin}/page/banner?tool=${tool}`;
    await page.goto(url, { waitUntil: 'load' });
    let stored = [];
    if (accept) {
      await page.waitForFunction(() => window.__bench.visible !== null, null, { timeout: 10_000 });
      await ACCEPT[tool](page).click({ timeout: 5000 });
      await page.waitForTimeout(300);
      stored = (await context.cookies()).map((c) => c.name);
    } else {
      await page.waitForTimeout(settleMs);
    }
    await Promise.all(pending);
    visit = 1;
    await page.goto(url, { waitUntil: 'load' });
    // Long enough for a lazy chunk to be requested if the tool wanted one.
    await page.waitForTimeout(settleMs);
    await Promise.all(pending);
    const total = (files) => files.reduce((n, f) => n + f.bytes, 0);
    return {
      first: { files: visits[0], bytes: total(visits[0]) },
      returning: { files: visits[1], bytes: total(visits[1]), bannerShown: await shown() },
      stored,
    };
  } finally {
    await context.close();
  }
}

/** One page of micro-benchmarks: per op, a warm-up batch then `batches` timed ones; median CPU ns per call. */
export async function microRun(browser, origin, tool, ops, batches = 5) {
  const { context, page } = await open(browser, origin);
  try {
    const cpu = await cpuClock(context, page);
    await page.goto(`${origin}/page/micro?tool=${tool}`, { waitUntil: 'load' });
    await page.waitForFunction(() => typeof window.__micro === 'function');
    // Let a lazy UI settle first so it does not run inside a timed batch.
    await page.waitForTimeout(500);
    const out = {};
    for (const [op, n] of Object.entries(ops)) {
      const cpuNs = [];
      const wallNs = [];
      for (let i = 0; i <= batches; i++) {
        const before = await cpu();
        const wall = await asPageTask(page, '__micro', op, n);
        const ns = (((await cpu()) - before) * 1e6) / n;
        await page.evaluate(() => window.__settle());
        if (i === 0) continue; // warm-up: lets V8 optimise the loop and the guard before timing
        cpuNs.push(ns);
        wallNs.push(wall);
      }
      out[op] = { cpu: median(cpuNs), wall: median(wallNs) };
    }
    return out;
  } finally {
    await context.close();
  }
}
