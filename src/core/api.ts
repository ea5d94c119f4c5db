import type { Consent } from './consent';
import type { Emitter } from './events';
import { clearRecord, writeRecord } from './record';
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
  blocker: { release(): void };
  /** Deletes the cookies of withdrawn categories; settles once done (the later chunk does it). */
  purge(categories: CategoryId[]): Promise<unknown>;
  /** Sends a decision to the configured receipts endpoint (only called when there is one). */
  receipt(record: ConsentRecord): void;
  ui: { show(view: UIView): void; hide(): void };
  session: Consentry['session'];
  sync: Sync;
  /** Tells the vendors' own consent switches (Consent Mode, vendor hooks) after every change. */
  signal(): void;
  /**
   * Tells the shield (the opt-in service worker) a decision at once; re-activation waits until it settles, so the
   * worker never refuses what this page re-activates. Absent without a shield.
   */
  tell?(record: ConsentRecord | null): Promise<unknown> | undefined;
  /** What the blocker reported, in order. */
  items: BlockedItem[];
  lang: string;
}

export function createApi(deps: ApiDeps): Consentry {
  const { win, config, consent, events, blocker, ui, signal } = deps;
  const allowed = consent.allowed;

  // Scripts that ran cannot be stopped: delete their cookies, then reload unless the site handles it itself. The
  // reload waits for the purge (or its failure: the next page view starts blocked all the same). True when the page
  // is about to reload.
  const withdraw = (withdrawn: CategoryId[]): boolean => {
    if (!withdrawn.length) return false;
    const purged = deps.purge(withdrawn);
    if (!config.reloadOnWithdraw) return false;
    const reload = () => win.location.reload();
    purged.then(reload, reload);
    return true;
  };

  /** The one decision pipeline: API, UI and other tabs (`fromOtherTab`: already stored and broadcast there). */
  const commit = (record: ConsentRecord, fromOtherTab?: boolean) => {
    // Two tabs deciding at once: the later decision wins everywhere.
    const current = consent.get();
    if (fromOtherTab && current && record.updated < current.updated) return;
    const { granted, withdrawn } = consent.apply(record);
    const told = deps.tell?.(record);
    if (!fromOtherTab) {
      writeRecord(config, record);
      deps.sync.post(record);
      if (config.receipts) deps.receipt(record);
    }
    signal();
    events.emit('change', record);
    if (!withdraw(withdrawn) && granted.length) told ? told.then(blocker.release) : blocker.release();
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
      deps.tell?.(null);
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
