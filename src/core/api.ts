import type { Consent } from './consent';
import type { Emitter } from './events';
import { clearRecord, recordFields, writeRecord } from './record';
import type { Sync } from './sync';
import type { BlockedItem, CategoryId, ConsentRecord, Consentry, ResolvedConfig } from './types';
import type { UIView } from './ui-contract';

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
  /** Tells the vendors' own consent switches (Consent Mode, vendor hooks) after every change. */
  signal(): void;
  /** What the blocker reported, in order. */
  items: BlockedItem[];
  lang: string;
}

export function createApi(deps: ApiDeps): Consentry {
  const { win, config, consent, events, blocker, ui, signal } = deps;
  const allowed = consent.allowed;

  // Scripts that ran cannot be stopped: delete their cookies, then reload unless the site handles it itself.
  // True when the page is reloading.
  const withdraw = (withdrawn: CategoryId[]): boolean => {
    if (!withdrawn.length) return false;
    blocker.purge(withdrawn);
    if (!config.reloadOnWithdraw) return false;
    win.location.reload();
    return true;
  };

  /** Proof of consent, sent once. A string body goes as text/plain: a JSON type would need a CORS preflight. */
  const sendReceipt = (record: ConsentRecord) => {
    const endpoint = config.receipts?.endpoint;
    if (endpoint)
      try {
        navigator.sendBeacon(
          endpoint,
          JSON.stringify({ ...recordFields(record), url: location.href, language: deps.lang }),
        );
      } catch {}
  };

  /** The one decision pipeline: API, UI and other tabs (`fromOtherTab`: already stored and broadcast there). */
  const commit = (record: ConsentRecord, fromOtherTab?: boolean) => {
    // Two tabs deciding at once: the later decision wins everywhere.
    const current = consent.get();
    if (fromOtherTab && current && record.updated < current.updated) return;
    const { granted, withdrawn } = consent.apply(record);
    if (!fromOtherTab) {
      writeRecord(config, record);
      deps.sync.post(record);
      sendReceipt(record);
    }
    signal();
    events.emit('change', record);
    if (!withdraw(withdrawn) && granted.length) blocker.release();
    ui.hide();
  };

  deps.sync.listen((record) => commit(record, true));

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
    whenAllowed(category, fn) {
      if (allowed(category)) return fn();
      const unsubscribe = events.on('change', () => {
        if (allowed(category)) {
          unsubscribe();
          fn();
        }
      });
    },
    show: () => ui.show('banner'),
    showPreferences: () => ui.show('preferences'),
    hide: () => ui.hide(),
    reset() {
      clearRecord(config);
      const { withdrawn } = consent.apply(null);
      signal();
      events.emit('change', null);
      if (!withdraw(withdrawn)) ui.show('banner');
    },
    blocked: () => deps.items.slice(),
    session: deps.session,
    config,
    version: VERSION,
  };
}
