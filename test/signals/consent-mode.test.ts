import { resolveConfig } from '../../src/core/config';
import { consentDefault, consentUpdate, exemptInAdvanced } from '../../src/signals/consent-mode';

type W = Window & { dataLayer?: unknown[] };
const config = resolveConfig({});
const only =
  (...ok: string[]) =>
  (c: string) =>
    c == 'necessary' || ok.includes(c);
const fresh = () => ({}) as W;

it('the default, all denied but security_storage, is the first entry of a new dataLayer', () => {
  const w = fresh();
  consentDefault(w, config);
  expect([...(w.dataLayer![0] as IArguments)]).toEqual([
    'consent',
    'default',
    {
      ad_storage: 'denied',
      ad_user_data: 'denied',
      ad_personalization: 'denied',
      analytics_storage: 'denied',
      functionality_storage: 'denied',
      personalization_storage: 'denied',
      security_storage: 'granted',
      wait_for_update: 500,
    },
  ]);
});

it('entries are arguments objects, as gtag() pushes them, not plain arrays', () => {
  const w = fresh();
  consentDefault(w, config);
  const entry = w.dataLayer![0];
  expect(Array.isArray(entry)).toBe(false);
  expect(Object.prototype.toString.call(entry)).toBe('[object Arguments]');
});

it('entries a page already queued in its dataLayer stay first', () => {
  const w = { dataLayer: ['x'] } as W;
  consentDefault(w, config);
  expect(w.dataLayer).toHaveLength(3);
  expect(w.dataLayer![0]).toBe('x');
});

it('ad data is redacted by default', () => {
  const w = fresh();
  consentDefault(w, config);
  expect([...(w.dataLayer![1] as IArguments)]).toEqual(['set', 'ads_data_redaction', true]);
});

it('allowing analytics grants analytics_storage only', () => {
  const w = fresh();
  consentUpdate(w, config, only('analytics'));
  expect((w.dataLayer![0] as IArguments)[2]).toEqual({
    analytics_storage: 'granted',
    ad_storage: 'denied',
    ad_user_data: 'denied',
    ad_personalization: 'denied',
    functionality_storage: 'denied',
    personalization_storage: 'denied',
  });
});

it('allowing marketing grants ad_storage, ad_user_data and ad_personalization, and stops the redaction', () => {
  const w = fresh();
  consentUpdate(w, config, only('marketing'));
  expect((w.dataLayer![0] as IArguments)[2]).toMatchObject({
    ad_storage: 'granted',
    ad_user_data: 'granted',
    ad_personalization: 'granted',
    analytics_storage: 'denied',
  });
  expect([...(w.dataLayer![1] as IArguments)]).toEqual(['set', 'ads_data_redaction', false]);
});

it('allowing preferences grants functionality_storage and personalization_storage', () => {
  const w = fresh();
  consentUpdate(w, config, only('preferences'));
  expect((w.dataLayer![0] as IArguments)[2]).toMatchObject({
    functionality_storage: 'granted',
    personalization_storage: 'granted',
    ad_storage: 'denied',
  });
  expect((w.dataLayer![0] as IArguments)[1]).toBe('update');
});

it('consentMode off pushes nothing at all', () => {
  const w = fresh(),
    off = resolveConfig({ consentMode: 'off' });
  consentDefault(w, off);
  consentUpdate(w, off, only('analytics'));
  expect(w.dataLayer).toBeUndefined();
});

it('Google tag vendors are exempt from blocking in advanced mode only', () => {
  expect(exemptInAdvanced(resolveConfig({ consentMode: 'advanced' }), 'Google Analytics')).toBe(true);
  expect(exemptInAdvanced(resolveConfig({ consentMode: 'advanced' }), 'Meta Pixel')).toBe(false);
  expect(exemptInAdvanced(config, 'Google Analytics')).toBe(false);
});
