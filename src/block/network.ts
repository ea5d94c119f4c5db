import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';

type Win = Window & typeof globalThis;
type Fn = (this: any, ...a: any[]) => any;

/**
 * Network calls made by page code: beacons, fetch, XHR, sockets, server-sent events, workers.
 * Each guard asks the gate with the URL exactly as given (a string goes straight through: the matcher
 * short-circuits relative URLs, so a first-party call costs one function call and no parsing), and a held call
 * fails the way the platform fails a refused request, so vendor code takes its own error path instead of throwing.
 */
export function guardNetwork(win: Win, gate: Gate): void {
  // Fail closed: whatever throws while reading the URL (a hostile toString) holds the call.
  const held = (u: any, kind: BlockedKind): unknown => {
    try {
      // A Request (from any realm: instanceof would miss a child frame's) is the one object whose URL is not its string.
      return gate.hold(typeof u == 'string' ? u : typeof u?.url == 'string' ? u.url : String(u), kind);
    } catch {
      return 1;
    }
  };
  // Failures are announced after the call returned, as the platform does.
  const fire = (t: EventTarget, types: string[], E: new (type: string, init?: object) => Event = win.Event, init?: object) =>
    win.setTimeout(() => types.forEach((type) => t.dispatchEvent(new E(type, init))));
  // The name is set here because minifiers drop function-expression names; length comes from the wrapper's
  // parameter list, written to match the native one.
  const patch = (o: any, k: string, wrap: (native: Fn) => Fn) => {
    if (o?.[k]) o[k] = Object.defineProperty(wrap(o[k]), 'name', { value: k });
  };
  const refuse = () => new win.DOMException('Blocked until consent', 'SecurityError');

  patch(win.Navigator?.prototype, 'sendBeacon', (n) =>
    function (this: Navigator, u: string) {
      // false is what a refused (e.g. over-quota) beacon returns, so callers fall back quietly.
      return !held(u, 'beacon') && n.apply(this, arguments as any);
    },
  );

  patch(win, 'fetch', (n) =>
    function (u: RequestInfo | URL) {
      // Called on win: a bare `fetch()` from strict code has no `this`, and win is always a valid receiver.
      return held(u, 'fetch') ? win.Promise.reject(new win.TypeError('Failed to fetch')) : n.apply(win, arguments as any);
    },
  );

  // A deferred beacon that never activates: `activated` stays false, as for one the page discarded.
  patch(win, 'fetchLater', (n) =>
    function (u: RequestInfo | URL) {
      return held(u, 'fetch') ? { activated: false } : n.apply(win, arguments as any);
    },
  );

  const X = win.XMLHttpRequest?.prototype;
  if (X) {
    const urls = new WeakMap<XMLHttpRequest, string>();
    patch(X, 'open', (n) =>
      function (this: XMLHttpRequest, _m: string, u: string | URL) {
        // A reused instance that was held last time gets its native readyState back.
        delete (this as any).readyState;
        urls.set(this, u as string);
        return n.apply(this, arguments as any);
      },
    );
    patch(X, 'send', (n) =>
      function (this: XMLHttpRequest) {
        if (!held(urls.get(this) ?? '', 'xhr')) return n.apply(this, arguments as any);
        // The platform's network error: readyState 4, status 0 (already 0 while only opened), then
        // readystatechange, error, loadend, all after send() returned. Even a sync XHR does not throw here:
        // an exception would land in vendor code that never expected one.
        Object.defineProperty(this, 'readyState', { value: 4, configurable: true });
        fire(this, ['readystatechange'], win.Event);
        fire(this, ['error', 'loadend'], win.ProgressEvent);
      },
    );
  }

  // A held socket is a plain EventTarget dressed as a closed socket: `instanceof` holds, nothing connects,
  // and it fails like a refused connection (error, then close, asynchronously). Throwing from the constructor
  // would instead abort whatever script (possibly a first-party bundle) created it.
  const sham = (C: any, u: any, proto: object) => {
    const s = new win.EventTarget() as any, h: Record<string, Fn | null> = {}, on: PropertyDescriptorMap = {};
    // What callers touch before they learn the socket failed (binaryType is often set right away); anything else
    // would reach the native getters and throw. Defined, not assigned: assigning would hit those getter-only
    // accessors and throw too.
    const own: Record<string, unknown> = { url: String(u), readyState: C.CLOSED, binaryType: 'blob', send() {}, close() {} };
    for (const k in own) on[k] = { value: own[k], writable: true };
    // Handlers as accessors, called from a listener: a plain EventTarget never calls on* properties itself,
    // and an own property would be called a second time by test DOMs that do.
    ['open', 'message', 'error', 'close'].forEach((t) => {
      on['on' + t] = { get: () => h[t] ?? null, set: (f) => (h[t] = f) };
      s.addEventListener(t, (e: Event) => h[t]?.call(s, e));
    });
    Object.setPrototypeOf(s, Object.create(proto, on));
    fire(s, ['error']);
    // 1006, as for a refused connection. EventSource has no close event; dispatching one there is harmless.
    fire(s, ['close'], win.CloseEvent, { code: 1006 });
    return s;
  };
  const wrapCtor = (name: string, kind: BlockedKind, onHeld: (C: any, u: any, proto: object) => object) =>
    patch(win, name, (C) => {
      // Same prototype object and the native constructor as its prototype, so instanceof, CONNECTING..CLOSED and
      // subclassing keep working.
      const W = function (this: any, u: any) {
        // Without `new`, Reflect.construct throws the TypeError the native constructor would.
        return held(u, kind) ? onHeld(C, u, (new.target ?? C).prototype) : Reflect.construct(C, arguments, new.target);
      };
      Object.setPrototypeOf(W, C);
      W.prototype = C.prototype;
      C.prototype.constructor = W;
      return W;
    });
  wrapCtor('WebSocket', 'websocket', sham);
  wrapCtor('EventSource', 'eventsource', sham);
  const deny = () => {
    throw refuse();
  };
  wrapCtor('Worker', 'worker', deny);
  wrapCtor('SharedWorker', 'worker', deny);

  patch(win.ServiceWorkerContainer?.prototype, 'register', (n) =>
    function (this: ServiceWorkerContainer, u: string | URL) {
      // register() reports every failure through its promise, never by throwing.
      return held(u, 'worker') ? win.Promise.reject(refuse()) : n.apply(this, arguments as any);
    },
  );
}
