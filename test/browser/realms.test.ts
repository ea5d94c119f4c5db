/**
 * Realms, in the system Chromium against dist/: popups, `<object>` documents, named frames, re-assigned srcdoc,
 * data: and javascript: frames, parked elements that must stay parked, and a loader that fails closed where
 * `document.cookie` throws (a sandboxed frame). Each route runs without Consentry (the control: the tracker is
 * reached) and with it (nothing reaches the tracker before consent; where held, Accept all brings it back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve, trackers, waitQuiet } from './harness';
import { GA, type RouteCase, type RouteSuite, routeSuite, TAG } from './route-cases';

const pixel = (via: string) => `https://${GA}/collect?via=${via}`;
const viaHits = (via: string) => `${GA}/collect?via=${via}`;
const tagHits = (id: string) => `www.googletagmanager.com/gtag/js?id=${id}`;

const CASES: Record<string, RouteCase> = {
  "a window.open('') popup whose document gets a pixel": {
    script: `const w = window.open(''); w.document.body.innerHTML = '<img src="${pixel('popup')}">'; window.popup = w;`,
    hits: viaHits('popup'),
    // Playwright does not see a blank popup's image requests: the popup's img still carrying its src is the leak
    leaked: `!!window.popup.document.querySelector('img[src*="collect"]')`,
  },
  "a window.open('') popup whose own Image constructor loads a pixel": {
    script: `const w = window.open(''); window.img = new w.Image(); window.img.src = '${pixel('popup-image')}';`,
    hits: viaHits('popup-image'),
    // the attribute, not the property: a parked image reads back the URL it was given (as the platform's would)
    leaked: `(window.img.getAttribute('src') || '').includes('collect')`,
  },
  'a same-origin <object> document whose realm loads a pixel': {
    markup: '<object id="o" data="/inner.html" type="text/html"></object>',
    files: { '/inner.html': '<!doctype html><title>inner</title><body></body>' },
    script: `const o = document.getElementById('o');
      const go = () => { const img = o.contentDocument.createElement('img'); img.src = '${pixel('object')}'; o.contentDocument.body.append(img); };
      o.contentDocument && o.contentDocument.readyState == 'complete' ? go() : o.addEventListener('load', go);`,
    hits: viaHits('object'),
  },
  'a named iframe appended by script and reached as window[name]': {
    script: `const f = document.createElement('iframe'); f.name = 'appended'; document.body.append(f);
      new window.appended.Image().src = '${pixel('named-append')}';`,
    hits: viaHits('named-append'),
  },
  'a named iframe set through innerHTML and reached as window[name]': {
    script: `const box = document.createElement('div'); document.body.append(box);
      box.innerHTML = '<iframe name="viaMarkup"></iframe>';
      new window.viaMarkup.Image().src = '${pixel('named-markup')}';`,
    hits: viaHits('named-markup'),
  },
  'a srcdoc re-assigned with a pixel in its markup': {
    markup: '<iframe id="f" srcdoc="<p>first</p>"></iframe>',
    script: `document.getElementById('f').srcdoc = '<img src="${pixel('srcdoc-again')}">';`,
    hits: viaHits('srcdoc-again'),
  },
  'a data: iframe whose markup holds a pixel': {
    script: `const f = document.createElement('iframe');
      f.src = 'data:text/html,' + encodeURIComponent('<img src="${pixel('data-frame')}">'); document.body.append(f);`,
    hits: viaHits('data-frame'),
  },
  'a sandboxed srcdoc iframe whose markup holds a tracker script': {
    script: `const f = document.createElement('iframe'); f.sandbox = 'allow-scripts';
      f.srcdoc = '<script src="${TAG}?id=sandboxed"></scr' + 'ipt>'; document.body.append(f);`,
    hits: tagHits('sandboxed'),
  },
  'a javascript: iframe whose result markup holds a pixel': {
    script: `const f = document.createElement('iframe');
      f.src = 'javascript:' + JSON.stringify('<img src="${pixel('javascript-frame')}">'); document.body.append(f);`,
    hits: viaHits('javascript-frame'),
  },
  'a parked script whose type is removed stays parked': {
    script: `const s = document.createElement('script'); s.src = '${TAG}?id=untyped'; document.body.append(s);
      s.removeAttribute('type');`,
    hits: tagHits('untyped'),
    back: true,
  },
  'a parked script whose data-consent is removed and its src set again stays parked': {
    script: `const s = document.createElement('script'); s.src = '${TAG}?id=unconsented'; document.body.append(s);
      s.removeAttribute('data-consent'); s.removeAttribute('type'); s.src = s.src;`,
    hits: tagHits('unconsented'),
  },
  'a parked pixel cloned and its clone appended stays parked': {
    script: `const i = new Image(); i.src = '${pixel('clone')}'; document.body.append(i.cloneNode(true));`,
    hits: viaHits('clone'),
  },
  'a parked script cloned, its clone appended stays parked': {
    script: `const s = document.createElement('script'); s.src = '${TAG}?id=clone'; document.body.append(s);
      const c = s.cloneNode(true); c.removeAttribute('type'); document.body.append(c);`,
    hits: tagHits('clone'),
  },
};

let suite: RouteSuite;
beforeAll(async () => {
  suite = await routeSuite(CASES);
});
afterAll(async () => {
  await suite?.close();
});

describe.concurrent('realms the page can reach are guarded, and parked elements stay parked', () => {
  it.each(Object.keys(CASES))('%s: the control leaks, Consentry holds it', async (name) => {
    const c = CASES[name];
    const [without, withConsentry] = await Promise.all([suite.run(name, false), suite.run(name, true)]);
    expect(without.hits + without.ran, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry.hits).toBe(0);
    expect(withConsentry.ran).toBe(0);
    if (c.back) expect(withConsentry.afterAccept, 'Accept all brings it back').toBeGreaterThan(0);
  });
});

describe('the loader fails closed', () => {
  it('in a sandboxed srcdoc frame where document.cookie throws, the guards hold a later tracker pixel', async () => {
    const frame = (loader: boolean) =>
      `<!doctype html><title>top</title><iframe sandbox="allow-scripts" srcdoc="${
        loader ? '&lt;script src=&quot;/consentry.js&quot;&gt;&lt;/script&gt;' : ''
      }&lt;script&gt;new Image().src = '${pixel('sandbox-loader')}'&lt;/script&gt;"></iframe>`;
    const site = await serve({ '/without.html': frame(false), '/with.html': frame(true) });
    const browser = await launch();
    try {
      const count = async (path: string) => {
        const context = await browser.newContext();
        const net = await trackers(context);
        const tab = await context.newPage();
        const errors: string[] = [];
        tab.on('console', (message) => message.type() == 'error' && errors.push(message.text()));
        // the routes do not see an opaque-origin frame's requests: they reach the (absent) network
        await tab.goto(site.url(path));
        await waitQuiet(tab);
        await tab.waitForTimeout(500);
        const hits =
          net.count(viaHits('sandbox-loader')) + errors.filter((text) => text.includes('ERR_NAME_NOT_RESOLVED')).length;
        await context.close();
        return { hits, errors };
      };
      expect((await count('/without.html')).hits, 'control: the pixel is sent').toBe(1);
      const withLoader = await count('/with.html');
      expect(withLoader.hits).toBe(0);
      // (start-up still stops later there, at navigator.serviceWorker, which throws too: the guards are in by then)
    } finally {
      await browser.close();
      await site.close();
    }
  });
});

/** Page code run with first-party URLs: it must see the same values and DOM with Consentry as without. */
const COMPAT: Record<string, string> = {
  "window.open('') returns a usable same-origin window": `
    const w = window.open(''); w.document.body.innerHTML = '<img src="/own.gif">'; const i = new w.Image(); i.src = '/own.gif?2';
    const r = [String(w), w.opener === window, w.document.body.innerHTML, i.getAttribute('src'), window.open.name, window.open.length];
    w.close(); return r;`,
  'an iframe set through markup is reachable by name and by contentWindow': `
    const box = document.createElement('div'); document.body.append(box);
    box.innerHTML = '<iframe name="n1"></iframe>'; const f = document.createElement('iframe'); f.name = 'n2'; box.append(f);
    return [window.n1 === box.firstChild.contentWindow, window.n2 === f.contentWindow, f.contentDocument.URL,
      window.frames.length, box.querySelector('iframe').contentDocument === window.n1.document];`,
  'a data: iframe and a srcdoc with first-party markup keep their markup': `
    const f = document.createElement('iframe'); const url = 'data:text/html,' + encodeURIComponent('<img src="/own.gif">');
    f.src = url; document.body.append(f); const g = document.createElement('iframe');
    g.srcdoc = '<img src="/own.gif">'; document.body.append(g); g.srcdoc = '<p>again</p>';
    return [f.getAttribute('src') === url, g.getAttribute('srcdoc')];`,
  'a cloned and re-inserted first-party script runs as without Consentry': `
    const s = document.createElement('script'); s.textContent = 'window.count = (window.count || 0) + 1'; document.body.append(s);
    const c = s.cloneNode(true); document.body.append(c); const t = document.createElement('script'); t.type = 'text/plain';
    t.textContent = 'window.count += 10'; document.body.append(t); t.removeAttribute('type'); document.body.append(t);
    return [window.count, c.outerHTML, t.outerHTML];`,
};

describe.concurrent('with first-party URLs, the page sees what it sees without Consentry', () => {
  it.each(Object.keys(COMPAT))('%s', async (name) => {
    const [without, withConsentry] = await Promise.all([suite.see(COMPAT[name], false), suite.see(COMPAT[name], true)]);
    expect(withConsentry).toEqual(without);
  });
});

/**
 * What the page cannot hold (a listed limit): a srcdoc's own inline script runs in a new realm before any getter of
 * ours is read, and a sandboxed or data: frame's script in an opaque realm no guard can enter. The markup's tags are
 * checked; a request built by the frame's script gets out. Remedy: the shield (`serviceWorker`), from the second view.
 */
const LIMITS: Record<string, RouteCase> = {
  "a re-assigned srcdoc whose inline script builds a pixel (the frame's own script)": {
    markup: '<iframe id="f" srcdoc="<p>first</p>"></iframe>',
    script: `document.getElementById('f').srcdoc = '<script>new Image().src = "${pixel('srcdoc-script')}"</scr' + 'ipt>';`,
    hits: viaHits('srcdoc-script'),
  },
};

describe('limit: a frame realm whose own inline script runs before any guard', () => {
  let limits: RouteSuite;
  beforeAll(async () => {
    limits = await routeSuite(LIMITS);
  });
  afterAll(async () => {
    await limits?.close();
  });
  it.each(Object.keys(LIMITS))('%s: gets out with and without Consentry', async (name) => {
    const [without, withConsentry] = await Promise.all([limits.run(name, false), limits.run(name, true)]);
    expect(without.hits).toBeGreaterThan(0);
    expect(withConsentry.hits, 'a listed limit: if this is now held, update README Known limits').toBeGreaterThan(0);
  });
});
