import { NO_ARGUMENTS } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';
import { callNative, replaceConstructor, replaceMethod } from './natives';

/**
 * Network calls made by page code: beacons, fetch, XHR, sockets, server-sent events, workers.
 * Each guard reads the URL exactly once, the way the native converts it (a Request's own URL through the native
 * getter, anything else to its string, exceptions and all), asks the gate with that text and hands the native that
 * same string, so an object that answers differently the second time cannot swap the URL after the check. A string
 * goes straight through: the matcher short-circuits relative URLs, so a first-party call costs one function call and
 * no parsing. A held call fails the way the platform fails a refused request, so vendor code takes its own error
 * path instead of throwing. Natives are called through `callNative`, never through `Function.prototype`.
 */
export function guardNetwork(win: Realm, gate: Gate): void {
  const {
    Promise: NativePromise,
    setTimeout: nativeSetTimeout,
    DOMException: NativeDOMException,
    EventTarget: NativeEventTarget,
    Event: NativeEvent,
    URL: NativeURL,
  } = win;
  const nativeRequestUrl = win.Request && Object.getOwnPropertyDescriptor(win.Request.prototype, 'url')?.get;
  const TrustedUrl = (win as any).TrustedScriptURL;

  /**
   * The text of argument `i` that the native will use, read once. A Request (of any realm: the native getter checks
   * the brand, a subclass's `url` getter is never read) keeps its own URL; a TrustedScriptURL is immutable and must
   * reach a worker as itself; anything else is converted here (ToString, as the platform's USVString: a Symbol or a
   * throwing toString throws to the caller) and replaced by that string.
   */
  const urlText = (args: IArguments, i: number): string => {
    const url = args[i];
    // only an object can be a Request: a string URL (nearly every call) throws no TypeError to be caught
    if (nativeRequestUrl && !i && url && typeof url == 'object')
      try {
        return callNative(nativeRequestUrl, url, NO_ARGUMENTS);
      } catch {
        /* not a Request */
      }
    return TrustedUrl && url instanceof TrustedUrl ? `${url}` : (args[i] = `${url}`);
  };
  // Fail closed: a gate or matcher that throws holds the call.
  const holds = (text: string, kind: BlockedKind): unknown => {
    try {
      return gate.hold(text, kind);
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
      function (this: Navigator) {
        return !holds(urlText(arguments, 0), 'beacon') && callNative(nativeSendBeacon, this, arguments);
      },
  );

  // Called on win: a bare `fetch()` from strict code has no `this`, and win is always a valid receiver. A URL that
  // cannot be converted rejects, as a promise-returning native does.
  replaceMethod(
    win,
    'fetch',
    (nativeFetch) =>
      function () {
        try {
          return holds(urlText(arguments, 0), 'fetch')
            ? NativePromise.reject(new win.TypeError('Failed to fetch'))
            : callNative(nativeFetch, win, arguments);
        } catch (error) {
          return NativePromise.reject(error);
        }
      },
  );
  // A deferred beacon that never activates: `activated` stays false, as for one the page discarded.
  replaceMethod(
    win,
    'fetchLater',
    (nativeFetchLater) =>
      function () {
        return holds(urlText(arguments, 0), 'fetch')
          ? { activated: false }
          : callNative(nativeFetchLater, win, arguments);
      },
  );

  const xhrUrls = new WeakMap<XMLHttpRequest, string>();
  const xhrPrototype = win.XMLHttpRequest?.prototype;
  replaceMethod(
    xhrPrototype,
    'open',
    (nativeOpen) =>
      function (this: XMLHttpRequest, method: string) {
        // Converted in the native's order, method first; too few arguments: the native's TypeError, nothing read.
        if (arguments.length < 2) return callNative(nativeOpen, this, arguments);
        arguments[0] = `${method}`;
        const url = urlText(arguments, 1);
        // A reused instance that was held last time gets its native readyState back.
        delete (this as any).readyState;
        callNative(nativeOpen, this, arguments);
        xhrUrls.set(this, url);
      },
  );
  replaceMethod(
    xhrPrototype,
    'send',
    (nativeSend) =>
      function (this: XMLHttpRequest) {
        if (!holds(xhrUrls.get(this) ?? '', 'xhr')) return callNative(nativeSend, this, arguments);
        // The platform's network error: readyState 4, status 0 (already 0 while only opened), then
        // readystatechange, error, loadend, all after send() returned. Even a sync XHR does not throw here:
        // an exception would land in vendor code that never expected one.
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
        nativeSetTimeout(() => {
          this.dispatchEvent(new NativeEvent('readystatechange'));
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
      function (this: ServiceWorkerContainer) {
        try {
          return holds(urlText(arguments, 0), 'worker')
            ? NativePromise.reject(refusal())
            : callNative(nativeRegister, this, arguments);
        } catch (error) {
          return NativePromise.reject(error);
        }
      },
  );

  /**
   * A socket or event stream whose connection failed, as when nothing listens at the other end: the constructor
   * returns it, `readyState` is CONNECTING, and a task later it becomes `closed` and fires `events` (handler
   * properties included). An EventTarget of the native's prototype, so instanceof and the constants still hold; the
   * native's brand-checked accessors would throw on it, so it answers with own properties.
   */
  const refusedConnection = (
    target: any,
    closed: number,
    fields: object,
    types: string[],
    events: () => Event[],
  ): object => {
    let state = 0;
    for (const type of types)
      target.addEventListener(type, (event: Event) => {
        const handler = target['on' + type];
        if (typeof handler == 'function') callNative(handler, target, [event]);
      });
    // own data properties: the prototype's accessors would throw on this object, and their setters too
    const own: any = {
      ...fields,
      // an event stream's close() is final and silent; a socket's close() while connecting still fails it
      close() {
        if (state < 2) state = 2;
      },
    };
    for (const type of types) own['on' + type] = null;
    for (const key in own) Object.defineProperty(target, key, { value: own[key], writable: true });
    Object.defineProperty(target, 'readyState', { get: () => state });
    nativeSetTimeout(() => {
      if (state < closed) {
        state = closed;
        for (const event of events()) target.dispatchEvent(event);
      }
    });
    return target;
  };

  // A held socket or event stream fails as a refused connection does (above). A held worker throws a SecurityError
  // from its constructor, as the platform does for a worker script it refuses (a cross-origin URL): nothing loads.
  for (const name of ['WebSocket', 'EventSource', 'Worker', 'SharedWorker'] as const) {
    const kind = name.toLowerCase().replace('shared', '') as BlockedKind;
    const NativeConstructor: any = win[name];
    if (!NativeConstructor) continue;
    const GuardedConstructor = {
      [name]: function (this: any) {
        // Without `new`: the native's own TypeError, before anything is read.
        if (!new.target) return callNative(NativeConstructor, this, arguments);
        const text = urlText(arguments, 0);
        if (!holds(text, kind)) return Reflect.construct(NativeConstructor, arguments, new.target);
        if (kind == 'worker') throw refusal();
        const target = Reflect.construct(NativeEventTarget, [], new.target);
        const url = new NativeURL(text, win.document.baseURI);
        if (name == 'EventSource')
          return refusedConnection(
            target,
            2,
            { url: url.href, withCredentials: !!arguments[1]?.withCredentials },
            ['open', 'message', 'error'],
            () => [new NativeEvent('error')],
          );
        url.protocol = url.protocol.replace('http', 'ws');
        return refusedConnection(
          target,
          3,
          {
            url: url.href,
            protocol: '',
            extensions: '',
            bufferedAmount: 0,
            binaryType: 'blob',
            send() {
              if (!target.readyState)
                throw new NativeDOMException(
                  "Failed to execute 'send' on 'WebSocket': Still in CONNECTING state.",
                  'InvalidStateError',
                );
            },
          },
          ['open', 'message', 'error', 'close'],
          () => [new NativeEvent('error'), new win.CloseEvent('close', { code: 1006 })],
        );
      },
    }[name];
    replaceConstructor(win, name, GuardedConstructor);
  }
}
