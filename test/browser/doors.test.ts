/**
 * Every door of the platform that fetches or navigates, in the system Chromium against dist/: the URL attributes of
 * the HTML standard and SVG 2 (both write paths: properties and attribute writes, and markup inserted with them),
 * the platform APIs that fetch (worklets, FontFace, Cache, WebTransport, RTCPeerConnection) and scripted
 * navigations (window.open, form submission, meta refresh, location and the Navigation API, a scripted link click).
 *
 * Each door runs on four pages. With a tracker URL: without Consentry (the control: the tracker is reached, or,
 * where Chromium's request cannot be seen from here, the page sees the call succeed) and with it (nothing reaches the
 * tracker before consent, the item is in `consentry.blocked()`; after Accept all an element comes back and loads, an
 * API call that was refused stays refused, as a request the network refused would). With a first-party URL: with and
 * without Consentry, the page must see the same thing (return value, exception, DOM) and the request must be made.
 */

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Served, serve, trackers, waitQuiet } from './harness';

const GA = 'www.google-analytics.com';
const SVG = 'http://www.w3.org/2000/svg';
const XLINK = 'http://www.w3.org/1999/xlink';

interface Door {
  /**
   * The body of an async function run at the end of <body>: `U` is the URL under test (`https://<tracker>/dN/x.js`,
   * or the same path on the site), `SVG`/`XLINK` the namespaces, `svg` an <svg> and `f` a frame named "f" in the
   * page. What it returns (JSON) is what the page saw.
   */
  script: string;
  /** After Accept all it loads (an element), or stays refused (an API call, a navigation). */
  back: boolean;
  /** Chromium's request cannot be counted here (UDP, QUIC): the control shows the call accepted instead. */
  unseen?: true;
  /** Chromium itself never makes this request cross-origin: no control leak is possible. */
  refusedByChromium?: true;
  /** The first-party run navigates the page away: only the request is compared. */
  navigates?: true;
  /** Only the first-party comparison: the tracker request cannot be seen here at all (see the door). */
  compatOnly?: true;
  /** Comes back after Accept all in the DOM, but Chromium does not fetch again (see the door). */
  noRefetch?: true;
}

const element = (create: string, write: string, parent = 'document.body') =>
  `const el = ${create}; ${write}; ${parent}.append(el); return el.outerHTML;`;

const DOORS: Record<string, Door> = {
  'video poster (property)': {
    script: element(`document.createElement('video')`, 'el.poster = U'),
    back: true,
  },
  'video poster (setAttribute)': {
    script: element(`document.createElement('video')`, `el.setAttribute('poster', U)`),
    back: true,
  },
  'video src (property, inherited from HTMLMediaElement)': {
    script: element(`document.createElement('video')`, 'el.src = U'),
    back: true,
  },
  'audio src (setAttribute)': {
    script: element(`document.createElement('audio')`, `el.setAttribute('src', U)`),
    back: true,
  },
  'new Audio(url)': {
    script: `const a = new Audio(U); return [a instanceof HTMLAudioElement, a.preload, a.getAttribute('src') === U];`,
    back: true,
  },
  'track src (in a CORS video)': {
    script: `const v = document.createElement('video'); v.crossOrigin = 'anonymous';
      const el = document.createElement('track'); el.default = true; el.src = U; v.append(el); document.body.append(v);
      return el.outerHTML;`,
    back: true,
  },
  'input type=image src': {
    script: element(`document.createElement('input')`, `el.type = 'image'; el.src = U`),
    back: true,
  },
  'link rel=preload imagesrcset (property, with imagesizes)': {
    script: element(
      `document.createElement('link')`,
      `el.rel = 'preload'; el.as = 'image'; el.imageSizes = '100vw'; el.imageSrcset = U + ' 1x'`,
      'document.head',
    ),
    back: true,
    // the link gets its imagesrcset back in place, but Chromium does not preload again for a connected link whose
    // imagesrcset changes: a preload is a hint, and the <img> that uses the image loads it then
    noRefetch: true,
  },
  'body background (property)': {
    script: `document.body.background = U; return document.body.getAttribute('background') === U;`,
    back: true,
  },
  'td background (setAttribute)': {
    script: `const t = document.createElement('table'); t.innerHTML = '<tr><td>x</td></tr>';
      const el = t.querySelector('td'); el.setAttribute('background', U); document.body.append(t); return el.outerHTML;`,
    back: true,
  },
  'frame src (property)': {
    script: element(`document.createElement('frame')`, 'el.src = U'),
    back: true,
  },
  'SVG image href (setAttribute)': {
    script: element(`document.createElementNS(SVG, 'image')`, `el.setAttribute('href', U)`, 'svg'),
    back: true,
  },
  'SVG image xlink:href (setAttributeNS)': {
    script: element(`document.createElementNS(SVG, 'image')`, `el.setAttributeNS(XLINK, 'xlink:href', U)`, 'svg'),
    back: true,
  },
  'SVG feImage href (setAttributeNS without a prefix)': {
    script: element(`document.createElementNS(SVG, 'feImage')`, `el.setAttributeNS(XLINK, 'href', U)`, 'svg'),
    back: true,
  },
  'SVG script xlink:href (setAttributeNS)': {
    script: element(`document.createElementNS(SVG, 'script')`, `el.setAttributeNS(XLINK, 'xlink:href', U)`, 'svg'),
    back: true,
  },
  'SVG use href (setAttribute)': {
    script: element(`document.createElementNS(SVG, 'use')`, `el.setAttribute('href', U + '#a')`, 'svg'),
    back: true,
    refusedByChromium: true,
  },
  'SVG image xlink:href in markup (innerHTML of an <svg> string)': {
    script: `const el = document.createElement('div'); el.innerHTML = '<svg><image xlink:href="' + U + '"/></svg>';
      document.body.append(el); return el.innerHTML;`,
    back: true,
  },
  'an attribute node value (Attr.value)': {
    script: `const el = document.createElement('img'); el.setAttribute('src', ''); el.getAttributeNode('src').value = U;
      document.body.append(el); return el.outerHTML;`,
    back: true,
  },
  "an attribute node's nodeValue": {
    script: `const el = document.createElement('img'); el.setAttribute('src', ''); el.getAttributeNode('src').nodeValue = U;
      document.body.append(el); return el.outerHTML;`,
    back: true,
  },
  "an attribute node's textContent": {
    script: `const el = document.createElement('img'); el.setAttribute('src', ''); el.getAttributeNode('src').textContent = U;
      document.body.append(el); return el.outerHTML;`,
    back: true,
  },
  setAttributeNode: {
    script: `const el = document.createElement('img'); const a = document.createAttribute('src'); a.value = U;
      const old = el.setAttributeNode(a); document.body.append(el); return [old, el.outerHTML];`,
    back: true,
  },
  'attributes.setNamedItem on an element without attributes': {
    script: `const el = document.createElement('img'); const a = document.createAttribute('src'); a.value = U;
      el.attributes.setNamedItem(a); document.body.append(el); return el.outerHTML;`,
    back: true,
  },
  'window.open(url) (a popup)': {
    script: `const w = window.open(U); return w === null ? 'null' : typeof w;`,
    back: false,
  },
  'window.open(url, name) into a named frame': {
    script: `const w = window.open(U, 'f'); return w === null ? 'null' : w === f.contentWindow;`,
    back: false,
  },
  'form.submit() into a named frame': {
    script: `const form = document.createElement('form'); form.action = U; form.target = 'f';
      document.body.append(form); return [form.submit(), form.outerHTML];`,
    back: false,
  },
  'form.requestSubmit() into a named frame': {
    script: `const form = document.createElement('form'); form.action = U; form.target = 'f';
      let submitted = 0; form.addEventListener('submit', () => submitted++);
      document.body.append(form); form.requestSubmit(); return submitted;`,
    back: false,
  },
  'location.href = url (the Navigation API sees it)': {
    script: `setTimeout(() => { location.href = U; }, 50); return 'set';`,
    back: false,
    navigates: true,
  },
  'location.replace(url) in a same-origin frame': {
    script: `const frame = document.createElement('iframe'); frame.src = '/blank.html'; document.body.append(frame);
      await new Promise((loaded) => { frame.onload = loaded; });
      frame.contentWindow.location.replace(U); return 'called';`,
    back: false,
  },
  'navigation.navigate(url)': {
    script: `setTimeout(() => navigation.navigate(U).finished.catch(() => {}), 50); return 'called';`,
    back: false,
    navigates: true,
  },
  "a scripted click on a link (not the visitor's)": {
    script: `const a = document.createElement('a'); a.href = U; document.body.append(a);
      setTimeout(() => a.click(), 50); return a.outerHTML;`,
    back: false,
    navigates: true,
  },
  '<meta http-equiv=refresh> inserted by script': {
    script: `const m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '0; url=' + U;
      document.head.append(m); return m.outerHTML;`,
    back: false,
    navigates: true,
  },
  'audioWorklet.addModule': {
    script: `await new OfflineAudioContext(1, 128, 44100).audioWorklet.addModule(U); return 'added';`,
    back: false,
    // the audio worklet's module request never reaches Playwright's routes (it fails offline even without
    // Consentry); the guard is the one Worklet.prototype.addModule, held for the paint worklet below
    compatOnly: true,
  },
  'CSS.paintWorklet.addModule': {
    script: `await CSS.paintWorklet.addModule(U); return 'added';`,
    back: false,
  },
  'new FontFace(family, "url(…)").load()': {
    script: `const face = new FontFace('door', 'url(' + U + ') format("woff2")'); document.fonts.add(face);
      await face.load().catch(() => {}); return [face.family, face.status];`,
    back: false,
  },
  'Cache.add': {
    script: `const cache = await caches.open('doors'); await cache.add(U); return (await cache.keys()).length;`,
    back: false,
  },
  'Cache.addAll': {
    script: `const cache = await caches.open('doors'); await cache.addAll([U]); return (await cache.keys()).length;`,
    back: false,
  },
  'new WebTransport(url)': {
    script: `const t = new WebTransport(U); t.ready.catch(() => {}); t.closed.catch(() => {}); return 'constructed';`,
    back: false,
    unseen: true,
  },
  'new RTCPeerConnection with a STUN server on the host': {
    script: `const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:' + new URL(U).hostname + ':3478' }] });
      const servers = pc.getConfiguration().iceServers.length; pc.close(); return servers;`,
    back: false,
    unseen: true,
  },
};

/** Known limits: what the page cannot hold. Each leaks with Consentry too; the shield or marking is the remedy. */
const LIMITS: Record<string, { script: string; files?: Record<string, string> }> = {
  'location in a frame still on its first about:blank (the Navigation API is off there)': {
    script: `const frame = document.createElement('iframe'); document.body.append(frame);
      frame.contentWindow.location.href = 'https://${GA}/limit/first-blank';`,
  },
  "a module script's own import (fetched by the module loader, as a worklet's or a Worker's are)": {
    script: `const s = document.createElement('script'); s.type = 'module'; s.src = '/limit-module.js';
      document.head.append(s);`,
    files: { '/limit-module.js': `import 'https://${GA}/limit/module-import.js';` },
  },
  'a font named by @font-face in a style sheet (CSS, not a guarded API)': {
    script: `const s = document.createElement('style');
      s.textContent = '@font-face{font-family:lim;src:url(https://${GA}/limit/font.woff2)} body{font-family:lim}';
      document.head.append(s); document.body.append('text');`,
  },
};

const names = Object.keys(DOORS);

const page = (script: string, url: string, withConsentry: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>t</title>
${withConsentry ? '<script src="/consentry.js"></script>' : ''}
</head><body><iframe name="f" id="f" src="/blank.html"></iframe><svg id="svg"></svg>
<script>
const U = ${JSON.stringify(url)}, SVG = '${SVG}', XLINK = '${XLINK}', svg = document.getElementById('svg');
window.seen = undefined;
(async () => { ${script} })().then(
  (v) => { window.seen = JSON.stringify(v === undefined ? null : v); },
  (e) => { window.seen = 'threw ' + e.name; },
);
</script></body></html>`;

let browser: Browser;
let site: Served;
/** Read per request: filled in once the origin is known (first-party URLs are absolute, as window.open,
 * WebTransport and Cache need them). */
const files: Record<string, string> = { '/blank.html': '<!doctype html><title>b</title>' };

beforeAll(async () => {
  browser = await launch();
  site = await serve(files);
  names.forEach((name, i) => {
    const own = `/d${i}/x.js`;
    files[own] = '';
    for (const withConsentry of [false, true]) {
      const suffix = withConsentry ? 'with' : 'without';
      files[`/tracker-${i}-${suffix}.html`] = page(DOORS[name].script, `https://${GA}/d${i}/x.js`, withConsentry);
      files[`/own-${i}-${suffix}.html`] = page(DOORS[name].script, site.origin + own, withConsentry);
    }
  });
  Object.values(LIMITS).forEach((limit, i) => {
    Object.assign(files, limit.files);
    files[`/limit-${i}-without.html`] = page(limit.script, '', false);
    files[`/limit-${i}-with.html`] = page(limit.script, '', true);
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

interface Run {
  /** Tracker requests under this door's path, before consent (and after Accept all, with `accept`). */
  before: number;
  after: number;
  /** What the page saw (JSON), or undefined when it navigated away. */
  seen?: string;
  /** `consentry.blocked()` named the tracker. */
  listed: boolean;
  /** The first-party request was made. */
  requested: boolean;
}

/**
 * Opens `path` in a fresh context. `control`: waits for the tracker request to arrive; `accept`: calls Accept all
 * afterwards and counts again (waiting for the request when it `loads`).
 */
async function run(
  path: string,
  hitPath: string,
  { control = false, accept }: { control?: boolean; accept?: 'loads' | 'refused' } = {},
): Promise<Run> {
  const context = await browser.newContext();
  context.setDefaultTimeout(5000);
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
  try {
    const net = await trackers(context);
    const tab: Page = await context.newPage();
    const count = () => net.count((hit) => hit.host === GA && hit.path.startsWith(hitPath));
    const logged = site.log.length;
    await tab.goto(site.url(path));
    const seen = await tab
      .waitForFunction(() => (window as unknown as { seen?: string }).seen, undefined, { timeout: 4000 })
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch(() => undefined);
    if (control) await net.waitFor((hit) => hit.path.startsWith(hitPath), 2500).catch(() => {});
    await waitQuiet(tab).catch(() => {});
    const before = count();
    let listed = false;
    let after = before;
    if (accept) {
      listed = await tab.evaluate(
        (host) =>
          (window as unknown as { consentry: { blocked(): { url: string }[] } }).consentry
            .blocked()
            .some((item) => item.url.includes(host)),
        GA,
      );
      await tab.evaluate(() => (window as unknown as { consentry: { acceptAll(): void } }).consentry.acceptAll());
      if (accept == 'loads') await net.waitFor((hit) => hit.path.startsWith(hitPath), 2500).catch(() => {});
      await waitQuiet(tab).catch(() => {});
      after = count();
    }
    const requested = site.log.slice(logged).some((p) => p.startsWith(hitPath));
    return { before, after, seen, listed, requested };
  } finally {
    await context.close();
  }
}

describe('each fetching door, held before consent', () => {
  const doorsWithTrackerRuns = names.map((name, i) => [name, i] as const).filter(([name]) => !DOORS[name].compatOnly);
  it.concurrent.each(doorsWithTrackerRuns)('%s', async (name, i) => {
    const door = DOORS[name];
    const [control, held] = await Promise.all([
      run(`/tracker-${i}-without.html`, `/d${i}/`, { control: true }),
      run(`/tracker-${i}-with.html`, `/d${i}/`, { accept: door.back ? 'loads' : 'refused' }),
    ]);
    if (door.refusedByChromium) expect(control.before, 'Chromium refuses it itself').toBe(0);
    else if (door.unseen) expect(control.seen, 'control: the call is accepted').not.toBe(held.seen);
    else expect(control.before, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(held.before, 'nothing reaches the tracker before consent').toBe(0);
    expect(held.listed, 'consentry.blocked() lists it').toBe(true);
    if (door.back && !door.refusedByChromium && !door.noRefetch)
      expect(held.after, 'after Accept all it loads').toBeGreaterThan(0);
    if (!door.back || door.noRefetch) expect(held.after, 'nothing is fetched after Accept all').toBe(0);
  });
});

describe('each door with a first-party URL behaves exactly as without Consentry', () => {
  it.concurrent.each(names.map((name, i) => [name, i] as const))('%s', async (name, i) => {
    const door = DOORS[name];
    const [without, withConsentry] = await Promise.all([
      run(`/own-${i}-without.html`, `/d${i}/`),
      run(`/own-${i}-with.html`, `/d${i}/`),
    ]);
    if (!door.navigates) expect(withConsentry.seen).toBe(without.seen);
    expect(withConsentry.requested).toBe(without.requested);
  });
});

describe('known limits: what the page cannot hold (the shield or marking is the remedy)', () => {
  it.concurrent.each(Object.keys(LIMITS).map((name, i) => [name, i] as const))(
    '%s reaches the tracker with Consentry too',
    async (_, i) => {
      const [control, withConsentry] = await Promise.all([
        run(`/limit-${i}-without.html`, '/limit/', { control: true }),
        run(`/limit-${i}-with.html`, '/limit/', { control: true }),
      ]);
      expect(control.before, 'control: the tracker is reached').toBeGreaterThan(0);
      expect(withConsentry.before).toBeGreaterThan(0);
    },
  );
});

describe('a speculation rules script inserted by script', () => {
  // Chromium makes a cross-site prefetch outside the context's routing: it is counted from the request event.
  // `filledLater`: inserted empty, its rules written once it is in the document (the browser reads them then).
  const rules = (url: string, filledLater: boolean) => {
    const text = `JSON.stringify({ prefetch: [{ source: 'list', urls: [${JSON.stringify(url)}], eagerness: 'immediate' }] })`;
    return filledLater
      ? `const s = document.createElement('script'); s.type = 'speculationrules'; document.head.append(s);
        s.textContent = ${text}; return s.type;`
      : `const s = document.createElement('script'); s.type = 'speculationrules'; s.textContent = ${text};
        document.head.append(s); return s.type;`;
  };
  const open = async (withConsentry: boolean, url: string, accept = false, filledLater = false) => {
    const path = `/speculation-${withConsentry}-${filledLater}-${url.length}.html`;
    files[path] = page(rules(url, filledLater), '', withConsentry);
    const context = await browser.newContext();
    context.setDefaultNavigationTimeout(20_000);
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const seen = (part: string) => requested.some((u) => u.includes(part));
    try {
      const tab = await context.newPage();
      const logged = site.log.length;
      await tab.goto(site.url(path));
      await tab.waitForFunction(() => (window as unknown as { seen?: string }).seen, undefined, { timeout: 4000 });
      for (let t = 0; t < 3000 && !seen(url); t += 100) await tab.waitForTimeout(100);
      const before = seen(url) || site.log.slice(logged).some((p) => url.endsWith(p));
      let listed = false;
      let after = before;
      if (accept) {
        listed = await tab.evaluate(
          (u) =>
            (window as unknown as { consentry: { blocked(): { url: string }[] } }).consentry
              .blocked()
              .some((item) => item.url == u),
          url,
        );
        await tab.evaluate(() => (window as unknown as { consentry: { acceptAll(): void } }).consentry.acceptAll());
        for (let t = 0; t < 3000 && !seen(url); t += 100) await tab.waitForTimeout(100);
        after = seen(url);
      }
      return { before, listed, after };
    } finally {
      await context.close();
    }
  };

  it.concurrent('naming a tracker is held until Accept all, then prefetches', async () => {
    const url = `https://${GA}/speculation/next.html`;
    const [control, held] = await Promise.all([open(false, url), open(true, url, true)]);
    expect(control.before, 'control: without Consentry the prefetch goes out').toBe(true);
    expect(held).toEqual({ before: false, listed: true, after: true });
  });

  it.concurrent('known limit: one inserted empty and filled afterwards is not judged, and prefetches', async () => {
    const url = `https://${GA}/speculation/filled-later.html`;
    const withConsentry = await open(true, url, false, true);
    expect(withConsentry.before, 'the limit: the prefetch goes out').toBe(true);
  });

  it.concurrent('naming a page of the site prefetches it, as without Consentry', async () => {
    const [without, withConsentry] = await Promise.all([
      open(false, `${site.origin}/d-speculation/own-without.html`),
      open(true, `${site.origin}/d-speculation/own-with.html`),
    ]);
    expect(without.before, 'control: the prefetch is made').toBe(true);
    expect(withConsentry.before).toBe(true);
  });
});

describe('a navigation the visitor starts is theirs and passes, Consentry or not', () => {
  const CLICKS: Record<string, string> = {
    'a popup opened inside their click (a share button)': `<button id="go" onclick="window.open('https://${GA}/click/popup')">share</button>`,
    'a link on the page': `<a id="go" href="https://${GA}/click/top">go</a>`,
    'a link into a named frame': `<a id="go" href="https://${GA}/click/link" target="f">go</a>`,
    'a submit button of a form into a named frame': `<form action="https://${GA}/click/form" target="f"><button id="go">send</button></form>`,
  };
  it.concurrent.each(Object.keys(CLICKS))('%s', async (name) => {
    const path = `/click-${Object.keys(CLICKS).indexOf(name)}.html`;
    files[path] = page('', '', true).replace('<svg id="svg"></svg>', CLICKS[name]);
    const context = await browser.newContext();
    try {
      const net = await trackers(context);
      const tab = await context.newPage();
      await tab.goto(site.url(path));
      await tab.click('#go');
      await net.waitFor((hit) => hit.host === GA && hit.path.startsWith('/click/'));
      expect(net.count((hit) => hit.path.startsWith('/click/'))).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
