import type { BlockedItem, CategoryId, ConsentRecord, Consentry, ResolvedConfig } from './types';
import type { UIView } from '../ui/types';
import type { Consent } from './consent';
import type { Emitter } from './events';
import type { Sync } from './sync';
import { clearRecord, pick, writeRecord } from './record';
import { consentUpdate } from '../signals/consent-mode';
import { vendorHooks } from '../signals/vendors';

/** Kept equal to package.json's version (a test checks it). */
export const VERSION = '0.1.0';

export interface ApiDeps {
  win: Window;
  config: ResolvedConfig;
  consent: Consent;
  events: Emitter;
  blocker: { release(): void; purge(categories: CategoryId[]): void };
  ui: { show(view: UIView): void; hide(): void };
  session: Consentry['session'];
  sync: Sync;
  /** What the blocker reported, in order. */
  items: BlockedItem[];
  lang: string;
}

export function createApi(d: ApiDeps): Consentry {
  const { win, config, consent, events, blocker, ui } = d,
    allowed = consent.allowed;

  const signal = () => {
    consentUpdate(win, config, allowed);
    vendorHooks(win, allowed);
  };

  // Scripts that ran cannot be stopped: delete their cookies, then reload unless the site handles it itself.
  // Truthy when the page is reloading.
  const withdraw = (w: CategoryId[]) =>
    w.length && (blocker.purge(w), config.reloadOnWithdraw && (win.location.reload(), 1));

  /** The one decision pipeline: API, UI and other tabs (`remote`: already stored and broadcast there). */
  const commit = (r: ConsentRecord, remote?: boolean) => {
    // Two tabs deciding at once: the later decision wins everywhere.
    if (remote && r.updated < consent.get()?.updated!) return;
    const { granted, withdrawn } = consent.apply(r),
      url = config.receipts?.endpoint;
    if (!remote) {
      writeRecord(config, r);
      d.sync.post(r);
      // Proof of consent, sent once. A string body goes as text/plain: a JSON type would need a CORS preflight.
      if (url)
        try {
          navigator.sendBeacon(url, JSON.stringify({ ...pick(r), url: location.href, language: d.lang }));
        } catch {}
    }
    signal();
    events.emit('change', r);
    if (!withdraw(withdrawn) && granted.length) blocker.release();
    ui.hide();
  };

  d.sync.listen((r) => commit(r, true));

  return {
    get: consent.get,
    allowed,
    acceptAll: () => commit(consent.decide(true, 'accept-all')),
    rejectAll: () => commit(consent.decide(false, 'reject-all')),
    set(choices, method) {
      if (!choices || typeof choices != 'object') throw TypeError('consentry.set() takes an object');
      commit(consent.decide(choices, method == 'custom' ? method : 'api'));
    },
    on: events.on,
    whenAllowed(c, fn) {
      if (allowed(c)) return fn();
      const off = events.on('change', () => allowed(c) && (off(), fn()));
    },
    show: () => ui.show('banner'),
    showPreferences: () => ui.show('preferences'),
    hide: () => ui.hide(),
    reset() {
      clearRecord(config);
      const { withdrawn } = consent.apply(null);
      signal();
      events.emit('change', null);
      withdraw(withdrawn) || ui.show('banner');
    },
    blocked: () => d.items.slice(),
    session: d.session,
    config,
    version: VERSION,
  };
}
