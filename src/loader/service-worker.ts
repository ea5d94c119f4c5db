import {
  SHIELD_ACK,
  SHIELD_BLOCKED,
  SHIELD_CONSENT,
  SHIELD_PARAMETER,
  type ShieldConsentMessage,
  shieldConfig,
} from '../core/shield-contract';
import type { BlockedItem, ConsentRecord, ResolvedConfig } from '../core/types';

/** Consentry's own registration, told from a site's other workers by its query. */
const PARAMETER = RegExp(`[?&]${SHIELD_PARAMETER}=`);

/** How long a decision waits for the shield's ack before re-activation goes on without it. */
export const ACK_TIMEOUT = 500;

/**
 * Tells the shield a decision, at once; the promise settles once it acknowledged, or after ACK_TIMEOUT. Nothing to
 * wait for (undefined) while no worker controls the page: it reads the decision from the cookie when it starts.
 */
export type TellShield = (record: ConsentRecord | null) => Promise<unknown> | undefined;

/**
 * The page side of the shield (`serviceWorker` in the config). A URL: registered after `load` (never competing with
 * the page), with the shield's config in its query; its refusals go to `report`, and the returned function tells it
 * every decision. `false`: Consentry's own registration, if a page view before left one, is removed. Absent, or no
 * service-worker API (an insecure context): nothing happens at all.
 */
export function shield(
  win: Window,
  config: ResolvedConfig,
  record: ConsentRecord | null,
  report: (item: BlockedItem) => void,
): TellShield | undefined {
  const script = config.serviceWorker;
  if (script == null) return;
  let container: ServiceWorkerContainer | undefined;
  // An opaque origin (a sandboxed frame) throws a SecurityError on reading it: no shield there, start-up goes on.
  try {
    container = win.navigator.serviceWorker;
  } catch {}
  if (!container) return;
  const afterLoad = (fn: () => unknown) =>
    win.document.readyState == 'complete' ? setTimeout(fn) : win.addEventListener('load', fn);
  if (script === false) {
    afterLoad(() =>
      container.getRegistrations().then((registrations) => {
        for (const registration of registrations) {
          const worker = registration.active || registration.waiting || registration.installing;
          if (worker && PARAMETER.test(worker.scriptURL)) registration.unregister();
        }
      }),
    );
    return;
  }
  const message: ShieldConsentMessage = { type: SHIELD_CONSENT, record, config: shieldConfig(config) };
  afterLoad(() =>
    container
      .register(script + '?' + SHIELD_PARAMETER + '=' + encodeURIComponent(JSON.stringify(message.config)))
      .catch((error) => console.error('Consentry: serviceWorker', error)),
  );
  // Only the worker that controls this page speaks for it, and only in the contract's shape.
  container.addEventListener('message', ({ source, data }) => {
    const { kind, url, category, vendor } = data || {};
    if (
      source &&
      source == container.controller &&
      data?.type == SHIELD_BLOCKED &&
      [kind, url, category, vendor].every((field) => typeof field == 'string')
    )
      report({ kind, url, category, vendor, time: Math.round(performance.now()) });
  });
  const tell: TellShield = (next) => {
    const worker = container.controller;
    if (worker)
      return new Promise((done) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = ({ data }) => data?.type == SHIELD_ACK && done(0);
        setTimeout(done, ACK_TIMEOUT);
        message.record = next;
        worker.postMessage(message, [channel.port2]);
      });
  };
  tell(record);
  return tell;
}
