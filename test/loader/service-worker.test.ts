import { Window } from 'happy-dom';
import type { BlockerOptions } from '../../src/block/index';
import { resolveConfig } from '../../src/core/config';
import {
  SHIELD_ACK,
  SHIELD_BLOCKED,
  SHIELD_CONSENT,
  SHIELD_PARAMETER,
  shieldConfig,
} from '../../src/core/shield-contract';
import type { BlockedItem, Consentry } from '../../src/core/types';
import { ACK_TIMEOUT, shield } from '../../src/loader/service-worker';
import { start } from '../../src/loader/start';
import { clearCookies } from '../core/harness';

const blockers = vi.hoisted(() => ({ release: [] as ReturnType<typeof vi.fn>[] }));
vi.mock('../../src/block/index', () => ({
  installBlocker: (_realm: unknown, _options: BlockerOptions) => {
    const release = vi.fn();
    blockers.release.push(release);
    return { release, guard: () => {} };
  },
}));

/** A service worker as the page sees it: its script URL and what was posted to it, with the port it was given. */
class FakeWorker {
  posted: { message: any; port: MessagePort }[] = [];
  constructor(
    public scriptURL: string,
    private acks = true,
  ) {}
  postMessage(message: unknown, transfer: MessagePort[]) {
    this.posted.push({ message, port: transfer[0] });
    if (this.acks) transfer[0].postMessage({ type: SHIELD_ACK });
  }
}

/** `navigator.serviceWorker`: registrations, the controller, and the `message` events a worker sends. */
class FakeContainer extends EventTarget {
  controller: FakeWorker | null = null;
  registrations: { active?: FakeWorker; waiting?: FakeWorker; installing?: FakeWorker; unregister: any }[] = [];
  register = vi.fn(async (_url: string) => ({}));
  getRegistrations = vi.fn(async () => this.registrations);
  /** A message event as a worker's `client.postMessage` delivers it. */
  deliver(data: unknown, source: unknown = this.controller) {
    this.dispatchEvent(Object.assign(new Event('message'), { data, source }));
  }
}

/** A window with the fake container, in the document state `readyState`; `load()` fires its load event. */
const fakeWindow = (serviceWorker: FakeContainer | undefined, readyState = 'loading') => {
  const win = new EventTarget() as EventTarget & { navigator: unknown; document: unknown; load(): void };
  win.navigator = { serviceWorker };
  win.document = { readyState };
  win.load = () => win.dispatchEvent(new Event('load'));
  return win as unknown as typeof window & { load(): void };
};

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const SW = '/consentry-sw.js';
const blocked = {
  type: SHIELD_BLOCKED,
  kind: 'img',
  url: 'https://www.facebook.com/tr?id=1',
  category: 'marketing',
  vendor: 'Meta',
};

let container: FakeContainer;
let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  container = new FakeContainer();
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  blockers.release = [];
  clearCookies();
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('registering', () => {
  it('registers the worker only once the page has loaded, never earlier', async () => {
    const win = fakeWindow(container);
    shield(win, resolveConfig({ serviceWorker: SW }), null, () => {});
    await nextTask();
    expect(container.register).not.toHaveBeenCalled();
    win.load();
    expect(container.register).toHaveBeenCalledTimes(1);
  });

  it('registers on the next task when the page had already loaded, not while the loader runs', async () => {
    shield(fakeWindow(container, 'complete'), resolveConfig({ serviceWorker: SW }), null, () => {});
    expect(container.register).not.toHaveBeenCalled();
    await nextTask();
    expect(container.register).toHaveBeenCalledTimes(1);
  });

  it("carries the shield's config in the registration URL's consentry parameter", () => {
    const config = resolveConfig({ serviceWorker: SW, rules: [{ match: 'stats.example.net', category: 'analytics' }] });
    const win = fakeWindow(container);
    shield(win, config, null, () => {});
    win.load();
    const url = new URL(container.register.mock.calls[0][0], 'https://example.com/');
    expect(url.pathname).toBe(SW);
    expect(JSON.parse(url.searchParams.get(SHIELD_PARAMETER)!)).toEqual(shieldConfig(config));
  });

  it('says once when the worker cannot register, and nothing else changes', async () => {
    container.register.mockRejectedValue(new DOMException('cross-origin', 'SecurityError'));
    const win = fakeWindow(container);
    shield(win, resolveConfig({ serviceWorker: 'https://elsewhere.example/sw.js' }), null, () => {});
    win.load();
    await nextTask();
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it('does nothing at all when the key is absent: no registration, no lookup, no listener, no message', async () => {
    container.controller = new FakeWorker(`${SW}?${SHIELD_PARAMETER}=%7B%7D`);
    const listen = vi.spyOn(container, 'addEventListener');
    const win = fakeWindow(container);
    expect(shield(win, resolveConfig({}), null, () => {})).toBeUndefined();
    win.load();
    await nextTask();
    expect(container.register).not.toHaveBeenCalled();
    expect(container.getRegistrations).not.toHaveBeenCalled();
    expect(listen).not.toHaveBeenCalled();
    expect(container.controller.posted).toEqual([]);
  });

  it('does nothing and throws nothing without a service-worker API (an insecure context, an old browser)', async () => {
    for (const serviceWorker of [SW, false]) {
      const win = fakeWindow(undefined);
      expect(shield(win, resolveConfig({ serviceWorker }), null, () => {})).toBeUndefined();
      win.load();
    }
    await nextTask();
    expect(errors).not.toHaveBeenCalled();
  });
  it('does nothing and throws nothing where reading the service-worker API throws (a sandboxed frame)', () => {
    const win = fakeWindow(undefined);
    Object.defineProperty(win.navigator, 'serviceWorker', {
      get() {
        throw new DOMException('opaque origin', 'SecurityError');
      },
    });
    expect(shield(win, resolveConfig({ serviceWorker: SW }), null, () => {})).toBeUndefined();
  });
});

describe('switching off', () => {
  const registration = (where: 'active' | 'waiting' | 'installing', scriptURL: string) => ({
    [where]: new FakeWorker(scriptURL),
    unregister: vi.fn(),
  });

  it("with false, removes Consentry's own registrations after load and leaves the site's other workers alone", async () => {
    const ours = registration('active', `https://example.com${SW}?${SHIELD_PARAMETER}=%7B%7D`);
    const oursWaiting = registration('waiting', `https://example.com/sw/${SW}?v=2&${SHIELD_PARAMETER}=%7B%7D`);
    const site = registration('active', 'https://example.com/site-sw.js?consentryish=1');
    container.registrations = [ours, site, oursWaiting];
    const win = fakeWindow(container);
    expect(shield(win, resolveConfig({ serviceWorker: false }), null, () => {})).toBeUndefined();
    await nextTask();
    expect(container.getRegistrations).not.toHaveBeenCalled();
    win.load();
    await nextTask();
    expect(ours.unregister).toHaveBeenCalledTimes(1);
    expect(oursWaiting.unregister).toHaveBeenCalledTimes(1);
    expect(site.unregister).not.toHaveBeenCalled();
    expect(container.register).not.toHaveBeenCalled();
  });
});

describe("the worker's refusals", () => {
  const listening = () => {
    const items: BlockedItem[] = [];
    container.controller = new FakeWorker(SW);
    shield(fakeWindow(container), resolveConfig({ serviceWorker: SW }), null, (item) => items.push(item));
    return items;
  };

  it('reports a refusal from the controlling worker, in the shape of an in-page one', () => {
    const items = listening();
    container.deliver(blocked);
    expect(items).toEqual([
      { kind: 'img', url: blocked.url, category: 'marketing', vendor: 'Meta', time: expect.any(Number) },
    ]);
  });

  it('ignores a message in the right shape from anything but the controlling worker', () => {
    const items = listening();
    container.deliver(blocked, new FakeWorker('/other-sw.js'));
    container.deliver(blocked, null);
    expect(items).toEqual([]);
  });

  it('ignores a message from the controller that is not a refusal in the contract shape', () => {
    const items = listening();
    for (const forged of [
      null,
      'consentry:blocked',
      { ...blocked, type: 'other' },
      { ...blocked, url: 3 },
      { type: SHIELD_BLOCKED },
    ])
      container.deliver(forged);
    expect(items).toEqual([]);
  });
});

describe('telling the worker', () => {
  type W = Window & { consentry: Consentry };
  let win: W;
  beforeEach(() => {
    win = new Window({ url: 'https://example.com/' }) as unknown as W;
    Object.defineProperty(win.navigator, 'serviceWorker', { value: container });
  });
  afterEach(() => (win as any).happyDOM.close());
  const never = () => new Promise<never>(() => {});
  const boot = (config: object = {}) =>
    start(win as any, { serviceWorker: SW, ...config }, { ui: vi.fn(never), texts: vi.fn(never), later: vi.fn(never) });

  it('tells the controlling worker the live decision and the config when the page starts', () => {
    const worker = (container.controller = new FakeWorker(SW));
    const api = boot();
    expect(worker.posted.map((p) => p.message)).toEqual([
      { type: SHIELD_CONSENT, record: null, config: shieldConfig(api.config) },
    ]);
  });

  it('re-activates at once while no worker controls the page', () => {
    const api = boot();
    api.acceptAll();
    expect(blockers.release[0]).toHaveBeenCalledTimes(1);
  });

  it('a refusal the worker reports reaches blocked() and the blocked event', () => {
    container.controller = new FakeWorker(SW);
    const api = boot();
    const heard: BlockedItem[] = [];
    api.on('blocked', (item) => heard.push(item));
    container.deliver(blocked);
    expect(api.blocked()).toMatchObject([{ url: blocked.url, kind: 'img' }]);
    expect(heard).toEqual(api.blocked());
  });

  it('re-activates nothing until the worker has acknowledged the decision', async () => {
    const worker = (container.controller = new FakeWorker(SW, false));
    const api = boot();
    api.acceptAll();
    const told = worker.posted[1];
    expect(told.message).toMatchObject({ type: SHIELD_CONSENT, record: { categories: { marketing: true } } });
    await nextTask();
    expect(blockers.release[0]).not.toHaveBeenCalled();
    told.port.postMessage({ type: SHIELD_ACK });
    await vi.waitFor(() => expect(blockers.release[0]).toHaveBeenCalledTimes(1));
  });

  it('re-activates after the timeout when the worker never answers (it reads the consent cookie itself)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    container.controller = new FakeWorker(SW, false);
    const api = boot();
    api.acceptAll();
    await vi.advanceTimersByTimeAsync(ACK_TIMEOUT - 1);
    expect(blockers.release[0]).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(blockers.release[0]).toHaveBeenCalledTimes(1);
  });

  it('tells the worker of a withdrawal and of a reset at once, before anything else can run', () => {
    const worker = (container.controller = new FakeWorker(SW, false));
    const api = boot({ reloadOnWithdraw: false });
    api.acceptAll();
    api.set({ marketing: false });
    expect(worker.posted[2].message.record.categories.marketing).toBe(false);
    api.reset();
    expect(worker.posted[3].message).toMatchObject({ type: SHIELD_CONSENT, record: null });
  });
});
