import { createApi } from '../../src/core/api';
import { resolveConfig } from '../../src/core/config';
import { createConsent } from '../../src/core/consent';
import { createEmitter } from '../../src/core/events';
import { readRecord } from '../../src/core/record';
import { createSession } from '../../src/core/session';
import type { Sync } from '../../src/core/sync';
import type { BlockedItem, ConsentRecord } from '../../src/core/types';
import { consentUpdate } from '../../src/signals/consent-mode';
import { vendorHooks } from '../../src/signals/vendors';

/**
 * A real API over the real record, consent, events and signals (wired as src/loader/start.ts wires them), with fakes
 * for the blocker, the UI and the tabs channel.
 */
export function makeApi(input: unknown = {}, { gpc = false } = {}) {
  const config = resolveConfig(input);
  const consent = createConsent(config, readRecord(config), gpc);
  const events = createEmitter(window);
  const blocker = { release: vi.fn() };
  const purge = vi.fn(async (_categories: string[]) => {});
  const receipt = vi.fn();
  const ui = { show: vi.fn(), hide: vi.fn() };
  const posted: ConsentRecord[] = [];
  let receive: (r: ConsentRecord) => void = () => {};
  const sync: Sync = { post: (r) => void posted.push(r), listen: (fn) => void (receive = fn) };
  const items: BlockedItem[] = [];
  const reload = vi.fn();
  const win = new Proxy(window, { get: (w, k) => (k == 'location' ? { reload } : (w as any)[k]) }) as Window;
  const api = createApi({
    win,
    config,
    consent,
    events,
    blocker,
    purge,
    receipt,
    ui,
    session: createSession(config),
    sync,
    signal() {
      consentUpdate(window, config, consent.allowed);
      vendorHooks(window, consent.allowed);
    },
    items,
    lang: 'en',
  });
  return {
    api,
    config,
    events,
    blocker,
    purge,
    receipt,
    ui,
    posted,
    receive: (r: ConsentRecord) => receive(r),
    items,
    reload,
  };
}

export function clearCookies() {
  for (const c of document.cookie.split('; '))
    if (c) document.cookie = c.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
}

/** Spies on `document.cookie` writes (they still reach the jar) and returns the list they are pushed to. */
export function captureCookieWrites(): string[] {
  const writes: string[] = [];
  let prototype: object | null = document;
  let descriptor: PropertyDescriptor | undefined;
  while (prototype && !(descriptor = Object.getOwnPropertyDescriptor(prototype, 'cookie')))
    prototype = Object.getPrototypeOf(prototype);
  const nativeSetter = descriptor!.set!;
  vi.spyOn(document, 'cookie', 'set').mockImplementation(function (this: Document, value: string) {
    writes.push(value);
    nativeSetter.call(this, value);
  });
  return writes;
}
