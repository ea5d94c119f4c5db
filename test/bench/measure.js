// One function per measurement; each takes a fresh browser context so no run inherits another's
// cookies, caches or compiled code, and every load is a first visit unless the function says otherwise.
import { chromium } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host but ours fails at DNS at once, so nothing can leave the machine or hang even where no route is set.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export const launch = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * `route`: answer any other host with a local 204 through Playwright. Only for pages with a handful of requests:
 * Playwright then intercepts every request, first-party ones included, through this Node process, which on a
 * 2-core machine steals CPU from the renderer and turns off the HTTP cache. The timed pages rely on the
 * host-resolver rule above instead, and make no third-party request anyway.
 */
async function open(browser, origin, { route = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  if (route) {
    await context.route(
      (url) => url.origin !== origin,
      (r) => r.fulfill({ status: 204, body: '' }),
    );
  }
  const page = await context.newPage();
  return { context, page };
}

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
    await page.goto(`${origin}/page/banner?tool=${tool}`, { waitUntil: 'load' });
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
/** The cookies a visitor who pressed "Reject all" on the heavy page holds (made once per tool). */
async function storedChoice(browser, origin, tool) {
  if (!choices.has(tool)) {
    const { context, page } = await open(browser, origin);
    await page.goto(`${origin}/page/heavy?tool=${tool}`, { waitUntil: 'load' });
    await page.evaluate(() => window.consentry.rejectAll());
    choices.set(tool, await context.cookies());
    await context.close();
  }
  return choices.get(tool);
}

/**
 * One load of the DOM-heavy page. `startup` is all script CPU time until the page settled (the tool's parse,
 * compile and init; for Consentry also its lazy UI and banner); `workload` is the page's own work, run after that;
 * `warm` is that work run a second time on the same page.
 */
export async function heavyRun(browser, origin, tool, settleMs = 500) {
  const { context, page } = await open(browser, origin);
  try {
    // `<tool>-returning`: the same tool with a valid stored choice, in a fresh browser context all the same.
    const [name, returning] = tool.split('-');
    if (returning) await context.addCookies(await storedChoice(browser, origin, name));
    const cpu = await cpuClock(context, page);
    await page.goto(`${origin}/page/heavy?tool=${name}`, { waitUntil: 'load' });
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
    return { startup, workload, total: startup + workload, wall, warm };
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
