/**
 * No broken pages, in the system Chromium against dist/: the same page code runs on a page without Consentry and on
 * a page with it, and what the code sees (return values, exception names, events in order, DOM shape) is compared.
 * For URLs that are not trackers it must be the same. For a tracker URL it must be what the platform shows for a
 * request it refuses: the control is the same code run without Consentry against something the platform really
 * refuses (a closed local port, a 404 event stream), and the tracker itself is never reached.
 */

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Served, serve, type Trackers, trackers } from './harness';

const GA = 'www.google-analytics.com';
/** Nothing listens on port 9 (discard) of this machine: a connection there fails the way a refused one does. */
const CLOSED_PORT = '127.0.0.1:9';

const page = (withConsentry: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>t</title>
${withConsentry ? '<script src="/consentry.js"></script>' : ''}
</head><body><p>page</p></body></html>`;

let browser: Browser;
let site: Served;
type Mode = 'with' | 'without';
/**
 * Per mode, a context whose third-party requests the harness answers and counts, and a plain one: the harness's
 * WebSocket routing replaces the page's WebSocket class, so sockets and the natives' own shape are looked at in a
 * context without it (no internet here: a tracker host does not resolve; attempts are counted from the browser).
 */
const contexts = {} as Record<Mode, { routed: BrowserContext; net: Trackers; plain: BrowserContext }>;

beforeAll(async () => {
  browser = await launch();
  site = await serve({
    '/with.html': page(true),
    '/without.html': page(false),
    '/blank.html': '<!doctype html><title>b</title>',
    '/worker.js': 'postMessage(1)',
    '/writer.js': "document.write('<p id=async>written</p>'); window.wrote = true;",
  });
  for (const mode of ['with', 'without'] as const) {
    const routed = await browser.newContext();
    const plain = await browser.newContext();
    for (const context of [routed, plain]) context.setDefaultTimeout(8000);
    contexts[mode] = { routed, net: await trackers(routed), plain };
  }
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * Runs `body` (the body of an async function, given `url`) on a fresh page with or without Consentry; its result,
 * or the name of what it threw, and the requests (WebSockets included) whose URL contains `url`. Without Consentry
 * it waits for such a request (the control reaches the tracker), with Consentry a little while for one that should
 * not come.
 */
async function run(
  body: string,
  withConsentry: boolean,
  url = '',
  plain = false,
): Promise<{ seen: unknown; hits: number }> {
  const { routed, net, plain: plainContext } = contexts[withConsentry ? 'with' : 'without'];
  const tab = await (plain ? plainContext : routed).newPage();
  const sockets: string[] = [];
  tab.on('websocket', (socket) => sockets.push(socket.url()));
  const marker = url.replace(/^\w+:\/\//, '') || 'never';
  // third parties only: a first-party request may carry the marker too
  const reached = () =>
    sockets.filter((u) => u.includes(marker) && !u.includes('127.0.0.1')).length +
    net.hits.filter((hit) => hit.url.includes(marker)).length;
  try {
    await tab.goto(site.url(withConsentry ? '/with.html' : '/without.html'));
    const seen = await tab.evaluate(
      async ([source, arg]) => {
        try {
          return await new Function('url', `return (async function () {${source}})()`)(arg);
        } catch (error) {
          return { threw: (error as Error).name };
        }
      },
      [body, url] as const,
    );
    for (let t = 0; t < (withConsentry ? 300 : 3000) && !(reached() && !withConsentry); t += 50)
      await tab.waitForTimeout(50);
    return { seen, hits: reached() };
  } finally {
    await tab.close();
  }
}

/** Page code: waits up to `ms` for `test()` to be true. */
const until = (test: string, ms = 4000) =>
  `for (let t = 0; t < ${ms} && !(${test}); t += 20) await new Promise((r) => setTimeout(r, 20));`;

describe('a parked iframe stays where the site put it', () => {
  // The placeholder is drawn by the later chunk, once it and the language file arrived: wait for it with Consentry.
  const parked = (then: string) => `
    const box = document.createElement('div');
    document.body.append(box);
    const frame = document.createElement('iframe');
    box.appendChild(frame);
    frame.src = 'https://www.youtube.com/embed/x' + url;
    if (document.querySelector('script[src="/consentry.js"]')) { ${until("document.querySelector('consentry-embed')")} }
    const parent = frame.parentNode === box;
    ${then}
    await new Promise((r) => setTimeout(r));
    return { parent, left: box.childNodes.length, anywhere: document.querySelectorAll('consentry-embed').length };`;

  it.concurrent.each([
    ['box.removeChild(frame)', 'box.removeChild(frame);'],
    ['frame.remove()', 'frame.remove();'],
    ['frame.replaceWith(other)', "frame.replaceWith(document.createElement('span'));"],
  ])('%s works on a parked iframe and takes its placeholder with it', async (_, then) => {
    const without = await run(parked(then), false, '?a');
    const withConsentry = await run(parked(then), true, '?b');
    const left = then.includes('replaceWith') ? 1 : 0;
    expect(without.seen, 'control: without Consentry').toEqual({ parent: true, left, anywhere: 0 });
    expect(withConsentry.seen).toEqual(without.seen);
    expect(withConsentry.hits).toBe(0);
  });

  it.concurrent('an iframe given its src before it is appended after load gets its placeholder beside it', async () => {
    const body = `
      const box = document.createElement('div');
      document.body.append(box);
      const frame = document.createElement('iframe');
      frame.src = 'https://www.youtube.com/embed/x' + url;
      box.appendChild(frame);
      ${until("document.querySelector('consentry-embed')")}
      return [document.querySelector('consentry-embed')?.nextSibling === frame, frame.parentNode === box];`;
    const { seen, hits } = await run(body, true, '?before');
    expect(seen).toEqual([true, true]);
    expect(hits).toBe(0);
  });

  it.concurrent('an iframe parked in a detached box gets its placeholder when the box is appended later', async () => {
    const body = `
      const box = document.createElement('div');
      const frame = document.createElement('iframe');
      frame.src = 'https://www.youtube.com/embed/x' + url;
      box.appendChild(frame);
      await new Promise((later) => setTimeout(later, 50));
      document.body.append(box);
      ${until("document.querySelector('consentry-embed')")}
      return [document.querySelector('consentry-embed')?.nextSibling === frame, frame.parentNode === box];`;
    const { seen, hits } = await run(body, true, '?detached');
    expect(seen).toEqual([true, true]);
    expect(hits).toBe(0);
  });

  it.concurrent('a parked iframe set through innerHTML after load gets its placeholder beside it', async () => {
    const body = `
      const box = document.createElement('div');
      document.body.append(box);
      box.innerHTML = '<iframe src="https://www.youtube.com/embed/x' + url + '"></iframe>';
      ${until("document.querySelector('consentry-embed')")}
      return [document.querySelector('consentry-embed')?.nextSibling === box.querySelector('iframe'), box.childNodes.length];`;
    const { seen, hits } = await run(body, true, '?inner');
    expect(seen).toEqual([true, 2]);
    expect(hits).toBe(0);
  });

  it.concurrent('a parked iframe is hidden while its placeholder is drawn beside it', async () => {
    const body = parked(`
      const placeholder = frame.previousSibling;
      return { beside: placeholder?.localName, hidden: getComputedStyle(frame).display, parent };`);
    const { seen, hits } = await run(body, true, '?c');
    expect(seen).toEqual({ beside: 'consentry-embed', hidden: 'none', parent: true });
    expect(hits).toBe(0);
  });
});

describe('a parked element reads back the URL it was given', () => {
  it.concurrent.each([
    [
      'img.src (absolute)',
      `const el = new Image(); el.src = url; return [el.src, new URL(el.src).host];`,
      `https://${GA}/collect?v=1&x=a`,
    ],
    [
      'img.src (scheme-relative, resolved against a <base>)',
      `const b = document.createElement('base'); b.href = '/sub/'; document.head.append(b); const el = new Image(); el.src = url; return [el.src, new URL(el.src).protocol];`,
      `//${GA}/collect?x=b`,
    ],
    ['img.srcset', `const el = new Image(); el.srcset = url + ' 2x'; return el.srcset;`, `https://${GA}/collect?x=c`],
    [
      'iframe.src',
      `const el = document.createElement('iframe'); document.body.append(el); el.src = url; return el.src;`,
      `https://${GA}/frame?x=d`,
    ],
    [
      'link.href',
      `const el = document.createElement('link'); el.rel = 'stylesheet'; el.href = url; document.head.append(el); return el.href;`,
      `https://${GA}/s.css?x=e`,
    ],
  ])('%s after a tracker URL reads as without Consentry, and nothing loads', async (_, body, url) => {
    const without = await run(body, false, url);
    const withConsentry = await run(body, true, url);
    expect(without.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry.seen).toEqual(without.seen);
    expect(withConsentry.hits).toBe(0);
  });
});

describe('a refused socket or event stream fails as a refused connection does', () => {
  const socket = `
    const log = [];
    let ws;
    try { ws = new WebSocket(url); } catch (error) { return { threw: error.name }; }
    log.push('state ' + ws.readyState, ws instanceof WebSocket, ws.constructor === WebSocket);
    try { ws.send('x'); log.push('sent'); } catch (error) { log.push(error.name); }
    ws.addEventListener('open', () => log.push('open'));
    ws.onerror = (event) => log.push('error ' + event.constructor.name + ' ' + ws.readyState);
    await new Promise((resolve) => {
      ws.onclose = (event) => { log.push(['close', event.constructor.name, event.code, event.wasClean, event.reason, ws.readyState].join(' ')); resolve(); };
      setTimeout(resolve, 3000);
    });
    return log;`;
  it.concurrent('a WebSocket to a tracker: error then close 1006, as a socket to a closed port', async () => {
    const refused = await run(socket, false, `ws://${CLOSED_PORT}/`, true);
    const tracker = await run(socket, false, `wss://${GA}/live?x=f`);
    const withConsentry = await run(socket, true, `wss://${GA}/live?x=g`, true);
    expect(refused.seen).toEqual([
      'state 0',
      true,
      true,
      'InvalidStateError',
      'error Event 3',
      'close CloseEvent 1006 false  3',
    ]);
    expect(tracker.seen, 'control: without Consentry the tracker socket opens').toContain('open');
    expect(withConsentry.seen).toEqual(refused.seen);
    expect(withConsentry.hits).toBe(0);
  });

  const stream = `
    const log = [];
    const es = new EventSource(url);
    log.push('state ' + es.readyState, es instanceof EventSource, es.withCredentials);
    es.onopen = () => log.push('open');
    await new Promise((resolve) => {
      es.onerror = (event) => { log.push('error ' + event.constructor.name + ' ' + es.readyState); resolve(); };
      setTimeout(resolve, 3000);
    });
    es.close();
    return log;`;
  it.concurrent('an EventSource from a tracker: one error and CLOSED, as a stream the server refused', async () => {
    const refused = await run(stream, false, site.url('/no-such-stream'));
    const tracker = await run(stream, false, `https://${GA}/stream?x=h`);
    const withConsentry = await run(stream, true, `https://${GA}/stream?x=i`);
    expect(refused.seen).toEqual(['state 0', true, false, 'error Event 2']);
    expect(tracker.seen, 'control: without Consentry the tracker stream opens').toContain('open');
    expect(withConsentry.seen).toEqual(refused.seen);
    expect(withConsentry.hits).toBe(0);
  });

  it.concurrent("WebSocket's parent is not a constructor that connects, and real sockets stay WebSockets", async () => {
    const body = `
      const Parent = Object.getPrototypeOf(WebSocket);
      let made;
      try { made = String(new Parent('wss://${GA}/live?x=j') instanceof WebSocket); } catch (error) { made = error.name; }
      const ws = new WebSocket('ws://${CLOSED_PORT}/');
      class Sub extends WebSocket {}
      const sub = new Sub('ws://${CLOSED_PORT}/');
      return { parent: Parent === EventTarget, made, real: ws instanceof WebSocket, sub: sub instanceof Sub && sub instanceof WebSocket,
        statics: Object.getOwnPropertyNames(WebSocket).sort().join(), constants: [WebSocket.CONNECTING, WebSocket.CLOSED],
        own: Object.getOwnPropertyNames(EventSource).sort().join(), plain: (() => { try { WebSocket('ws://${CLOSED_PORT}/'); } catch (error) { return error.name; } })() };`;
    const without = await run(body, false, `${GA}/live?x=j`, true);
    const withConsentry = await run(body, true, `${GA}/live?x=j`, true);
    expect(without.seen, 'control').toMatchObject({ parent: true, made: 'false', real: true, sub: true });
    expect(withConsentry.seen).toEqual(without.seen);
    expect(withConsentry.hits).toBe(0);
  });
});

describe('the network guards read a URL once, as the native does', () => {
  // An object whose string is first-party the first time and the tracker after: a guard that reads it twice lets
  // the native load the tracker.
  const tricks = (call: string) => `
    let reads = 0;
    const tricky = { toString: () => (reads++ ? 'https://${GA}/collect?' + url : '/worker.js?' + url) };
    let result;
    try { result = await (async () => ${call})(); } catch (error) { result = error.name; }
    await new Promise((r) => setTimeout(r, 300));
    return { reads, result };`;
  it.concurrent.each([
    ['fetch', 'fetch(tricky).then((r) => r.status)'],
    ['navigator.sendBeacon', 'navigator.sendBeacon(tricky, "x")'],
    [
      'XMLHttpRequest open',
      'new Promise((ok) => { const x = new XMLHttpRequest(); x.open("GET", tricky); x.onloadend = () => ok(x.status); x.send(); })',
    ],
    ['WebSocket', 'new WebSocket(tricky) && "made"'],
    ['EventSource', 'new EventSource(tricky).readyState'],
    [
      'Worker',
      'new Promise((ok) => { const w = new Worker(tricky); w.onerror = () => ok("error"); w.onmessage = (m) => ok(m.data); })',
    ],
  ])('%s with a URL that answers differently the second time', async (name, call) => {
    const marker = `once-${name.replace(/\W/g, '')}`;
    const without = await run(tricks(call), false, marker);
    const withConsentry = await run(tricks(call), true, marker);
    expect((without.seen as { reads: number }).reads, 'control: the native reads it once').toBe(1);
    expect(withConsentry.seen).toEqual(without.seen);
    expect(withConsentry.hits).toBe(0);
  });

  it.concurrent('a Request subclass whose url getter lies is judged by the URL fetch really uses', async () => {
    const body = `
      class Lying extends Request { get url() { return '/blank.html'; } }
      try { await fetch(new Lying(url)); return 'fetched'; } catch (error) { return error.name + ': ' + error.message; }`;
    const refused = await run(body, false, `http://${CLOSED_PORT}/`);
    const tracker = await run(body, false, `https://${GA}/collect?x=lie1`);
    const withConsentry = await run(body, true, `https://${GA}/collect?x=lie2`);
    expect(tracker.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry.seen).toEqual(refused.seen);
    expect(withConsentry.hits).toBe(0);
  });

  it.concurrent('a throwing toString in a Worker, WebSocket or beacon URL throws to the caller', async () => {
    const body = `
      const bad = { toString() { throw new RangeError('no'); } };
      const names = [];
      for (const make of [() => new Worker(bad), () => new WebSocket(bad), () => new EventSource(bad), () => navigator.sendBeacon(bad), () => new XMLHttpRequest().open('GET', bad)])
        try { make(); names.push('none'); } catch (error) { names.push(error.name); }
      names.push(await fetch(bad).then(() => 'fetched', (error) => error.name));
      return names;`;
    const without = await run(body, false, '', true);
    const withConsentry = await run(body, true, '', true);
    expect(without.seen, 'control').toEqual([
      'RangeError',
      'RangeError',
      'RangeError',
      'RangeError',
      'RangeError',
      'RangeError',
    ]);
    expect(withConsentry.seen).toEqual(without.seen);
  });

  /** Page code around a body: `call` and `apply` replaced by ones that list each function they are handed. */
  const REPLACING_CALL_AND_APPLY = `
      const handed = [];
      const { call, apply } = Function.prototype;
      Function.prototype.call = function (...args) { if (this.name != 'toString') handed.push(this.name); return Reflect.apply(this, args[0], args.slice(1)); };
      Function.prototype.apply = function (self, args) { if (this.name != 'toString') handed.push(this.name); return Reflect.apply(this, self, args || []); };
      try {`;
  const RESTORING_CALL_AND_APPLY = `
      } finally {
        Function.prototype.call = call;
        Function.prototype.apply = apply;
      }
      return handed;`;

  it.concurrent('a page that replaces Function.prototype.call and apply is never handed a network native', async () => {
    const body = `
      ${REPLACING_CALL_AND_APPLY}
        await fetch('/blank.html');
        navigator.sendBeacon('/blank.html', 'x');
        const x = new XMLHttpRequest(); x.open('GET', '/blank.html'); x.send();
        new WebSocket('ws://${CLOSED_PORT}/').close();
        new EventSource('/blank.html').close();
      ${RESTORING_CALL_AND_APPLY}`;
    const without = await run(body, false, '', true);
    const withConsentry = await run(body, true, '', true);
    expect(without.seen, 'control').toEqual([]);
    expect(withConsentry.seen).toEqual(without.seen);
  });

  it.concurrent('a page that replaces Function.prototype.call and apply is never handed an element, markup or frame native, and its tracker stays held', async () => {
    const body = `
      ${REPLACING_CALL_AND_APPLY}
        const own = document.createElement('img'); own.src = '/blank.html?own'; own.setAttribute('alt', 'x');
        document.body.append(own);
        const pixel = document.createElement('img'); pixel.src = url; pixel.setAttribute('src', url);
        document.body.appendChild(pixel);
        document.body.insertAdjacentHTML('beforeend', '<img src="' + url + '&markup">');
        const box = document.createElement('div'); box.innerHTML = '<b>x</b>'; document.body.append(box);
        document.createRange().createContextualFragment('<i></i>');
        const frame = document.createElement('iframe'); document.body.append(frame); frame.contentWindow.document;
      ${RESTORING_CALL_AND_APPLY}`;
    const url = `https://${GA}/handed/pixel.gif?x=1`;
    const without = await run(body, false, url);
    const withConsentry = await run(body, true, url);
    expect(without.seen, 'control: the natives hand nothing').toEqual([]);
    expect(without.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry.seen).toEqual(without.seen);
    expect(withConsentry.hits).toBe(0);
  });

  it.concurrent("a page that replaces RegExp's methods cannot make a tracker URL or cookie look like none", async () => {
    const body = `
      const proto = RegExp.prototype;
      const saved = [proto.exec, proto.test, proto[Symbol.replace], proto[Symbol.split]];
      proto.exec = () => null;
      proto.test = () => false;
      proto[Symbol.replace] = (text) => String(text);
      proto[Symbol.split] = (text) => [String(text)];
      try {
        const pixel = new Image(); pixel.src = url; document.body.append(pixel);
        document.body.insertAdjacentHTML('beforeend', '<img src="' + url + '&markup">');
        navigator.sendBeacon(url + '&beacon', 'x');
        document.cookie = '_ga=GA1.1.1.1; max-age=1000; path=/';
      } finally {
        [proto.exec, proto.test, proto[Symbol.replace], proto[Symbol.split]] = saved;
      }
      const written = document.cookie.includes('_ga=');
      document.cookie = '_ga=; max-age=0; path=/';
      return { written };`;
    const url = `https://${GA}/regexp/pixel.gif?x=1`;
    const without = await run(body, false, url);
    const withConsentry = await run(body, true, url);
    expect(without, 'control: without Consentry').toMatchObject({ seen: { written: true } });
    expect(without.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry).toEqual({ seen: { written: false }, hits: 0 });
  });

  it.concurrent('known limit: a page that replaces a String method before its tracker call can make the URL look like none', async () => {
    const body = `
      const { startsWith } = String.prototype;
      String.prototype.startsWith = () => false;
      try {
        var pixel = new Image(); pixel.src = url; document.body.append(pixel);
      } finally {
        String.prototype.startsWith = startsWith;
      }
      await new Promise((done) => { pixel.onload = pixel.onerror = done; });
      return 'sent';`;
    const url = `https://${GA}/string-method/pixel.gif?x=1`;
    const withConsentry = await run(body, true, url);
    await new Promise((settle) => setTimeout(settle, 1000));
    expect(withConsentry.hits, 'the limit: the pixel gets out').toBeGreaterThan(0);
  });
});

describe('wrappers look like the natives they replace', () => {
  it.concurrent('every function and accessor of every interface keeps its name and length', async () => {
    const body = `
      const seen = {};
      const note = (path, f) => { if (typeof f == 'function') seen[path] = f.name + '/' + f.length; };
      for (const key of Object.getOwnPropertyNames(window)) {
        if (key.startsWith('webkit') || key.startsWith('on')) continue;
        let value; try { value = window[key]; } catch { continue; }
        note(key, value);
        const proto = typeof value == 'function' && /^[A-Z]/.test(key) && value.prototype;
        if (!proto) continue;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const d = Object.getOwnPropertyDescriptor(proto, name);
          note(key + '.' + name, d.value); note(key + '.' + name + ' get', d.get); note(key + '.' + name + ' set', d.set);
        }
      }
      return seen;`;
    const without = (await run(body, false, '', true)).seen as Record<string, string>;
    const withConsentry = (await run(body, true, '', true)).seen as Record<string, string>;
    const changed = Object.keys(without).filter(
      (path) => path in withConsentry && withConsentry[path] !== without[path],
    );
    expect(Object.keys(without).length, 'control: the walk sees the platform').toBeGreaterThan(5000);
    expect(changed.map((path) => `${path}: ${without[path]} became ${withConsentry[path]}`)).toEqual([]);
  });

  it.concurrent("insertBefore's and appendChild's HierarchyRequestError and NotFoundError cases are the native's", async () => {
    const body = `
      const names = [];
      const tryIt = (f) => { try { f(); names.push('none'); } catch (error) { names.push(error.name); } };
      const div = document.createElement('div');
      const frame = document.createElement('iframe');
      tryIt(() => div.insertBefore(div, null));
      tryIt(() => div.insertBefore(frame, document.body));
      tryIt(() => document.insertBefore(document.createElement('p'), null));
      tryIt(() => document.createTextNode('t').insertBefore(frame, null));
      tryIt(() => div.insertBefore(document, null));
      tryIt(() => div.insertBefore(frame));
      tryIt(() => div.insertBefore('x', null));
      tryIt(() => div.appendChild(document.documentElement));
      tryIt(() => div.appendChild());
      return names;`;
    const without = await run(body, false, '', true);
    const withConsentry = await run(body, true, '', true);
    expect(without.seen, 'control').toContain('HierarchyRequestError');
    expect(withConsentry.seen).toEqual(without.seen);
  });
});

describe('markup insertion behaves as the native does', () => {
  it.concurrent('document.write after load opens a new document, as it does without Consentry', async () => {
    const body = `
      document.write('<p id=w>written</p>');
      document.close();
      return [document.getElementById('w')?.textContent, document.body.children.length];`;
    const without = await run(body, false);
    const withConsentry = await run(body, true);
    expect(without.seen, 'control').toEqual(['written', 1]);
    expect(withConsentry.seen).toEqual(without.seen);
  });

  it.concurrent('a tracker pixel written after load, into the new document, is held', async () => {
    const body = `
      document.write('<img src="' + url + '"><p>x</p>');
      document.close();
      return document.body.children.length;`;
    const url = `https://${GA}/write-after-load/pixel.gif?x=1`;
    const without = await run(body, false, url);
    const withConsentry = await run(body, true, url);
    expect(without.hits, 'control: without Consentry the tracker is reached').toBeGreaterThan(0);
    expect(withConsentry).toEqual({ seen: without.seen, hits: 0 });
  });

  it.concurrent('document.write from an async script after load is ignored, as it is without Consentry', async () => {
    const body = `
      const script = document.createElement('script');
      script.src = '/writer.js';
      await new Promise((done) => { script.onload = done; document.head.append(script); });
      return [window.wrote, !!document.getElementById('async'), document.body.textContent.trim()];`;
    const without = await run(body, false);
    const withConsentry = await run(body, true);
    expect(without.seen, 'control').toEqual([true, false, 'page']);
    expect(withConsentry.seen).toEqual(without.seen);
  });

  it.concurrent('createContextualFragment, insertAdjacentHTML and document.write after load give the native results and exceptions', async () => {
    const body = `
      const names = [];
      const tryIt = (f) => { try { const r = f(); names.push(r === undefined ? 'none' : String(r)); } catch (error) { names.push(error.name); } };
      const range = document.createRange();
      range.selectNodeContents(document.body);
      tryIt(() => range.createContextualFragment());
      tryIt(() => range.createContextualFragment('<b>x</b>').childNodes.length);
      tryIt(() => document.body.insertAdjacentHTML('nowhere', '<i></i>'));
      tryIt(() => document.body.insertAdjacentHTML('beforeend'));
      tryIt(() => document.createElement('div').insertAdjacentHTML('beforebegin', '<i></i>'));
      const doc = document.implementation.createHTMLDocument('');
      tryIt(() => doc.write('<p id=w>written</p>'));
      tryIt(() => doc.body?.innerHTML);
      const xml = document.implementation.createDocument(null, 'r');
      tryIt(() => xml.write('<p>x</p>'));
      tryIt(() => xml.open());
      return names;`;
    const without = await run(body, false, '', true);
    const withConsentry = await run(body, true, '', true);
    expect(without.seen, 'control').toContain('TypeError');
    expect(withConsentry.seen).toEqual(without.seen);
  });
});
