import type { CategoryId } from '../core/types';

/**
 * Other vendors' own consent switches, called on each decision when their globals exist. Blocking already keeps
 * them out until consent; these matter for same-page changes after they loaded. Each call is isolated: a vendor
 * stub that throws must not stop the rest.
 */
export function vendorHooks(win: any, allowed: (c: CategoryId) => boolean): void {
  const ad = allowed('marketing'), s = (b: boolean) => (b ? 'granted' : 'denied');
  const calls = [
    () => win.uetq?.push('consent', 'update', { ad_storage: s(ad) }), // Microsoft UET
    () => win.clarity?.('consentv2', { ad_Storage: s(ad), analytics_Storage: s(allowed('analytics')) }), // Clarity
    () => win.fbq?.('consent', ad ? 'grant' : 'revoke'), // Meta Pixel
    () => win.ttq?.[ad ? 'grantConsent' : 'revokeConsent']?.(), // TikTok Pixel
  ];
  for (const c of calls)
    try {
      c();
    } catch {}
}
