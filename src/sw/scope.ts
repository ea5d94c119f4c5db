/**
 * The few service-worker APIs the shield uses, typed by their shape. The repository is type-checked as one program
 * with the DOM library, which cannot be mixed with the "webworker" one; these shapes are what src/sw/ relies on,
 * and what the unit tests (test/sw/) hand it in place of a real worker.
 */

/** `FetchEvent`: one request of a controlled page, of one of its workers or frames, or a navigation. */
export interface ShieldFetchEvent {
  readonly request: Request;
  /** The client that made the request ('' for a navigation). */
  readonly clientId: string;
  /** The client a navigation will create. */
  readonly resultingClientId?: string;
  respondWith(response: Response | Promise<Response>): void;
  waitUntil(promise: Promise<unknown>): void;
}

/** `ExtendableMessageEvent`. */
export interface ShieldMessageEvent {
  readonly data: unknown;
  readonly ports: readonly { postMessage(message: unknown): void }[];
  waitUntil(promise: Promise<unknown>): void;
}

/** `ExtendableEvent` (install, activate). */
export interface ShieldLifeEvent {
  waitUntil(promise: Promise<unknown>): void;
}

export interface ShieldClient {
  readonly type?: string;
  postMessage(message: unknown): void;
}

/** `CookieStore`, where a worker has it (Chromium): values as the cookie jar holds them. */
export interface ShieldCookieStore {
  getAll(name: string): Promise<{ name: string; value: string }[]>;
}

/** `ServiceWorkerGlobalScope`. */
export interface ShieldScope {
  readonly location: { readonly href: string; readonly origin: string };
  readonly navigator: object;
  readonly clients: { get(id: string): Promise<ShieldClient | undefined>; claim(): Promise<void> };
  readonly registration: {
    readonly scope: string;
    /** Cookie change subscriptions (Chromium), which fire `cookiechange` on the worker. */
    readonly cookies?: { subscribe(subscriptions: { name: string; url: string }[]): Promise<void> };
  };
  readonly cookieStore?: ShieldCookieStore;
  readonly indexedDB?: IDBFactory;
  skipWaiting(): Promise<void>;
  fetch(request: Request): Promise<Response>;
  addEventListener(type: 'fetch', listener: (event: ShieldFetchEvent) => void): void;
  addEventListener(type: 'message', listener: (event: ShieldMessageEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: ShieldLifeEvent) => void): void;
  addEventListener(type: 'cookiechange', listener: () => void): void;
}
