import type { BlockedItem, CategoryId, ConsentRecord, Consentry, ResolvedConfig } from './types';
import type { UIView } from '../ui/types';
import type { Consent } from './consent';
import type { Emitter } from './events';
import type { Sync } from './sync';
import { clearRecord, writeRecord } from './record';
import { sendReceipt } from './receipts';
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
  const { win, config, consent, events, blocker, ui } = d;

  const signal = () => {
    consentUpdate(win, config, consent.allowed);
    vendorHooks(win, consent.allowed);
  };

  // Scripts that ran cannot be stopped: delete their cookies, then reload unless the site handles it itself.
  // True when the page is reloading.
  const withdraw = (withdrawn: CategoryId[]) => {
    if (withdrawn.length) blocker.purge(withdrawn);
    if (withdrawn.length && config.reloadOnWithdraw) return win.location.reload(), true;
  };

  /** The one decision pipeline: API, UI and other tabs (`remote`: already stored and broadcast there). */
  const commit = (r: ConsentRecord, remote?: boolean) => {
    // Two tabs deciding at once: the later decision wins everywhere.
    if (remote && r.updated < (consent.get()?.updated || '')) return;
    const { granted, withdrawn } = consent.apply(r);
    if (!remote) {
      writeRecord(config, r);
      d.sync.post(r);
      sendReceipt(config, r, d.lang);
    }
    signal();
    events.emit('change', r);
    if (!withdraw(withdrawn) && granted.length) blocker.release();
    ui.hide();
  };

  d.sync.listen((r) => commit(r, true));

  return {
    get: consent.get,
    allowed: consent.allowed,
    acceptAll: () => commit(consent.decide(true, 'accept-all')),
    rejectAll: () => commit(consent.decide(false, 'reject-all')),
    set(choices, method) {
      if (!choices || typeof choices != 'object') throw new TypeError('consentry.set() takes { "<category>": boolean }');
      commit(consent.decide(choices, method == 'custom' ? method : 'api'));
    },
    on: events.on,
    whenAllowed(c, fn) {
      if (consent.allowed(c)) return fn();
      const off = events.on('change', () => {
        if (consent.allowed(c)) off(), fn();
      });
    },
    show: () => ui.show('banner'),
    showPreferences: () => ui.show('preferences'),
    hide: () => ui.hide(),
    reset() {
      clearRecord(config);
      const { withdrawn } = consent.apply(null);
      signal();
      if (!withdraw(withdrawn)) ui.show('banner');
    },
    blocked: () => d.items.slice(),
    session: d.session,
    config,
    version: VERSION,
  };
}
