import { matchText, splitText } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';
import { callNative, type NativeFunction, replaceConstructor, replaceMethod } from './natives';

/**
 * Platform APIs that fetch outside fetch/XHR: worklet modules (audio, paint), FontFace sources, Cache.add/addAll,
 * WebTransport sessions and RTCPeerConnection ICE servers. Each held call fails the way the platform fails a
 * refused request, and stays refused after consent, as a request the network refused would: page code that wants
 * it after consent calls again.
 *
 * Not held (outside the page's reach): a worklet module's own `import`s and fetches, `@font-face` in style sheets.
 * The shield (the service worker) refuses those at the network.
 */
export function guardPlatform(win: Realm, gate: Gate): void {
  const { Promise: NativePromise, DOMException: NativeDOMException, TypeError: NativeTypeError } = win;
  /** True when `url` (a string, a URL, a Request) must be held; fail closed on anything that throws. */
  const holds = (url: any, kind: BlockedKind): unknown => {
    try {
      return gate.hold(typeof url?.url == 'string' ? url.url : '' + url, kind);
    } catch {
      return 1;
    }
  };
  /** A URL list read loosely: every run between whitespace, quotes, brackets, commas and `;`, a superset of the URLs. */
  const holdsAny = (text: string, kind: BlockedKind) =>
    splitText(text, /[\s()'",;]+/).some((token) => token && holds(token, kind));

  // addModule rejects with an AbortError when the module's fetch fails.
  replaceMethod(
    win.Worklet?.prototype,
    'addModule',
    (nativeAddModule) =>
      function (this: Worklet, url: string | URL) {
        return holds(url, 'worklet')
          ? NativePromise.reject(new NativeDOMException('Blocked until consent', 'AbortError'))
          : callNative(nativeAddModule, this, arguments);
      },
  );

  // Cache.add/addAll reject with a TypeError on a network error, and addAll then stores nothing. The list is read
  // once and handed on as read; one that cannot be read goes to the native, which rejects it.
  const cachePrototype = win.Cache?.prototype;
  replaceMethod(
    cachePrototype,
    'add',
    (nativeAdd) =>
      function (this: Cache, request: RequestInfo | URL) {
        return holds(request, 'cache')
          ? NativePromise.reject(new NativeTypeError('Failed to fetch'))
          : callNative(nativeAdd, this, arguments);
      },
  );
  replaceMethod(
    cachePrototype,
    'addAll',
    (nativeAddAll) =>
      function (this: Cache, requests: Iterable<RequestInfo | URL>) {
        let list: (RequestInfo | URL)[];
        try {
          list = [...requests];
        } catch {
          return callNative(nativeAddAll, this, arguments);
        }
        return list.some((request) => holds(request, 'cache'))
          ? NativePromise.reject(new NativeTypeError('Failed to fetch'))
          : callNative(nativeAddAll, this, [list]);
      },
  );

  /** Replaces constructor `name`, where the browser has it, with `guard(native)` (see replaceConstructor). */
  const guardConstructor = (name: string, guard: (native: any) => NativeFunction) => {
    const NativeConstructor = (win as any)[name];
    if (NativeConstructor) replaceConstructor(win, name, guard(NativeConstructor));
  };

  // A FontFace whose source names a tracker URL is made with an empty source instead: a face that never loads, its
  // status "error" and `loaded` rejected, as for a source the platform cannot use. Binary sources fetch nothing.
  guardConstructor(
    'FontFace',
    (NativeFontFace) =>
      function (this: any, _family: string, source: unknown) {
        const args = [...arguments];
        if (typeof source == 'string' && holdsAny(source, 'font')) args[1] = '';
        return Reflect.construct(NativeFontFace, args, new.target);
      },
  );

  // A WebTransport session to a tracker throws a SecurityError from its constructor, as the socket guard does.
  guardConstructor(
    'WebTransport',
    (NativeWebTransport) =>
      function (this: any, url: string) {
        if (holds(url, 'webtransport')) throw new NativeDOMException('Blocked until consent', 'SecurityError');
        return Reflect.construct(NativeWebTransport, arguments, new.target);
      },
  );

  // RTCPeerConnection: an ICE server on a tracker host (`stun:host:port`, `turn:host?transport=udp`) is left out of
  // the configuration, as an unreachable server is: the connection goes on with the others (or host candidates).
  // `iceServers` and each server's `urls` are read once and handed to the native as read.
  const withoutHeldServers = (config: any) => {
    const servers = config?.iceServers;
    if (!servers) return config;
    const kept: unknown[] = [];
    for (const server of servers) {
      const urls = server?.urls;
      const list: string[] = typeof urls == 'string' ? [urls] : [...(urls || [])];
      if (!list.some((url) => holds('https://' + matchText(/^(?:[a-z]+:(?:\/\/)?)?(.*)/is, String(url))![1], 'rtc')))
        kept.push(Object.create(server, { urls: { value: urls } }));
    }
    return Object.create(config, { iceServers: { value: kept } });
  };
  guardConstructor(
    'RTCPeerConnection',
    (NativeRTCPeerConnection) =>
      function (this: any) {
        const args = [...arguments];
        if (args.length) args[0] = withoutHeldServers(args[0]);
        return Reflect.construct(NativeRTCPeerConnection, args, new.target);
      },
  );
  // the prefixed alias Chromium still has is the same constructor
  if ((win as any).webkitRTCPeerConnection) (win as any).webkitRTCPeerConnection = win.RTCPeerConnection;
  replaceMethod(
    win.RTCPeerConnection?.prototype,
    'setConfiguration',
    (nativeSetConfiguration) =>
      function (this: RTCPeerConnection, config: RTCConfiguration) {
        return callNative(nativeSetConfiguration, this, [withoutHeldServers(config)]);
      },
  );
}
