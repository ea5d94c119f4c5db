import type { CategoryId, ResolvedConfig } from '../core/types';

/**
 * Google Consent Mode v2. gtag.js takes commands from `dataLayer` only as `arguments` objects (a plain array is
 * read as data), so we push exactly what `function gtag(){dataLayer.push(arguments)}` pushes.
 */

type WindowWithDataLayer = Window & { dataLayer?: unknown[] };

// Consent type → our category. `security_storage` is necessary: always granted.
const CONSENT_TYPES: Record<string, CategoryId> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
};

/**
 * Catalogue vendors (src/catalogue/catalogue.ts) that `consentMode: "advanced"` lets load before consent: Google Tag
 * Manager, Analytics and Ads then run with consent denied and send cookieless pings. Their cookies stay blocked.
 */
export const exemptInAdvanced = (config: ResolvedConfig, vendor: string): boolean =>
  config.consentMode == 'advanced' && /^Google (Tag Manager|Analytics|Ads)$/.test(vendor);

/** On every decision, and at load when a stored record exists; `default` (all denied but security) before any Google tag can run. */
export function consentUpdate(
  win: WindowWithDataLayer,
  config: ResolvedConfig,
  allowed: (category: CategoryId) => boolean,
  command = 'update',
): void {
  if (config.consentMode == 'off') return;
  const dataLayer = (win.dataLayer ||= []);
  const state: Record<string, unknown> =
    command == 'default' ? { security_storage: 'granted', wait_for_update: 500 } : {};
  function gtag(..._: unknown[]) {
    dataLayer.push(arguments);
  }
  for (const type in CONSENT_TYPES) state[type] = allowed(CONSENT_TYPES[type]) ? 'granted' : 'denied';
  gtag('consent', command, state);
  gtag('set', 'ads_data_redaction', !allowed('marketing'));
}

export const consentDefault = (win: WindowWithDataLayer, config: ResolvedConfig): void =>
  consentUpdate(win, config, () => false, 'default');
