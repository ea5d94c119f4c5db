import { park } from '../../src/block/marker';
import { scriptsInsertedByConsentry } from '../../src/block/markup';
import { BARRIER_MS, createReactivator } from '../../src/block/reactivate';
import { AD_PIXEL, gate, reset, state, TRACKER, win } from './fixture';

// A reactivator per test: one keeps the loads it waits for, and a barrier left pending would delay the next test.
let r: ReturnType<typeof createReactivator>;
beforeEach(() => {
  reset();
  r = createReactivator(win, gate);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** An owner-marked script as a site would write it. */
function marker(attrs: Record<string, string>, text = ''): HTMLScriptElement {
  const s = document.createElement('script');
  s.setAttribute('type', 'text/plain');
  s.setAttribute('data-consent', 'analytics');
  for (const k in attrs) s.setAttribute(k, attrs[k]);
  s.textContent = text;
  document.body.append(s);
  return s;
}
// happy-dom fails every script load at once; a JS type it does not load keeps the load pending, like a slow network
const PENDING = { src: TRACKER, 'data-type': 'text/ecmascript' };
const scripts = () => [...document.querySelectorAll('script')];
const flush = () =>
  new Promise<void>((ok) => queueMicrotask(ok)).then(() => new Promise<void>((ok) => queueMicrotask(ok)));

describe('createReactivator', () => {
  it('a released script is a new element, not the marker (a clone would never run)', () => {
    const m = marker({ src: TRACKER, id: 'a' });
    state.allowed.add('analytics');
    r.release();
    const n = document.getElementById('a')!;
    expect(n).not.toBe(m);
    expect(m.isConnected).toBe(false);
    expect({
      src: n.getAttribute('src'),
      type: n.hasAttribute('type'),
      consent: n.hasAttribute('data-consent'),
    }).toEqual({
      src: TRACKER,
      type: false,
      consent: false,
    });
  });

  /** A marketing image parked inside a shadow root of `mode` (as markup set there parks it), its host in the document. */
  const parkedInShadowRoot = (mode: ShadowRootMode) => {
    const host = document.createElement('div');
    document.body.append(host);
    const img = document.createElement('img');
    host.attachShadow({ mode }).append(img);
    park(img, { category: 'marketing', vendor: 'Ads' }, 'src', AD_PIXEL);
    return img;
  };

  it('a parked image in an open shadow root gets its src back on consent', () => {
    const img = parkedInShadowRoot('open');
    state.allowed.add('marketing');
    r.release();
    expect([img.getAttribute('src'), img.hasAttribute('data-consent')]).toEqual([AD_PIXEL, false]);
  });

  it('known limit: a parked image in a closed shadow root stays parked until the next page view', () => {
    const img = parkedInShadowRoot('closed');
    state.allowed.add('marketing');
    r.release();
    expect([img.getAttribute('src'), img.getAttribute('data-src')]).toEqual([null, AD_PIXEL]);
  });

  it('a category not allowed stays parked', () => {
    const m = marker({ src: TRACKER, 'data-consent': 'marketing' });
    state.allowed.add('analytics');
    r.release();
    expect(m.isConnected).toBe(true);
    expect(m.getAttribute('type')).toBe('text/plain');
  });

  it('the nonce comes from the marker property, not its hidden attribute', () => {
    const m = marker({ src: TRACKER, nonce: '' });
    Object.defineProperty(m, 'nonce', { value: 'n0nce' });
    state.allowed.add('analytics');
    r.release();
    expect((scripts()[0] as HTMLScriptElement).nonce).toBe('n0nce');
  });

  it('every other attribute and the inline text are copied to the new script', () => {
    const m = marker({ id: 'x', class: 'c', 'data-k': 'v', crossorigin: 'anonymous' }, 'run()');
    state.allowed.add('analytics');
    r.release();
    const n = scripts()[0];
    expect(n).not.toBe(m);
    expect({
      id: n.id,
      className: n.className,
      dataK: n.getAttribute('data-k'),
      crossorigin: n.getAttribute('crossorigin'),
      text: n.textContent,
    }).toEqual({ id: 'x', className: 'c', dataK: 'v', crossorigin: 'anonymous', text: 'run()' });
  });

  it('a module script gets its type back from data-type', () => {
    marker({ src: TRACKER, 'data-type': 'module' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts()[0].getAttribute('type')).toBe('module');
  });

  it('external scripts come back in document order, each set to async = false', () => {
    // A browser makes a script created by script async until it is set false; happy-dom reads `async` from the
    // attribute, so the new scripts would read false either way: watch the setter instead.
    const setAsync = vi.spyOn(HTMLScriptElement.prototype, 'async', 'set');
    marker({ src: TRACKER + '?1' });
    marker({ src: TRACKER + '?2' });
    marker({ src: TRACKER + '?3' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts().map((s) => s.getAttribute('src'))).toEqual([TRACKER + '?1', TRACKER + '?2', TRACKER + '?3']);
    expect(setAsync.mock.contexts).toEqual(scripts());
    expect(setAsync.mock.calls).toEqual([[false], [false], [false]]);
  });

  it('a script that was async stays async', () => {
    marker({ src: TRACKER, async: '' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts()[0].async).toBe(true);
  });

  it('module scripts are inserted after the classic ones of the same release', () => {
    const mod = marker({ src: TRACKER + '?m', 'data-type': 'module' });
    const cls = marker({ src: TRACKER + '?c' });
    const spy = vi.spyOn(Element.prototype, 'replaceWith');
    state.allowed.add('analytics');
    r.release();
    expect(spy.mock.contexts).toEqual([cls, mod]);
  });

  it('each marker comes back once however often release runs', () => {
    marker({ src: TRACKER });
    state.allowed.add('analytics');
    r.release();
    r.release();
    expect(scripts()).toHaveLength(1);
  });

  it('an inline script waits for the load of the external script before it', async () => {
    marker(PENDING);
    const inline = marker({}, 'use()');
    state.allowed.add('analytics');
    r.release();
    await flush();
    expect(inline.isConnected).toBe(true);
    scripts()[0].dispatchEvent(new Event('load'));
    await flush();
    expect(inline.isConnected).toBe(false);
  });

  it('an inline script stops waiting after the barrier timeout when a script never loads', async () => {
    vi.useFakeTimers();
    marker(PENDING);
    const inline = marker({}, 'use()');
    state.allowed.add('analytics');
    r.release();
    await vi.advanceTimersByTimeAsync(BARRIER_MS - 1);
    expect(inline.isConnected).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(inline.isConnected).toBe(false);
  });

  it('an img gets its src and srcset back in place', () => {
    const i = document.createElement('img');
    i.setAttribute('data-consent', 'marketing');
    i.setAttribute('data-src', AD_PIXEL);
    i.setAttribute('data-srcset', AD_PIXEL + ' 2x');
    document.body.append(i);
    state.allowed.add('marketing');
    r.release();
    expect(document.querySelector('img')).toBe(i);
    expect({
      src: i.getAttribute('src'),
      srcset: i.getAttribute('srcset'),
      consent: i.hasAttribute('data-consent'),
    }).toEqual({ src: AD_PIXEL, srcset: AD_PIXEL + ' 2x', consent: false });
  });

  it('a parked new Image() that never reached the document gets its src back', () => {
    const i = new Image();
    park(i, { category: 'marketing', vendor: 'Ads' }, 'src', AD_PIXEL);
    state.allowed.add('marketing');
    r.release();
    expect(i.getAttribute('src')).toBe(AD_PIXEL);
  });

  it('a parked script not yet inserted becomes runnable in place', () => {
    const s = document.createElement('script');
    park(s, { category: 'analytics', vendor: 'Tracker' }, 'src', TRACKER);
    state.allowed.add('analytics');
    r.release();
    expect({ type: s.hasAttribute('type'), src: s.getAttribute('src') }).toEqual({ type: false, src: TRACKER });
  });

  it('remember() releases a marked element that is already in the document', () => {
    const m = marker({ src: TRACKER });
    state.allowed.add('analytics');
    r.remember(m);
    expect(m.isConnected).toBe(false);
  });

  it('a released script is flagged as scriptsInsertedByConsentry, so its document.write is inserted after it', () => {
    marker({ src: TRACKER });
    state.allowed.add('analytics');
    r.release();
    expect(scriptsInsertedByConsentry.has(scripts()[0])).toBe(true);
  });

  it('an a[ping] gets back the held ping URLs of a category once it is allowed, and keeps the rest held', () => {
    const a = document.createElement('a');
    for (const [k, v] of [
      ['ping', '/own'],
      ['data-consent', 'marketing analytics'],
      ['data-ping-marketing', AD_PIXEL],
      ['data-ping-analytics', TRACKER],
    ])
      a.setAttribute(k, v);
    document.body.append(a);
    state.allowed.add('analytics');
    r.release();
    expect({
      ping: a.getAttribute('ping'),
      consent: a.getAttribute('data-consent'),
      heldMarketing: a.getAttribute('data-ping-marketing'),
      heldAnalytics: a.hasAttribute('data-ping-analytics'),
    }).toEqual({ ping: `/own ${TRACKER}`, consent: 'marketing', heldMarketing: AD_PIXEL, heldAnalytics: false });
  });

  it('an a[ping] whose categories are all allowed gets every URL back and loses its marks', () => {
    const a = document.createElement('a');
    for (const [k, v] of [
      ['data-consent', 'marketing'],
      ['data-consentry-vendor', 'Ads'],
      ['data-ping-marketing', AD_PIXEL],
    ])
      a.setAttribute(k, v);
    document.body.append(a);
    state.allowed.add('marketing');
    r.release();
    expect(a.getAttribute('ping')).toBe(AD_PIXEL);
    expect([...a.attributes].map((attribute) => attribute.name)).toEqual(['ping']);
  });
});
