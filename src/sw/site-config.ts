import { SHIELD_PARAMETER } from '../core/shield-contract';
import { type Site, siteOf } from '../mark/site';
import { fail } from './fail';

/**
 * Where the worker's config comes from. The loader registers the worker with the site's config as JSON in the
 * `consentry` search parameter of the script URL (`shieldConfig` in src/core/shield-contract.ts); a site's own worker
 * that imports this file has no such parameter, and learns the config from the loader's messages (kept across
 * restarts, src/sw/keep.ts). With none at all, the built-in catalogue and the defaults apply: the closed setting.
 *
 * A config is resolved by the loader's own `resolveConfig` and judged by `siteMatcher` (both through `siteOf`, which
 * the HTML rewriter uses too), so the worker, the page and the server decide every URL alike.
 */

/** The config input carried by the worker's own URL, or undefined (absent, or not JSON: said once). */
export function configInUrl(href: string): unknown {
  const json = new URL(href).searchParams.get(SHIELD_PARAMETER);
  if (json == null) return undefined;
  try {
    return JSON.parse(json);
  } catch {
    fail(
      `the "${SHIELD_PARAMETER}" parameter of the worker's URL is not JSON; using the built-in catalogue and the defaults.`,
    );
    return undefined;
  }
}

/** A config as the worker holds it: the input as received (to keep, and to compare) and what it resolved to. */
export interface ShieldSite extends Site {
  readonly input: unknown;
  readonly json: string;
}

export function shieldSite(input: unknown): ShieldSite {
  return { ...siteOf(input), input, json: JSON.stringify(input ?? null) };
}
