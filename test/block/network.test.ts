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
};
const TRACKER = 'https://tracker.test/collect';

let w: any, allowed: Set<string>, reported: BlockedItem[], made: string[];
let nativeFetch: ReturnType<typeof vi.fn>, beacon: ReturnType<typeof vi.spyOn>, xhrSend: ReturnType<typeof vi.spyOn>;

// Stands in for a platform constructor, recording what it was asked to connect to.
const fakeCtor = (closed: number) =>
  class extends w.EventTarget {
    static CONNECTING = 0;
    static CLOSED = closed;
    constructor(u: string) {
      super();
      made.push(String(u));
    }
  };

beforeEach(() => {
  w = new Window({ url: 'https://shop.test/page' });
  allowed = new Set();
  reported = [];
  made = [];
  nativeFetch = w.fetch = vi.fn(() => Promise.resolve('native'));
  beacon = vi.spyOn(w.Navigator.prototype, 'sendBeacon').mockReturnValue(true);
  xhrSend = vi.spyOn(w.XMLHttpRequest.prototype, 'send').mockImplementation(() => {});
  w.WebSocket = fakeCtor(3);
  w.EventSource = fakeCtor(2);
  w.Worker = fakeCtor(0);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  guardNetwork(w, createGate({ matcher, allowed: (c) => allowed.has(c), report: (i) => reported.push(i), keep: [] }));
});
afterEach(() => {
  vi.restoreAllMocks();
  w.happyDOM.close();
});

const settle = (t: EventTarget, type: string) => new Promise<Event>((r) => t.addEventListener(type, r));

test('sendBeacon to a tracker returns false and sends nothing', () => {
  expect(w.navigator.sendBeacon(TRACKER, 'x')).toBe(false);
  expect(beacon).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'beacon', url: TRACKER, category: 'analytics', vendor: 'Tracker' }]);
});

test('a first-party sendBeacon reaches the native one', () => {
  expect(w.navigator.sendBeacon('/log', 'x')).toBe(true);
  expect(beacon).toHaveBeenCalledWith('/log', 'x');
});

test('fetch to a tracker rejects with a TypeError', async () => {
  await expect(w.fetch(TRACKER)).rejects.toBeInstanceOf(w.TypeError);
  expect(nativeFetch).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'fetch', url: TRACKER }]);
});

test('keepalive fetch to a tracker rejects too', async () => {
  await expect(w.fetch(TRACKER, { method: 'POST', keepalive: true })).rejects.toThrow('Failed to fetch');
  expect(nativeFetch).not.toHaveBeenCalled();
});

test('fetch with a Request object to a tracker is blocked', async () => {
  await expect(w.fetch(new w.Request(TRACKER))).rejects.toBeInstanceOf(w.TypeError);
  expect(nativeFetch).not.toHaveBeenCalled();
});

test('fetch with a URL object to a tracker is blocked', async () => {
  await expect(w.fetch(new URL(TRACKER))).rejects.toBeInstanceOf(w.TypeError);
  expect(nativeFetch).not.toHaveBeenCalled();
});

test('a first-party fetch reaches the native fetch unchanged', async () => {
  const init = { method: 'POST', body: 'x' };
  await expect(w.fetch('/api/cart', init)).resolves.toBe('native');
  expect(nativeFetch).toHaveBeenCalledWith('/api/cart', init);
  expect(reported).toEqual([]);
});

test('the fetch wrapper reports the name and length of the native one', () => {
  expect({ name: w.fetch.name, length: w.fetch.length }).toEqual({
    name: nativeFetch.name,
    length: nativeFetch.length,
  });
});

test('XHR to a tracker ends with an error event and status 0', async () => {
  const x = new w.XMLHttpRequest();
  const onerror = vi.fn();
  x.onerror = onerror;
  x.open('POST', TRACKER);
  const seen: string[] = [];
  for (const t of ['readystatechange', 'error', 'loadend']) x.addEventListener(t, () => seen.push(t));
  expect(() => x.send('payload')).not.toThrow();
  await settle(x, 'loadend');
  expect(seen).toEqual(['readystatechange', 'error', 'loadend']);
  expect(onerror).toHaveBeenCalledOnce();
  expect([x.readyState, x.status]).toEqual([4, 0]);
  expect(xhrSend).not.toHaveBeenCalled();
  expect(reported).toMatchObject([{ kind: 'xhr', url: TRACKER }]);
});

test('a first-party XHR reaches the native send', () => {
  const x = new w.XMLHttpRequest();
  x.open('GET', '/api');
  x.send();
  expect(xhrSend).toHaveBeenCalledOnce();
});

test('a WebSocket to a tracker throws a SecurityError and never opens', () => {
  expect(() => new w.WebSocket('wss://tracker.test/live')).toThrow(expect.objectContaining({ name: 'SecurityError' }));
  expect(made).toEqual([]);
  expect(reported).toMatchObject([{ kind: 'websocket', url: 'wss://tracker.test/live' }]);
});

test('a first-party WebSocket is constructed natively and keeps instanceof and constants', () => {
  const ws = new w.WebSocket('wss://shop.test/live');
  expect(made).toEqual(['wss://shop.test/live']);
  expect(ws).toBeInstanceOf(w.WebSocket);
  expect(ws.constructor).toBe(w.WebSocket);
  expect([w.WebSocket.name, w.WebSocket.CONNECTING, w.WebSocket.CLOSED]).toEqual(['WebSocket', 0, 3]);
});

test('EventSource to a tracker throws a SecurityError and never connects', () => {
  expect(() => new w.EventSource('https://tracker.test/stream')).toThrow(
    expect.objectContaining({ name: 'SecurityError' }),
  );
  expect(made).toEqual([]);
  expect(reported).toMatchObject([{ kind: 'eventsource' }]);
});

test('a Worker from a tracker script throws a SecurityError', () => {
  expect(() => new w.Worker('https://tracker.test/w.js')).toThrow(expect.objectContaining({ name: 'SecurityError' }));
  expect(made).toEqual([]);
});

test('an exception in the matcher blocks the call (fail closed)', async () => {
  await expect(w.fetch('https://cdn.test/boom.js')).rejects.toBeInstanceOf(w.TypeError);
  expect(w.navigator.sendBeacon('https://cdn.test/boom')).toBe(false);
  expect(nativeFetch).not.toHaveBeenCalled();
  expect(beacon).not.toHaveBeenCalled();
});

test('once the category is allowed, the same call goes through', async () => {
  await expect(w.fetch(TRACKER)).rejects.toBeInstanceOf(w.TypeError);
  allowed.add('analytics');
  await expect(w.fetch(TRACKER)).resolves.toBe('native');
  expect(w.navigator.sendBeacon(TRACKER)).toBe(true);
  new w.WebSocket('wss://tracker.test/live');
  expect(made).toEqual(['wss://tracker.test/live']);
});
