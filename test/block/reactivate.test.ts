import { park } from '../../src/block/marker';
import { scriptsInsertedByConsentry } from '../../src/block/markup';
import { BARRIER_MS, createReactivator } from '../../src/block/reactivate';
import { AD, gate, reset, state, T, win } from './fixture';

const r = createReactivator(win, gate);
beforeEach(reset);
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
const PENDING = { src: T, 'data-type': 'text/ecmascript' };
const scripts = () => [...document.querySelectorAll('script')];
const flush = () =>
  new Promise<void>((ok) => queueMicrotask(ok)).then(() => new Promise<void>((ok) => queueMicrotask(ok)));

describe('createReactivator', () => {
  it('a released script is a new element, not the marker (a clone would never run)', () => {
    const m = marker({ src: T, id: 'a' });
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
      src: T,
      type: false,
      consent: false,
    });
  });

  it('a category not allowed stays parked', () => {
    const m = marker({ src: T, 'data-consent': 'marketing' });
    state.allowed.add('analytics');
    r.release();
    expect(m.isConnected).toBe(true);
    expect(m.getAttribute('type')).toBe('text/plain');
  });

  it('the nonce comes from the marker property, not its hidden attribute', () => {
    const m = marker({ src: T, nonce: '' });
    Object.defineProperty(m, 'nonce', { value: 'n0nce' });
    state.allowed.add('analytics');
    r.release();
    expect((scripts()[0] as HTMLScriptElement).nonce).toBe('n0nce');
  });

  it('every other attribute and the inline text are copied', () => {
    marker({ id: 'x', class: 'c', 'data-k': 'v', crossorigin: 'anonymous' }, 'run()');
    state.allowed.add('analytics');
    r.release();
    const n = scripts()[0];
    expect({
      id: n.id,
      className: n.className,
      dataK: n.getAttribute('data-k'),
      crossorigin: n.getAttribute('crossorigin'),
      text: n.textContent,
    }).toEqual({ id: 'x', className: 'c', dataK: 'v', crossorigin: 'anonymous', text: 'run()' });
  });

  it('a module script gets its type back from data-type', () => {
    marker({ src: T, 'data-type': 'module' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts()[0].getAttribute('type')).toBe('module');
  });

  it('external scripts come back in document order with async = false', () => {
    marker({ src: T + '?1' });
    marker({ src: T + '?2' });
    marker({ src: T + '?3' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts().map((s) => ({ src: s.getAttribute('src'), async: s.async }))).toEqual([
      { src: T + '?1', async: false },
      { src: T + '?2', async: false },
      { src: T + '?3', async: false },
    ]);
  });

  it('a script that was async stays async', () => {
    marker({ src: T, async: '' });
    state.allowed.add('analytics');
    r.release();
    expect(scripts()[0].async).toBe(true);
  });

  it('module scripts are inserted after the classic ones of the same release', () => {
    const mod = marker({ src: T + '?m', 'data-type': 'module' });
    const cls = marker({ src: T + '?c' });
    const spy = vi.spyOn(Element.prototype, 'replaceWith');
    state.allowed.add('analytics');
    r.release();
    expect(spy.mock.contexts).toEqual([cls, mod]);
  });

  it('each marker comes back once however often release runs', () => {
    marker({ src: T });
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
    i.setAttribute('data-src', AD);
    i.setAttribute('data-srcset', AD + ' 2x');
    document.body.append(i);
    state.allowed.add('marketing');
    r.release();
    expect(document.querySelector('img')).toBe(i);
    expect({
      src: i.getAttribute('src'),
      srcset: i.getAttribute('srcset'),
      consent: i.hasAttribute('data-consent'),
    }).toEqual({ src: AD, srcset: AD + ' 2x', consent: false });
  });

  it('a parked new Image() that never reached the document gets its src back', () => {
    const i = new Image();
    park(i, { category: 'marketing', vendor: 'Ads' }, 'src', AD);
    state.allowed.add('marketing');
    r.release();
    expect(i.getAttribute('src')).toBe(AD);
  });

  it('a parked script not yet inserted becomes runnable in place', () => {
    const s = document.createElement('script');
    park(s, { category: 'analytics', vendor: 'Tracker' }, 'src', T);
    state.allowed.add('analytics');
    r.release();
    expect({ type: s.hasAttribute('type'), src: s.getAttribute('src') }).toEqual({ type: false, src: T });
  });

  it('remember() releases a marked element that is already in the document', () => {
    const m = marker({ src: T });
    state.allowed.add('analytics');
    r.remember(m);
    expect(m.isConnected).toBe(false);
  });

  it('a released script is flagged as scriptsInsertedByConsentry, so its document.write is inserted after it', () => {
    marker({ src: T });
    state.allowed.add('analytics');
    r.release();
    expect(scriptsInsertedByConsentry.has(scripts()[0])).toBe(true);
  });

  it('an a[ping] gets back the held ping URLs of a category once it is allowed, and keeps the rest held', () => {
    const a = document.createElement('a');
    for (const [k, v] of [
      ['ping', '/own'],
      ['data-consent', 'marketing analytics'],
      ['data-ping-marketing', AD],
      ['data-ping-analytics', T],
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
    }).toEqual({ ping: `/own ${T}`, consent: 'marketing', heldMarketing: AD, heldAnalytics: false });
  });

  it('an a[ping] whose categories are all allowed gets every URL back and loses its marks', () => {
    const a = document.createElement('a');
    for (const [k, v] of [
      ['data-consent', 'marketing'],
      ['data-consentry-vendor', 'Ads'],
      ['data-ping-marketing', AD],
    ])
      a.setAttribute(k, v);
    document.body.append(a);
    state.allowed.add('marketing');
    r.release();
    expect(a.getAttribute('ping')).toBe(AD);
    expect([...a.attributes].map((attribute) => attribute.name)).toEqual(['ping']);
  });
});
