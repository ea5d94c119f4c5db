import type { CategoryId, ResolvedConfig } from '../core/types';

/**
 * Google Consent Mode v2. gtag.js takes commands from `dataLayer` only as `arguments` objects (a plain array is
 * read as data), so we push exactly what `function gtag(){dataLayer.push(arguments)}` pushes.
 */

type W = Window & { dataLayer?: unknown[] };

const M = 'marketing',
  P = 'preferences';
// Consent type → our category. `security_storage` is necessary: always granted.
const MAP: Record<string, CategoryId> = {
  ad_storage: M,
  ad_user_data: M,
  ad_personalization: M,
  analytics_storage: 'analytics',
  functionality_storage: P,
  personalization_storage: P,
};

/**
 * Catalogue vendors (src/catalogue/catalogue.ts) that `consentMode: "advanced"` lets load before consent: Google Tag
 * Manager, Analytics and Ads then run with consent denied and send cookieless pings. Their cookies stay blocked.
 */
export const exemptInAdvanced = (config: ResolvedConfig, vendor: string): boolean =>
  config.consentMode == 'advanced' && /^Google (Tag Manager|Analytics|Ads)$/.test(vendor);

/** On every decision, and at load when a stored record exists; `default` (all denied but security) before any Google tag can run. */
export function consentUpdate(
  win: W,
  config: ResolvedConfig,
  allowed: (c: CategoryId) => boolean,
  mode = 'update',
): void {
  if (config.consentMode == 'off') return;
  const dl = (win.dataLayer ||= []),
    s: Record<string, unknown> = mode == 'default' ? { security_storage: 'granted', wait_for_update: 500 } : {};
  function gtag(..._: unknown[]) {
    dl.push(arguments);
  }
  for (const k in MAP) s[k] = allowed(MAP[k]) ? 'granted' : 'denied';
  gtag('consent', mode, s);
  gtag('set', 'ads_data_redaction', !allowed(M));
}

export const consentDefault = (win: W, config: ResolvedConfig): void =>
  consentUpdate(win, config, () => false, 'default');
