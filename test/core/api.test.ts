import pkg from '../../package.json';
import { VERSION } from '../../src/core/api';
import { readRecord } from '../../src/core/record';
import { clearCookies, makeApi } from './harness';

beforeEach(() => {
  (window as any).happyDOM.setURL('https://example.com/');
  clearCookies();
  delete (window as any).dataLayer;
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (window as any).fbq;
});

it('get() is null until the visitor decides', () => {
  expect(makeApi().api.get()).toBeNull();
});

it('allowed() is true for necessary and false for the rest before a decision', () => {
  const { api } = makeApi();
  expect({ necessary: api.allowed('necessary'), analytics: api.allowed('analytics') }).toEqual({
    necessary: true,
    analytics: false,
  });
});

it('acceptAll() stores an accept-all record in the cookie and allows every category', () => {
  const { api, config } = makeApi();
  api.acceptAll();
  expect(api.get()?.method).toBe('accept-all');
  expect(readRecord(config)).toEqual(api.get());
  expect(api.allowed('marketing')).toBe(true);
});

it('acceptAll() under GPC leaves marketing denied and records gpc', () => {
  const { api } = makeApi({}, { gpc: true });
  api.acceptAll();
  expect(api.get()?.method).toBe('gpc');
  expect({ analytics: api.allowed('analytics'), marketing: api.allowed('marketing') }).toEqual({
    analytics: true,
    marketing: false,
  });
});

it('rejectAll() stores a reject-all record that allows only necessary', () => {
  const { api } = makeApi();
  api.rejectAll();
  expect(api.get()?.method).toBe('reject-all');
  expect(api.allowed('analytics')).toBe(false);
});

it('set() changes the named categories only and records method api', () => {
  const { api } = makeApi();
  api.set({ analytics: true });
  expect(api.get()?.categories).toEqual({ necessary: true, preferences: false, analytics: true, marketing: false });
  expect(api.get()?.method).toBe('api');
});

it('set(choices, "custom") records the dialog\'s own choice', () => {
  const { api } = makeApi();
  api.set({ analytics: true }, 'custom');
  expect(api.get()?.method).toBe('custom');
});

it('set() with something other than an object throws a clear TypeError and grants nothing', () => {
  const { api } = makeApi();
  expect(() => api.set(null as any)).toThrow(TypeError);
  expect(api.get()).toBeNull();
});

it('a decision broadcasts the record to other tabs and hides the UI', () => {
  const { api, posted, ui } = makeApi();
  api.acceptAll();
  expect(posted).toEqual([api.get()]);
  expect(ui.hide).toHaveBeenCalled();
});

it('a decision that grants something releases what was blocked', () => {
  const { api, blocker } = makeApi();
  api.rejectAll();
  expect(blocker.release).not.toHaveBeenCalled();
  api.set({ analytics: true });
  expect(blocker.release).toHaveBeenCalledTimes(1);
});

/** The purge settles in a later microtask, and the reload follows it. */
const purgeSettled = () => new Promise((settle) => setTimeout(settle, 0));

it('withdrawing a category purges its cookies, then reloads the page', async () => {
  const { api, purge, reload } = makeApi();
  api.acceptAll();
  api.set({ analytics: false });
  expect(purge).toHaveBeenCalledWith(['analytics']);
  expect(reload).not.toHaveBeenCalled();
  await purgeSettled();
  expect(reload).toHaveBeenCalledTimes(1);
});

it('a purge that fails still reloads: the next page view starts blocked', async () => {
  const { api, purge, reload } = makeApi();
  purge.mockRejectedValueOnce(new Error('offline'));
  api.acceptAll();
  api.rejectAll();
  await purgeSettled();
  expect(reload).toHaveBeenCalledTimes(1);
});

it('withdrawing with reloadOnWithdraw false purges without reloading', async () => {
  const { api, purge, reload } = makeApi({ reloadOnWithdraw: false });
  api.acceptAll();
  api.rejectAll();
  expect(purge).toHaveBeenCalledWith(['preferences', 'analytics', 'marketing']);
  await purgeSettled();
  expect(reload).not.toHaveBeenCalled();
});

it('reload happens after change listeners ran', async () => {
  const { api, reload } = makeApi();
  api.acceptAll();
  const order: string[] = [];
  api.on('change', () => order.push('change'));
  reload.mockImplementation(() => order.push('reload'));
  api.rejectAll();
  await purgeSettled();
  expect(order).toEqual(['change', 'reload']);
});

it('each decision sends a Consent Mode update', () => {
  const { api } = makeApi();
  api.set({ analytics: true });
  const last = (window as any).dataLayer.filter((a: IArguments) => a[0] == 'consent').pop();
  expect([...last]).toEqual([
    'consent',
    'update',
    expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' }),
  ]);
});

it('each decision calls vendor consent hooks that exist on the page', () => {
  const fbq = vi.fn();
  (window as any).fbq = fbq;
  makeApi().api.acceptAll();
  expect(fbq).toHaveBeenCalledWith('consent', 'grant');
});

it('each decision sends one receipt when an endpoint is configured', () => {
  const { api, receipt } = makeApi({ receipts: { endpoint: '/consent' } });
  api.acceptAll();
  expect(receipt).toHaveBeenCalledTimes(1);
  expect(receipt).toHaveBeenCalledWith(api.get());
});

it('no receipt is sent without an endpoint', () => {
  const { api, receipt } = makeApi();
  api.acceptAll();
  expect(receipt).not.toHaveBeenCalled();
});

describe('events', () => {
  it('on("change") gets the record, and so does the consentry:change DOM event', () => {
    const { api } = makeApi();
    const fn = vi.fn(),
      dom = vi.fn();
    api.on('change', fn);
    window.addEventListener('consentry:change', (e) => dom((e as CustomEvent).detail), { once: true });
    api.acceptAll();
    expect(fn).toHaveBeenCalledWith(api.get());
    expect(dom).toHaveBeenCalledWith(api.get());
  });
  it('on() returns an unsubscribe function', () => {
    const { api } = makeApi();
    const fn = vi.fn();
    api.on('change', fn)();
    api.acceptAll();
    expect(fn).not.toHaveBeenCalled();
  });
  it('a throwing listener does not stop the others, nor the decision', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api, blocker } = makeApi();
    const fn = vi.fn();
    api.on('change', () => {
      throw new Error('boom');
    });
    api.on('change', fn);
    api.acceptAll();
    expect(fn).toHaveBeenCalled();
    expect(blocker.release).toHaveBeenCalled();
  });
  it('ready is replayed to a listener that subscribes late', () => {
    const { api, events } = makeApi();
    events.emit('ready', null);
    const fn = vi.fn();
    api.on('ready', fn);
    expect(fn).toHaveBeenCalledWith(null);
  });
});

describe('whenAllowed', () => {
  it('runs now when the category is allowed', () => {
    const { api } = makeApi();
    const fn = vi.fn();
    api.whenAllowed('necessary', fn);
    expect(fn).toHaveBeenCalledTimes(1);
  });
  it('runs once, when the category becomes allowed', () => {
    const { api } = makeApi({ reloadOnWithdraw: false });
    const fn = vi.fn();
    api.whenAllowed('analytics', fn);
    api.rejectAll();
    expect(fn).not.toHaveBeenCalled();
    api.set({ analytics: true });
    api.set({ analytics: false });
    api.set({ analytics: true });
    expect(fn).toHaveBeenCalledTimes(1);
  });
});

it('show(), showPreferences() and hide() drive the UI', () => {
  const { api, ui } = makeApi();
  api.show();
  api.showPreferences();
  api.hide();
  expect(ui.show.mock.calls).toEqual([['banner'], ['preferences']]);
  expect(ui.hide).toHaveBeenCalled();
});

describe('reset', () => {
  it('forgets the choice and shows the banner when nothing was allowed', () => {
    const { api, ui, config } = makeApi();
    api.rejectAll();
    api.reset();
    expect(api.get()).toBeNull();
    expect(readRecord(config)).toBeNull();
    expect(ui.show).toHaveBeenLastCalledWith('banner');
  });
  it('purges and reloads when something had been allowed in this page view', async () => {
    const { api, purge, reload, ui } = makeApi();
    api.set({ analytics: true });
    api.reset();
    expect(purge).toHaveBeenCalledWith(['analytics']);
    await purgeSettled();
    expect(reload).toHaveBeenCalled();
    expect(ui.show).not.toHaveBeenCalled();
  });
  it('tells change listeners and the window that there is no record any more', () => {
    const { api } = makeApi({ reloadOnWithdraw: false });
    api.rejectAll();
    const seen: unknown[] = [];
    api.on('change', (r) => seen.push(r));
    const dom = vi.fn();
    window.addEventListener('consentry:change', (e) => dom((e as CustomEvent).detail), { once: true });
    api.reset();
    expect(seen).toEqual([null]);
    expect(dom).toHaveBeenCalledWith(null);
  });
  it('denies everything again in Consent Mode', () => {
    const { api } = makeApi({ reloadOnWithdraw: false });
    api.acceptAll();
    api.reset();
    const last = (window as any).dataLayer.filter((a: IArguments) => a[0] == 'consent').pop();
    expect(last[2].analytics_storage).toBe('denied');
  });
});

it('blocked() lists a copy of what the blocker reported', () => {
  const { api, items } = makeApi();
  items.push({ kind: 'script', url: 'https://t.example/x.js', category: 'analytics', vendor: 'T', time: 1 });
  const list = api.blocked();
  list.pop();
  expect(api.blocked()).toHaveLength(1);
});

it('exposes the resolved config and the package version', () => {
  const { api, config } = makeApi({ revision: '9' });
  expect(api.config).toBe(config);
  expect(api.version).toBe(VERSION);
  expect(VERSION).toBe(pkg.version);
});
