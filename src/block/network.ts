import type { Realm } from '../core/realm';
import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';
import { replaceMethod } from './natives';

/**
 * Network calls made by page code: beacons, fetch, XHR, sockets, server-sent events, workers.
 * Each guard asks the gate with the URL exactly as given (a string goes straight through: the matcher
 * short-circuits relative URLs, so a first-party call costs one function call and no parsing), and a held call
 * fails the way the platform fails a refused request, so vendor code takes its own error path instead of throwing.
 */
export function guardNetwork(win: Realm, gate: Gate): void {
  const { Promise: NativePromise, setTimeout: nativeSetTimeout, DOMException: NativeDOMException } = win;
  // Fail closed: whatever throws while reading the URL (a hostile toString) holds the call.
  // A Request (from any realm: instanceof would miss a child frame's) is the one object whose URL is not its string.
  const holds = (url: any, kind: BlockedKind): unknown => {
    try {
      return gate.hold(typeof url?.url == 'string' ? url.url : '' + url, kind);
    } catch {
      return 1;
    }
  };
  const refusal = () => new NativeDOMException('Blocked until consent', 'SecurityError');

  // false is what a refused (e.g. over-quota) beacon returns, so callers fall back quietly.
  replaceMethod(
    win.Navigator?.prototype,
    'sendBeacon',
    (nativeSendBeacon) =>
      function (this: Navigator, url: string) {
        return !holds(url, 'beacon') && nativeSendBeacon.apply(this, arguments);
      },
  );

  // Called on win: a bare `fetch()` from strict code has no `this`, and win is always a valid receiver.
  replaceMethod(
    win,
    'fetch',
    (nativeFetch) =>
      function (url: RequestInfo | URL) {
        return holds(url, 'fetch')
          ? NativePromise.reject(new win.TypeError('Failed to fetch'))
          : nativeFetch.apply(win, arguments);
      },
  );
  // A deferred beacon that never activates: `activated` stays false, as for one the page discarded.
  replaceMethod(
    win,
    'fetchLater',
    (nativeFetchLater) =>
      function (url: RequestInfo | URL) {
        return holds(url, 'fetch') ? { activated: false } : nativeFetchLater.apply(win, arguments);
      },
  );

  const xhrUrls = new WeakMap<XMLHttpRequest, string>();
  const xhrPrototype = win.XMLHttpRequest?.prototype;
  replaceMethod(
    xhrPrototype,
    'open',
    (nativeOpen) =>
      function (this: XMLHttpRequest, _method: string, url: string | URL) {
        // A reused instance that was held last time gets its native readyState back.
        delete (this as any).readyState;
        xhrUrls.set(this, url as string);
        return nativeOpen.apply(this, arguments);
      },
  );
  replaceMethod(
    xhrPrototype,
    'send',
    (nativeSend) =>
      function (this: XMLHttpRequest) {
        if (!holds(xhrUrls.get(this) ?? '', 'xhr')) return nativeSend.apply(this, arguments);
        // The platform's network error: readyState 4, status 0 (already 0 while only opened), then
        // readystatechange, error, loadend, all after send() returned. Even a sync XHR does not throw here:
        // an exception would land in vendor code that never expected one.
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
        nativeSetTimeout(() => {
          this.dispatchEvent(new win.Event('readystatechange'));
          this.dispatchEvent(new win.ProgressEvent('error'));
          this.dispatchEvent(new win.ProgressEvent('loadend'));
        });
      },
  );

  // register() reports every failure through its promise, never by throwing.
  replaceMethod(
    win.ServiceWorkerContainer?.prototype,
    'register',
    (nativeRegister) =>
      function (this: ServiceWorkerContainer, url: string | URL) {
        return holds(url, 'worker') ? NativePromise.reject(refusal()) : nativeRegister.apply(this, arguments);
      },
  );

  // A held socket, event stream or worker throws a SecurityError from its constructor, as the platform does for a
  // URL it refuses (a CSP-blocked or mixed-content WebSocket, a cross-origin Worker): nothing connects.
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker'] as const) {
    const kind = name.toLowerCase().replace('shared', '') as BlockedKind;
    const NativeConstructor: any = win[name];
    if (!NativeConstructor) continue;
    // Same prototype object and the native constructor as its prototype, so instanceof, CONNECTING..CLOSED and
    // subclassing keep working. Without `new`, Reflect.construct throws the TypeError the native one would.
    const GuardedConstructor = {
      [name]: function (this: any, url: any) {
        if (holds(url, kind)) throw refusal();
        return Reflect.construct(NativeConstructor, arguments, new.target);
      },
    }[name];
    Object.setPrototypeOf(GuardedConstructor, NativeConstructor);
    GuardedConstructor.prototype = NativeConstructor.prototype;
    NativeConstructor.prototype.constructor = GuardedConstructor;
    (win as any)[name] = GuardedConstructor;
  }
}
