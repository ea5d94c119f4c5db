import type { BlockedKind, CategoryId, Config, ConsentRecord, ResolvedConfig } from './types';

/**
 * What the loader (src/loader/service-worker.ts) and the shield (src/sw/) say to each other. Both sides import this
 * file, so neither can drift. The `type` strings and the URL parameter are shipped strings: short on purpose.
 */

/** The registration URL's search parameter that carries the site's config, as JSON (`shieldConfig` below). */
export const SHIELD_PARAMETER = 'consentry';

/**
 * The part of a site's config the worker needs to judge a URL and to mark a page the way the loader would: the
 * input form of `Config`, so the worker resolves it with the loader's own `resolveConfig` (one validator). Texts,
 * cookie tables and UI options stay out: they would only lengthen the registration URL.
 */
export const shieldConfig = (config: ResolvedConfig): Config => ({
  revision: config.revision,
  categories: Object.fromEntries(config.categories.map((category) => [category.id, {}])),
  rules: config.rules,
  allow: config.allow,
  cookie: { name: config.cookie.name },
  consentMode: config.consentMode,
  // Whether the site honours Global Privacy Control decides what a blanket "accept all" grants (marketing or not):
  // without it the worker would take the default and could refuse what the page allows.
  gpc: config.gpc,
});

/**
 * Page → worker, posted to the active worker with a `MessagePort` (the second `postMessage` argument): the live
 * decision (`null`: none, so nothing is allowed) and the config it applies to. The worker answers `{ type: SHIELD_ACK }`
 * on the port once every later request is judged by it, so the loader re-activates nothing before the worker
 * would let it through.
 */
export interface ShieldConsentMessage {
  type: typeof SHIELD_CONSENT;
  record: ConsentRecord | null;
  config: Config;
}
export const SHIELD_CONSENT = 'consentry:consent';
export const SHIELD_ACK = 'consentry:ack';

/** Worker → page (the client that made the request): one request answered inside the worker and never sent. */
export interface ShieldBlockedMessage {
  type: typeof SHIELD_BLOCKED;
  kind: BlockedKind;
  url: string;
  category: CategoryId;
  vendor: string;
}
export const SHIELD_BLOCKED = 'consentry:blocked';
