import { createMatcher } from '../catalogue/matcher';
import { configMatcher } from '../catalogue/site-matcher';
import type { CategoryId, ResolvedConfig } from '../core/types';
import { exemptInAdvanced } from '../signals/consent-mode';
import { cookieHost, sameSite } from './site';

/**
 * What the audit and the scan say about one request or cookie, decided by the matcher the loader's is built from
 * (`configMatcher`, src/catalogue/site-matcher.ts) with the page's config: the tools and the page cannot disagree.
 */
export interface Label {
  /** Undefined when neither the catalogue nor the config knows it. */
  category?: CategoryId;
  /** The catalogue's or the rule's vendor; for an unknown third party, its host. */
  vendor: string;
  /** Named by the config's `allow` list: the loader never blocks it. */
  allowListed?: boolean;
  /** A Google tag that Consent Mode `advanced` lets load with consent denied (its cookies stay blocked). */
  consentMode?: boolean;
}

export interface Classifier {
  /** Undefined for a first-party URL that no rule names: nothing to report. */
  request(url: string): Label | undefined;
  /** `setBy`: the URL of the response or script that wrote it, when known; it names a third party's cookie best. */
  cookie(cookie: { name: string; domain: string; setBy?: string }): Label;
  /** Is this host another site than the page's? */
  thirdParty(host: string): boolean;
}

// A category id no config can have (ids are plain words), marking "the allow list said so".
const ALLOW = ' allow';

export function createClassifier(config: ResolvedConfig, pageUrl: string): Classifier {
  const pageHost = new URL(pageUrl).hostname;
  const matcher = configMatcher(config, pageUrl);
  // The same matcher with the allow entries as rules: a hit names the entry that lets a URL through.
  const allowList = createMatcher({
    rules: config.allow.map((match) => ({ match, category: ALLOW, vendor: match })),
    allow: [],
    cookies: [],
    base: pageUrl,
  });
  const thirdParty = (host: string) => !sameSite(host, pageHost);

  const request = (url: string): Label | undefined => {
    const allowed = allowList.url(url);
    if (allowed?.category === ALLOW) return { vendor: allowed.vendor, allowListed: true };
    const m = matcher.url(url);
    if (m) return { ...m, ...(exemptInAdvanced(config, m.vendor) && { consentMode: true }) };
    let host: string;
    try {
      host = new URL(url, pageUrl).hostname;
    } catch {
      return undefined;
    }
    return thirdParty(host) ? { vendor: host } : undefined;
  };

  return {
    thirdParty,
    request,
    cookie({ name, domain, setBy }) {
      const host = cookieHost(domain);
      if (!thirdParty(host)) {
        if (name === config.cookie.name || name === config.session.name)
          return { category: 'necessary', vendor: 'Consentry' };
        return matcher.cookie(name) ?? { vendor: host };
      }
      // A third party's cookie belongs to whoever served it (the response, else the host); a name rule is the fallback.
      const bySetter = setBy ? request(setBy) : undefined;
      if (bySetter?.category) return { category: bySetter.category, vendor: bySetter.vendor };
      const byHost = request(`https://${host}/`);
      if (byHost?.category) return { category: byHost.category, vendor: byHost.vendor };
      return matcher.cookie(name) ?? { vendor: host, ...(byHost?.allowListed && { allowListed: true }) };
    },
  };
}
