import { guardParser } from '../../src/block/parser';
import { AD_PIXEL, FIRST_PARTY, gate, reports, reset, state, TRACKER, win } from './fixture';

const marked = vi.fn();
let checksUnmarked = true;
// happy-dom's document has finished loading; the guard watches only a document that is still being parsed.
beforeAll(() => {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  guardParser(win, gate, marked, () => checksUnmarked);
});
afterAll(() => {
  delete (document as any).readyState;
});
beforeEach(() => {
  reset();
  marked.mockClear();
  checksUnmarked = true;
});
/** Observer callbacks are microtasks; one macrotask later they have all run. */
const settle = () => new Promise((ok) => setTimeout(ok));

function add(tag: string, attrs: Record<string, string>, parent: Element = document.body): Element {
  const el = document.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]);
  parent.append(el);
  return el;
}

describe('guardParser', () => {
  it('a tracker script that arrives in the document is parked as text/plain', async () => {
    const s = add('script', { src: TRACKER });
    await settle();
    expect({ type: s.getAttribute('type'), consent: s.getAttribute('data-consent') }).toEqual({
      type: 'text/plain',
      consent: 'analytics',
    });
    expect(reports).toHaveLength(1);
  });

  it('a tracker img inside an added subtree is parked', async () => {
    const d = document.createElement('div');
    add('img', { src: AD_PIXEL }, add('p', {}, d));
    document.body.append(d);
    await settle();
    expect(d.querySelector('img')!.getAttribute('data-src')).toBe(AD_PIXEL);
  });

  it('a first-party script is left alone', async () => {
    const s = add('script', { src: FIRST_PARTY });
    await settle();
    expect(s.hasAttribute('type')).toBe(false);
    expect(reports).toEqual([]);
  });

  it('a tracker URL of an allowed category is left alone', async () => {
    state.allowed.add('marketing');
    const i = add('img', { src: AD_PIXEL });
    await settle();
    expect(i.getAttribute('src')).toBe(AD_PIXEL);
  });

  it('an a[ping] that arrives in the document loses its tracker URLs', async () => {
    const a = add('a', { href: '/x', ping: `${AD_PIXEL} /p` });
    await settle();
    expect(a.getAttribute('ping')).toBe('/p');
  });

  it('a marked tag that arrives while its category is allowed is handed to onMarked', async () => {
    state.allowed.add('analytics');
    const s = add('script', { type: 'text/plain', 'data-consent': 'analytics', src: TRACKER });
    await settle();
    expect(marked).toHaveBeenCalledWith(s);
  });

  it('a marked iframe that arrives while its category is allowed is handed to onMarked a task later, not in the observer callback', async () => {
    state.allowed.add('marketing');
    const f = add('iframe', { 'data-consent': 'marketing', 'data-src': AD_PIXEL });
    await Promise.resolve().then(() => Promise.resolve());
    expect(marked).not.toHaveBeenCalled();
    await settle();
    expect(marked.mock.calls).toEqual([[f]]);
  });

  it('a marked tag that arrives while its category is not allowed stays as written, unreported', async () => {
    const s = add('script', { type: 'text/plain', 'data-consent': 'analytics', src: TRACKER });
    await settle();
    expect(s.getAttribute('type')).toBe('text/plain');
    expect(marked).not.toHaveBeenCalled();
    expect(reports).toEqual([]);
  });
});

describe('guardParser, dormant and after parsing', () => {
  it('while nothing is to be blocked, an unmarked tracker script is left alone', async () => {
    checksUnmarked = false;
    const s = add('script', { src: TRACKER });
    await settle();
    expect(s.hasAttribute('data-consent')).toBe(false);
    expect(reports).toHaveLength(0);
  });

  it('while nothing is to be blocked, a marked tag is still handed over for release', async () => {
    checksUnmarked = false;
    state.allowed.add('analytics');
    const s = add('script', { type: 'text/plain', 'data-consent': 'analytics', src: TRACKER });
    await settle();
    expect(marked).toHaveBeenCalledWith(s);
  });

  it('a document that has finished parsing is not watched at all', () => {
    const observe = vi.spyOn(win.MutationObserver.prototype, 'observe');
    delete (document as any).readyState;
    guardParser(win, gate, marked, () => true);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    expect(observe).not.toHaveBeenCalled();
  });

  // Last: it ends the watch that the tests above share.
  it('stops watching at DOMContentLoaded, after the records still queued', () => {
    const disconnect = vi.spyOn(win.MutationObserver.prototype, 'disconnect');
    const s = document.createElement('script');
    s.setAttribute('src', TRACKER);
    document.body.append(s);
    document.dispatchEvent(new Event('DOMContentLoaded'));
    expect(s.getAttribute('type')).toBe('text/plain');
    expect(disconnect).toHaveBeenCalled();
  });
});
