import { Window } from 'happy-dom';
import { createGate } from '../../src/block/gate';
import { guardNetwork } from '../../src/block/network';
import type { Matcher } from '../../src/catalogue/matcher';
import type { BlockedItem } from '../../src/core/types';

// A stand-in for the catalogue: tracker.test is analytics; any URL containing "boom" makes the matcher throw.
const matcher: Matcher = {
  url(u) {
    if (u.includes('boom')) throw new Error('matcher failed');
    return /\/\/tracker\.test\//.test(u) ? { category: 'analytics', vendor: 'Tracker' } : undefined;
  },
  cookie: () => undefined,
  // every markup is parsed: these tests judge URLs one by one
  mayNameIn: () => true,
};
const TRACKER = 'https://tracker.test/collect';

let win: any;
let allowed: Set<string>;
let reported: BlockedItem[];
let made: string[];
let nativeFetch: ReturnType<typeof vi.fn>;
let beacon: ReturnType<typeof vi.spyOn>;
let xhrSend: ReturnType<typeof vi.spyOn>;

// Stands in for a platform constructor, recording what it was asked to connect to.
const fakeCtor = (closed: number, name: string) =>
  ({
    [name]: class extends win.EventTarget {
      static CONNECTING = 0;
      static CLOSED = closed;
      constructor(u: string) {
        super();
        made.push(String(u));
      }
    },
  })[name];

beforeEach(() => {
  win = new Window({ url: 'https://shop.test/page' });
  allowed = new Set();
  reported = [];
  made = [];
  nativeFetch = win.fetch = vi.fn(() => Promise.resolve('native'));
  beacon = vi.spyOn(win.Navigator.prototype, 'sendBeacon').mockReturnValue(true);
  xhrSend = vi.spyOn(win.XMLHttpRequest.prototype, 'send').mockImplementation(() => {});
  win.WebSocket = fakeCtor(3, 'WebSocket');
  win.EventSource = fakeCtor(2, 'EventSource');
  win.Worker = fakeCtor(0, 'Worker');
  vi.spyOn(console, 'error').mockImplementation(() => {});
  guardNetwork(win, createGate({ matcher, allowed: (c) => allowed.has(c), report: (i) => reported.push(i), keep: [] }));
});
afterEach(() => {
  vi.restoreAllMocks();
  win.happyDOM.close();
});

const settle = (t: EventTarget, type: string) => new Promise<Event>((r) => t.addEventListener(type, r));

test('sendBeacon to a tracker returns false and sends nothing', () => {
  expect(win.navigator.sendBeacon(TRACKER, 'x')).toBe(false);
  expect(beacon).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'beacon', url: TRACKER, category: 'analytics', vendor: 'Tracker' }]);
});

test('a first-party sendBeacon reaches the native one', () => {
  expect(win.navigator.sendBeacon('/log', 'x')).toBe(true);
  expect(beacon).toHaveBeenCalledWith('/log', 'x');
});

test('fetch to a tracker rejects with a TypeError', async () => {
  await expect(win.fetch(TRACKER)).rejects.toBeInstanceOf(win.TypeError);
  expect(nativeFetch).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'fetch', url: TRACKER }]);
});

test('keepalive fetch to a tracker rejects too', async () => {
  await expect(win.fetch(TRACKER, { method: 'POST', keepalive: true })).rejects.toThrow('Failed to fetch');
  expect(nativeFetch).not.toHaveBeenCalled();
});

test('fetch with a URL object to a tracker is blocked', async () => {
  await expect(win.fetch(new URL(TRACKER))).rejects.toBeInstanceOf(win.TypeError);
  expect(nativeFetch).not.toHaveBeenCalled();
});

test('a first-party fetch reaches the native fetch unchanged', async () => {
  const init = { method: 'POST', body: 'x' };
  await expect(win.fetch('/api/cart', init)).resolves.toBe('native');
  expect(nativeFetch).toHaveBeenCalledWith('/api/cart', init);
  expect(reported).toEqual([]);
});

test('the fetch wrapper reports the name and length of the native one', () => {
  expect({ name: win.fetch.name, length: win.fetch.length }).toEqual({
    name: nativeFetch.name,
    length: nativeFetch.length,
  });
});

test('XHR to a tracker ends with an error event and status 0', async () => {
  const x = new win.XMLHttpRequest();
  const onerror = vi.fn();
  x.onerror = onerror;
  x.open('POST', TRACKER);
  const seen: string[] = [];
  for (const t of ['readystatechange', 'error', 'loadend']) x.addEventListener(t, () => seen.push(t));
  expect(() => x.send('payload')).not.toThrow();
  await settle(x, 'loadend');
  expect(seen).toEqual(['readystatechange', 'error', 'loadend']);
  expect(onerror).toHaveBeenCalledOnce();
  expect({ readyState: x.readyState, status: x.status }).toEqual({ readyState: 4, status: 0 });
  expect(xhrSend).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'xhr', url: TRACKER }]);
});

test('a first-party XHR reaches the native send', () => {
  const x = new win.XMLHttpRequest();
  x.open('GET', '/api');
  x.send();
  expect(xhrSend).toHaveBeenCalledOnce();
});

test('a WebSocket to a tracker is returned connecting, then fails with error and close 1006', async () => {
  const ws = new win.WebSocket('wss://tracker.test/live');
  const seen: string[] = [];
  ws.addEventListener('error', (e: Event) => seen.push(e.type + ' ' + ws.readyState));
  const closed = settle(ws, 'close');
  expect(ws.readyState).toBe(0);
  expect(() => ws.send('x')).toThrow(expect.objectContaining({ name: 'InvalidStateError' }));
  const close = (await closed) as CloseEvent;
  expect({ seen, code: close.code, wasClean: close.wasClean, state: ws.readyState }).toEqual({
    seen: ['error 3'],
    code: 1006,
    wasClean: false,
    state: 3,
  });
  expect(ws).toBeInstanceOf(win.WebSocket);
  expect(ws.url).toBe('wss://tracker.test/live');
  expect(made).toEqual([]);
  expect(reported).toMatchObject([{ kind: 'websocket', url: 'wss://tracker.test/live' }]);
});

test("the guarded WebSocket's parent is the native's parent, never the native constructor", () => {
  expect(Object.getPrototypeOf(win.WebSocket)).toBe(win.EventTarget);
});

test('a first-party WebSocket is constructed natively and keeps instanceof and constants', () => {
  const ws = new win.WebSocket('wss://shop.test/live');
  expect(made).toEqual(['wss://shop.test/live']);
  expect(ws).toBeInstanceOf(win.WebSocket);
  expect(ws.constructor).toBe(win.WebSocket);
  expect({ name: win.WebSocket.name, CONNECTING: win.WebSocket.CONNECTING, CLOSED: win.WebSocket.CLOSED }).toEqual({
    name: 'WebSocket',
    CONNECTING: 0,
    CLOSED: 3,
  });
});

test('an EventSource from a tracker is returned connecting, then fires one error and is closed', async () => {
  const es = new win.EventSource('https://tracker.test/stream');
  expect(es.readyState).toBe(0);
  await settle(es, 'error');
  expect(es.readyState).toBe(2);
  expect(made).toEqual([]);
  expect(reported).toMatchObject([{ kind: 'eventsource' }]);
});

test('a URL whose toString throws throws to the caller of a Worker, as the native conversion does', () => {
  const bad = {
    toString() {
      throw new RangeError('no');
    },
  };
  expect(() => new win.Worker(bad)).toThrow(RangeError);
});

test('a URL object is read once and the native is handed the string that was checked', () => {
  let reads = 0;
  const tricky = { toString: () => (reads++ ? TRACKER : '/own') };
  new win.WebSocket(tricky);
  expect({ reads, made }).toEqual({ reads: 1, made: ['/own'] });
});

test("a string URL is taken as it is: only an object is asked for a Request's url", async () => {
  const realm: any = new Window({ url: 'https://shop.test/page' });
  const fetched = (realm.fetch = vi.fn(() => Promise.resolve('native')));
  // as the native getter does for anything that is not a Request
  const requestUrl = vi.fn(() => {
    throw new TypeError('Illegal invocation');
  });
  Object.defineProperty(realm.Request.prototype, 'url', { get: requestUrl, configurable: true });
  guardNetwork(realm, createGate({ matcher, allowed: () => false, report: () => {}, keep: [] }));
  await realm.fetch('/api/1');
  expect(requestUrl).not.toHaveBeenCalled();
  await realm.fetch({ toString: () => '/api/2' });
  expect(requestUrl).toHaveBeenCalledTimes(1);
  expect(fetched.mock.calls.map((call: unknown[]) => call[0])).toEqual(['/api/1', '/api/2']);
  realm.happyDOM.close();
});

test('a Worker from a tracker script throws a SecurityError', () => {
  expect(() => new win.Worker('https://tracker.test/win.js')).toThrow(
    expect.objectContaining({ name: 'SecurityError' }),
  );
  expect(made).toEqual([]);
});

test('an exception in the matcher blocks the call (fail closed)', async () => {
  await expect(win.fetch('https://cdn.test/boom.js')).rejects.toBeInstanceOf(win.TypeError);
  expect(win.navigator.sendBeacon('https://cdn.test/boom')).toBe(false);
  expect(nativeFetch).not.toHaveBeenCalled();
  expect(beacon).not.toHaveBeenCalled();
});

test('once the category is allowed, the same call goes through', async () => {
  await expect(win.fetch(TRACKER)).rejects.toBeInstanceOf(win.TypeError);
  allowed.add('analytics');
  await expect(win.fetch(TRACKER)).resolves.toBe('native');
  expect(win.navigator.sendBeacon(TRACKER)).toBe(true);
  new win.WebSocket('wss://tracker.test/live');
  expect(made).toEqual(['wss://tracker.test/live']);
});
