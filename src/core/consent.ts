import type { CategoryId, ConsentRecord, Method, ResolvedConfig } from './types';

/** The decision logic, without DOM: what is allowed now, and what a choice turns into. */
export interface Consent {
  get(): ConsentRecord | null;
  /** `necessary` always; anything else only when the current record says exactly `true`. */
  allowed(c: CategoryId): boolean;
  /** The record a choice makes: `true`/`false` for all categories, or per category (others keep their value). */
  decide(choices: boolean | Record<CategoryId, unknown>, method: Method): ConsentRecord;
  /** Make `r` current; the categories it newly allows and the ones it takes back. */
  apply(r: ConsentRecord | null): { granted: CategoryId[]; withdrawn: CategoryId[] };
}

// A v4 UUID from getRandomValues, which (unlike randomUUID) plain-http pages have too.
const uuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+c / 4)))).toString(16),
  );

const has = (r: ConsentRecord | null, c: CategoryId) => c == 'necessary' || r?.categories[c] === true;

/**
 * `gpc`: Global Privacy Control is on and honoured. "Accept all" then grants everything but marketing and is
 * recorded as `gpc`; only a specific choice (custom, api) can grant marketing. A stored blanket "accept all"
 * from before GPC was switched on no longer counts for marketing either (kept in memory, not rewritten).
 */
export function createConsent(config: ResolvedConfig, stored: ConsentRecord | null, gpc: boolean): Consent {
  const ids = config.categories.map((c) => c.id);
  let rec = stored;
  if (gpc && stored?.method == 'accept-all' && stored.categories.marketing)
    rec = { ...stored, categories: { ...stored.categories, marketing: false } };
  const allowed = (c: CategoryId) => has(rec, c);
  return {
    get: () => rec,
    allowed,
    decide(choices, method) {
      const now = new Date().toISOString(),
        categories: Record<CategoryId, boolean> = {},
        all = typeof choices == 'boolean';
      if (all && choices && gpc) method = 'gpc';
      for (const id of ids) {
        const v = all ? choices && !(gpc && id == 'marketing') : choices[id];
        categories[id] = id == 'necessary' || (typeof v == 'boolean' ? v : allowed(id));
      }
      return {
        id: rec?.id || uuid(),
        revision: config.revision,
        given: rec?.given || now,
        updated: now,
        method,
        categories,
      };
    },
    apply(r) {
      const out = {
        granted: ids.filter((c) => has(r, c) && !allowed(c)),
        withdrawn: ids.filter((c) => !has(r, c) && allowed(c)),
      };
      rec = r;
      return out;
    },
  };
}
