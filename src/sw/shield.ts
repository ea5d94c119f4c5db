import type { Match } from '../catalogue/matcher';
import { toRecord } from '../core/record';
import { SHIELD_ACK, SHIELD_CONSENT, type ShieldConsentMessage } from '../core/shield-contract';
import type { CategoryId } from '../core/types';
import { allowing, cookieSays, NOTHING_SAID, newer, onlyNecessary, type Said, saidBy } from './consent';
import { fail } from './fail';
import { judgeRequest, refusal } from './judge';
import type { Keep } from './keep';
import { judgeNavigation, type Navigating } from './navigation';
import type { ShieldFetchEvent, ShieldMessageEvent, ShieldScope } from './scope';
import { configInUrl, type ShieldSite, shieldSite } from './site-config';

/**
 * The running worker: the config in effect, the consent in memory, and the events that change them.
 *
 * Memory is what lets most requests go untouched: the fetch handler must decide synchronously whether to answer at
 * all. It holds the config (from the worker's URL at once, else read back from storage) and the newest of what
 * the pages said and what the consent cookie said. Until storage has been read, nothing is allowed from memory,
 * and a tracker request waits for the read (`live`).
 */
export interface Shield extends Navigating {
  /** Settles once the kept state has been read (or could not be). */
  readonly ready: Promise<void>;
  fetch(event: ShieldFetchEvent): void;
  message(event: ShieldMessageEvent): void;
  /** Reads the consent cookie again (its `cookiechange`). */
  refresh(): Promise<void>;
}

export function createShield(scope: ShieldScope, keep: Keep): Shield {
  const fromUrl = configInUrl(scope.location.href);
  let site: ShieldSite = shieldSite(fromUrl);
  /** The latest page message (or the kept one), and the cookie's latest reading. */
  let heard: Said = NOTHING_SAID;
  let fromCookie: Said = NOTHING_SAID;
  let known = false;
  let allowed: (category: CategoryId) => boolean = onlyNecessary;
  const update = () => {
    allowed = allowing(site.config, newer(heard, fromCookie), scope.navigator);
  };

  const readCookie = async () => {
    try {
      if (scope.cookieStore) fromCookie = await cookieSays(scope.cookieStore, site.config);
      update();
    } catch (error) {
      // Unreadable: nothing is allowed from memory either, until a page or the cookie says otherwise.
      allowed = onlyNecessary;
      throw error;
    }
  };

  const ready = keep
    .load()
    .then(
      (kept) => {
        // The worker's URL is the config of this very worker; the kept one serves a worker imported without it.
        // A page that spoke while storage was being read spoke last.
        if (heard.at) return;
        if (fromUrl === undefined && kept.config !== undefined) site = shieldSite(kept.config);
        heard = { record: toRecord(kept.record, site.config), at: kept.at || 0 };
      },
      (error) => fail('the kept consent could not be read; only what pages say from now on counts.', error),
    )
    .then(readCookie)
    .catch((error) => fail('the consent cookie could not be read.', error))
    .then(() => {
      known = true;
    });

  const shield: Shield = {
    scope,
    ready,
    site: () => site,
    matcher: () => site.matcher(scope.registration.scope),
    allowedNow: (category) => known && allowed(category),
    async live() {
      await ready;
      try {
        await readCookie();
        return allowed;
      } catch (error) {
        fail('the consent cookie could not be read; tracker requests are refused until it can be.', error);
        return onlyNecessary;
      }
    },
    fetch(event) {
      let match: Match | undefined;
      try {
        match = shield.matcher().url(event.request.url);
      } catch (error) {
        fail('the matcher failed; requests it cannot judge are refused.', error);
        event.respondWith(refusal(event.request));
        return;
      }
      if (event.request.mode == 'navigate') judgeNavigation(event, shield, match);
      else judgeRequest(event, shield, match);
    },
    message(event) {
      const data = event.data as ShieldConsentMessage | null;
      if (data?.type !== SHIELD_CONSENT) return;
      const json = JSON.stringify(data.config ?? null);
      if (json != site.json) {
        site = shieldSite(data.config);
        fromCookie = NOTHING_SAID;
      }
      const record = toRecord(data.record, site.config);
      // A page that says "no decision" says it now; a record says it as of its decision.
      heard = record ? saidBy(record) : { record: null, at: Date.now() };
      update();
      event.waitUntil(
        ready
          .then(() => keep.save({ config: data.config, record, at: heard.at }))
          .catch((error) => fail('the consent could not be kept; a restarted worker relies on the cookie.', error))
          .then(() => event.ports[0]?.postMessage({ type: SHIELD_ACK })),
      );
    },
    refresh: () => ready.then(readCookie).catch((error) => fail('the consent cookie could not be read.', error)),
  };
  return shield;
}

/** Wires a shield to the worker's events. */
export function installShield(scope: ShieldScope, keep: Keep): Shield {
  const shield = createShield(scope, keep);
  scope.addEventListener('install', (event) => event.waitUntil(scope.skipWaiting()));
  scope.addEventListener('activate', (event) =>
    event.waitUntil(
      Promise.all([
        shield.ready,
        scope.clients.claim(),
        scope.registration.cookies
          ?.subscribe([{ name: shield.site().config.cookie.name, url: scope.registration.scope }])
          .catch((error) => fail('cookie changes cannot be followed; each tracker request reads the cookie.', error)),
      ]),
    ),
  );
  scope.addEventListener('fetch', (event) => shield.fetch(event));
  scope.addEventListener('message', (event) => shield.message(event));
  scope.addEventListener('cookiechange', () => shield.refresh());
  return shield;
}
