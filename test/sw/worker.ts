/**
 * A service worker's surroundings as plain objects, for the unit tests of src/sw/: the global scope (clients, the
 * cookie store, the network), a fetch event that records what the worker answered, and storage in memory. Each
 * piece has only what src/sw/scope.ts says the worker uses, so the worker cannot lean on anything else.
 */
import type { Keep, Kept } from '../../src/sw/keep';
import type { ShieldFetchEvent, ShieldMessageEvent, ShieldScope } from '../../src/sw/scope';
import { createShield, type Shield } from '../../src/sw/shield';

export const ORIGIN = 'https://shop.example';

export interface WorkerOptions {
  /** The worker's own URL (the loader puts the config in its `consentry` parameter). */
  href?: string;
  /** The consent cookie's values as the jar holds them; `undefined`: no cookieStore (not Chromium). */
  cookies?: string[] | (() => Promise<string[]>);
  kept?: Kept;
  /** The network: what the worker's own `fetch` gets. */
  network?: (request: Request) => Promise<Response>;
  navigator?: object;
}

export interface FakeWorker {
  scope: ShieldScope;
  keep: Keep & { kept: Kept };
  shield: Shield;
  /** Messages posted to clients, with the client's id. */
  posted: { id: string; message: unknown }[];
  /** Requests the worker itself sent to the network. */
  fetched: Request[];
}

export function memoryKeep(initial: Kept = {}): Keep & { kept: Kept } {
  const keep = {
    kept: initial,
    load: async () => keep.kept,
    save: async (kept: Kept) => {
      keep.kept = kept;
    },
  };
  return keep;
}

export function fakeWorker(options: WorkerOptions = {}): FakeWorker {
  const posted: FakeWorker['posted'] = [];
  const fetched: Request[] = [];
  const { cookies } = options;
  const scope: ShieldScope = {
    location: new URL(options.href || `${ORIGIN}/consentry-sw.js`),
    navigator: options.navigator || {},
    clients: {
      get: async (id) => ({ type: 'window', postMessage: (message) => posted.push({ id, message }) }),
      claim: async () => {},
    },
    registration: { scope: `${ORIGIN}/` },
    ...(cookies && {
      cookieStore: {
        getAll: async (name) =>
          (typeof cookies == 'function' ? await cookies() : cookies).map((value) => ({ name, value })),
      },
    }),
    skipWaiting: async () => {},
    fetch: (request) => {
      fetched.push(request);
      return options.network ? options.network(request) : Promise.resolve(new Response('from the network'));
    },
    addEventListener() {},
  };
  const keep = memoryKeep(options.kept);
  return { scope, keep, shield: createShield(scope, keep), posted, fetched };
}

export interface RequestInit {
  mode?: RequestMode;
  destination?: RequestDestination;
  keepalive?: boolean;
  clientId?: string;
}

/** A fetch event and what the worker did with it: whether it answered, with what, and what it still waits for. */
export interface FakeFetchEvent {
  event: ShieldFetchEvent;
  /** undefined when the worker did not call respondWith (the browser handles the request itself). */
  answer(): Promise<Response> | undefined;
  /** Everything handed to waitUntil has settled (the report, say). */
  settled(): Promise<unknown>;
}

export function fetchEvent(url: string, init: RequestInit = {}): FakeFetchEvent {
  const mode = init.mode || 'no-cors';
  // Node's Request cannot be built in `navigate` mode or with a destination: a plain object stands in.
  const request = {
    url,
    mode,
    method: 'GET',
    destination: init.destination ?? (mode == 'navigate' ? 'document' : ''),
    keepalive: !!init.keepalive,
  } as Request;
  let answer: Promise<Response> | undefined;
  const waits: Promise<unknown>[] = [];
  const event: ShieldFetchEvent = {
    request,
    clientId: mode == 'navigate' ? '' : init.clientId || 'page-1',
    resultingClientId: mode == 'navigate' ? 'new-page' : '',
    respondWith(response) {
      if (answer) throw new Error('InvalidStateError: respondWith was called already');
      answer = Promise.resolve(response);
    },
    waitUntil: (promise) => void waits.push(promise),
  };
  return { event, answer: () => answer, settled: () => Promise.all(waits) };
}

/** A page's message to the worker, and the answers on its port. */
export function messageEvent(data: unknown): {
  event: ShieldMessageEvent;
  answers: unknown[];
  settled(): Promise<unknown>;
} {
  const answers: unknown[] = [];
  const waits: Promise<unknown>[] = [];
  return {
    event: { data, ports: [{ postMessage: (m) => answers.push(m) }], waitUntil: (p) => void waits.push(p) },
    answers,
    settled: () => Promise.all(waits),
  };
}
