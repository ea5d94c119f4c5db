import type { Matcher } from '../catalogue/matcher';
import { siteMatcher } from '../catalogue/site-matcher';
import { resolveConfig } from '../core/config';
import type { ResolvedConfig } from '../core/types';

/**
 * A config read once: the loader's own validation (a bad key logs one error and falls back to its closed default),
 * then one matcher per page URL, built the loader's way. The same config object is compiled once however many pages
 * it marks (a server passes the same object on every request).
 */
export interface Site {
  config: ResolvedConfig;
  matcher(base: string): Matcher;
}

/** The page URL when none is given: relative URLs then resolve to a host that no rule can name. */
export const NO_BASE = 'https://consentry.invalid/';
const MATCHERS_KEPT = 64;

const compiled = new WeakMap<object, Site>();
/** Stands for "no config" in `compiled`: the defaults are read once too. */
const DEFAULTS = {};

export function siteOf(input: unknown = DEFAULTS): Site {
  const key = input && typeof input == 'object' ? input : undefined;
  const known = key && compiled.get(key);
  if (known) return known;
  const config = resolveConfig(input);
  const matchers = new Map<string, Matcher>();
  const site: Site = {
    config,
    matcher(base) {
      let m = matchers.get(base);
      if (!m) {
        if (matchers.size >= MATCHERS_KEPT) matchers.clear();
        matchers.set(base, (m = siteMatcher(config, base)));
      }
      return m;
    },
  };
  if (key) compiled.set(key, site);
  return site;
}
