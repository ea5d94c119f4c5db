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
const randomUuid = (): string =>
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) =>
    (+digit ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (+digit / 4)))).toString(16),
  );

const grants = (record: ConsentRecord | null, category: CategoryId) =>
  category == 'necessary' || record?.categories[category] === true;

/**
 * `gpc`: Global Privacy Control is on and honoured. "Accept all" then grants everything but marketing and is
 * recorded as `gpc`; only a specific choice (custom, api) can grant marketing. A stored blanket "accept all"
 * from before GPC was switched on no longer counts for marketing either (kept in memory, not rewritten).
 */
export function createConsent(config: ResolvedConfig, stored: ConsentRecord | null, gpc: boolean): Consent {
  const ids = config.categories.map((category) => category.id);
  let current = stored;
  if (gpc && stored?.method == 'accept-all' && stored.categories.marketing)
    current = { ...stored, categories: { ...stored.categories, marketing: false } };
  const allowed = (category: CategoryId) => grants(current, category);
  return {
    get: () => current,
    allowed,
    decide(choices, method) {
      const now = new Date().toISOString();
      const categories: Record<CategoryId, boolean> = {};
      const forAll = typeof choices == 'boolean';
      if (forAll && choices && gpc) method = 'gpc';
      for (const id of ids) {
        const choice = forAll ? choices && !(gpc && id == 'marketing') : choices[id];
        categories[id] = id == 'necessary' || (typeof choice == 'boolean' ? choice : allowed(id));
      }
      return {
        id: current?.id || randomUuid(),
        revision: config.revision,
        given: current?.given || now,
        updated: now,
        method,
        categories,
      };
    },
    apply(record) {
      const change = {
        granted: ids.filter((id) => grants(record, id) && !allowed(id)),
        withdrawn: ids.filter((id) => !grants(record, id) && allowed(id)),
      };
      current = record;
      return change;
    },
  };
}
