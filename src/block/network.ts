import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';

type Win = Window & typeof globalThis;

/**
 * Network calls made by page code: beacons, fetch, XHR, sockets, server-sent events, workers.
 * Each guard asks the gate with the URL exactly as given (a string goes straight through: the matcher
 * short-circuits relative URLs, so a first-party call costs one function call and no parsing), and a held call
 * fails the way the platform fails a refused request, so vendor code takes its own error path instead of throwing.
 */
export function guardNetwork(win: Win, gate: Gate): void {
  const { Promise: P, setTimeout: later, DOMException: D } = win;
  const native: Record<string, any> = {};
  // Fail closed: whatever throws while reading the URL (a hostile toString) holds the call.
  // A Request (from any realm: instanceof would miss a child frame's) is the one object whose URL is not its string.
  const held = (u: any, kind: BlockedKind): unknown => {
    try {
      return gate.hold(typeof u?.url == 'string' ? u.url : '' + u, kind);
    } catch {
      return 1;
    }
  };
  // Wrappers are methods, so each keeps the native name (and, written with the native parameter list, length).
  const patch = (o: any, wrappers: Record<string, Function>) => {
    for (const k in wrappers) if (o?.[k]) (native[k] = o[k]), (o[k] = wrappers[k]);
  };
  const refuse = () => new D('Blocked until consent', 'SecurityError');

  patch(win.Navigator?.prototype, {
    sendBeacon(u: string) {
      // false is what a refused (e.g. over-quota) beacon returns, so callers fall back quietly.
      return !held(u, 'beacon') && native.sendBeacon.apply(this, arguments);
    },
  });

  patch(win, {
    // Called on win: a bare `fetch()` from strict code has no `this`, and win is always a valid receiver.
    fetch(u: RequestInfo | URL) {
      return held(u, 'fetch') ? P.reject(new win.TypeError('Failed to fetch')) : native.fetch.apply(win, arguments);
    },
    // A deferred beacon that never activates: `activated` stays false, as for one the page discarded.
    fetchLater(u: RequestInfo | URL) {
      return held(u, 'fetch') ? { activated: false } : native.fetchLater.apply(win, arguments);
    },
  });

  const urls = new WeakMap<XMLHttpRequest, string>();
  patch(win.XMLHttpRequest?.prototype, {
    open(this: XMLHttpRequest, _m: string, u: string | URL) {
      // A reused instance that was held last time gets its native readyState back.
      delete (this as any).readyState;
      urls.set(this, u as string);
      return native.open.apply(this, arguments);
    },
    send(this: XMLHttpRequest) {
      if (!held(urls.get(this) ?? '', 'xhr')) return native.send.apply(this, arguments);
      // The platform's network error: readyState 4, status 0 (already 0 while only opened), then
      // readystatechange, error, loadend, all after send() returned. Even a sync XHR does not throw here:
      // an exception would land in vendor code that never expected one.
      Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
      later(() =>
        ['readystatechange', 'error', 'loadend'].forEach((t, i) =>
          this.dispatchEvent(new (i ? win.ProgressEvent : win.Event)(t)),
        ),
      );
    },
  });

  patch(win.ServiceWorkerContainer?.prototype, {
    register(this: ServiceWorkerContainer, u: string | URL) {
      // register() reports every failure through its promise, never by throwing.
      return held(u, 'worker') ? P.reject(refuse()) : native.register.apply(this, arguments);
    },
  });

  // A held socket, event stream or worker throws a SecurityError from its constructor, as the platform does for a
  // URL it refuses (a CSP-blocked or mixed-content WebSocket, a cross-origin Worker): nothing connects.
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker'] as const) {
    const kind = name.toLowerCase().replace('shared', '') as BlockedKind;
    const C: any = win[name];
    if (!C) continue;
    // Same prototype object and the native constructor as its prototype, so instanceof, CONNECTING..CLOSED and
    // subclassing keep working. Without `new`, Reflect.construct throws the TypeError the native one would.
    const W = (
      {
        [name]: function (this: any, u: any) {
          if (held(u, kind)) throw refuse();
          return Reflect.construct(C, arguments, new.target);
        },
      } as any
    )[name];
    Object.setPrototypeOf(W, C);
    W.prototype = C.prototype;
    C.prototype.constructor = W;
    (win as any)[name] = W;
  }
}
