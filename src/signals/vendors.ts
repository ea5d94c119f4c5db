import type { CategoryId } from '../core/types';

/**
 * Other vendors' own consent switches (Microsoft UET, Clarity, Meta Pixel, TikTok Pixel), called on each decision.
 * Blocking already keeps them out until consent; these matter for same-page changes after they loaded. Each call is
 * isolated: a vendor that is absent, or a stub that throws, must not stop the rest.
 */
export function vendorHooks(win: any, allowed: (category: CategoryId) => boolean): void {
  const marketing = allowed('marketing');
  const state = (granted: boolean) => (granted ? 'granted' : 'denied');
  for (const call of [
    () => win.uetq.push('consent', 'update', { ad_storage: state(marketing) }),
    () => win.clarity('consentv2', { ad_Storage: state(marketing), analytics_Storage: state(allowed('analytics')) }),
    () => win.fbq('consent', marketing ? 'grant' : 'revoke'),
    () => win.ttq[marketing ? 'grantConsent' : 'revokeConsent'](),
  ])
    try {
      call();
    } catch {}
}
