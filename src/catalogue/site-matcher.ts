import type { ResolvedConfig } from '../core/types';
import { exemptInAdvanced } from '../signals/consent-mode';
import { createMatcher, type Matcher } from './matcher';

/**
 * The matcher of one site: its rules, allow list and cookie tables over the built-in catalogue, less what Advanced
 * Consent Mode lets load (Google's tags then run with consent denied; their cookies stay blocked). The loader and the
 * HTML rewriter (src/mark/) both build theirs here, so a page and its server decide every URL alike.
 */
export function siteMatcher(config: ResolvedConfig, base: string): Matcher {
  const catalogueMatcher = createMatcher({
    rules: config.rules,
    allow: config.allow,
    cookies: config.categories.flatMap((category) =>
      category.cookies.map((row) => ({ name: row.name, category: category.id, vendor: row.provider })),
    ),
    base,
  });
  return {
    ...catalogueMatcher,
    url(url) {
      const match = catalogueMatcher.url(url);
      return match && exemptInAdvanced(config, match.vendor) ? undefined : match;
    },
  };
}
