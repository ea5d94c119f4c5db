import type { ResolvedConfig } from '../core/types';
import { exemptInAdvanced } from '../signals/consent-mode';
import { createMatcher, type Matcher } from './matcher';

/**
 * A site's config over the built-in catalogue: its rules, allow list and cookie tables. What it names is what the
 * site means; `siteMatcher` below is what the loader blocks. The audit and the scan (src/node/classify.ts) label
 * with this one, so a Google tag that Advanced Consent Mode lets load is still named, and flagged as such.
 */
export function configMatcher(config: ResolvedConfig, base: string): Matcher {
  return createMatcher({
    rules: config.rules,
    allow: config.allow,
    cookies: config.categories.flatMap((category) =>
      category.cookies.map((row) => ({ name: row.name, category: category.id, vendor: row.provider })),
    ),
    base,
  });
}

/**
 * The matcher of one site: `configMatcher`, less what Advanced Consent Mode lets load (Google's tags then run with
 * consent denied; their cookies stay blocked). The loader and the HTML rewriter (src/mark/) both build theirs here,
 * so a page and its server decide every URL alike.
 */
export function siteMatcher(config: ResolvedConfig, base: string): Matcher {
  const named = configMatcher(config, base);
  return {
    ...named,
    url(url) {
      const match = named.url(url);
      return match && exemptInAdvanced(config, match.vendor) ? undefined : match;
    },
  };
}
