import type { CategoryId, ResolvedConfig } from '../core/types';

/**
 * Google Consent Mode v2. gtag.js takes commands from `dataLayer` only as `arguments` objects (a plain array is
 * read as data), so we push exactly what `function gtag(){dataLayer.push(arguments)}` pushes.
 */

type W = Window & { dataLayer?: unknown[] };

// Consent type → our category. `security_storage` is necessary: always granted.
const MAP: Record<string, CategoryId> = {
  ad_storage: 'marketing',
  ad_user_data: 'marketing',
  ad_personalization: 'marketing',
  analytics_storage: 'analytics',
  functionality_storage: 'preferences',
  personalization_storage: 'preferences',
};

/**
 * Catalogue vendor names (src/block/catalogue.ts) that `consentMode: "advanced"` lets load before consent: they
 * then run with consent denied and send cookieless pings. Their cookies stay blocked like any other.
 */
export const ADVANCED_VENDORS = ['Google Tag Manager', 'Google Analytics', 'Google Ads'];

export const exemptInAdvanced = (config: ResolvedConfig, vendor: string): boolean =>
  config.consentMode == 'advanced' && ADVANCED_VENDORS.includes(vendor);

// A real `arguments` object holding the given values.
function args(..._: unknown[]): IArguments {
  return arguments;
}
const gtag = (win: W, ...a: unknown[]) => (win.dataLayer ||= []).push(args(...a));

const state = (allowed: (c: CategoryId) => boolean) => {
  const s: Record<string, string> = {};
  for (const k in MAP) s[k] = allowed(MAP[k]) ? 'granted' : 'denied';
  return s;
};

/** All denied but security, pushed synchronously before any Google tag can run. */
export function consentDefault(win: W, config: ResolvedConfig): void {
  if (config.consentMode == 'off') return;
  gtag(win, 'consent', 'default', { ...state(() => false), security_storage: 'granted', wait_for_update: 500 });
  gtag(win, 'set', 'ads_data_redaction', true);
}

/** On every decision, and at load when a stored record exists. */
export function consentUpdate(win: W, config: ResolvedConfig, allowed: (c: CategoryId) => boolean): void {
  if (config.consentMode == 'off') return;
  gtag(win, 'consent', 'update', state(allowed));
  gtag(win, 'set', 'ads_data_redaction', !allowed('marketing'));
}
