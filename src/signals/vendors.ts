import type { CategoryId } from '../core/types';

/**
 * Other vendors' own consent switches (Microsoft UET, Clarity, Meta Pixel, TikTok Pixel), called on each decision.
 * Blocking already keeps them out until consent; these matter for same-page changes after they loaded. Each call is
 * isolated: a vendor that is absent, or a stub that throws, must not stop the rest.
 */
export function vendorHooks(w: any, allowed: (c: CategoryId) => boolean): void {
  const ad = allowed('marketing'),
    s = (b: boolean) => (b ? 'granted' : 'denied');
  for (const f of [
    () => w.uetq.push('consent', 'update', { ad_storage: s(ad) }),
    () => w.clarity('consentv2', { ad_Storage: s(ad), analytics_Storage: s(allowed('analytics')) }),
    () => w.fbq('consent', ad ? 'grant' : 'revoke'),
    () => w.ttq[ad ? 'grantConsent' : 'revokeConsent'](),
  ])
    try {
      f();
    } catch {}
}
