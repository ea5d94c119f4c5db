import { resolveConfig } from '../../src/core/config';
import { createConsent } from '../../src/core/consent';
import type { ConsentRecord } from '../../src/core/types';

const config = resolveConfig({});
const stored = (categories: Record<string, boolean>, method: ConsentRecord['method'] = 'custom'): ConsentRecord => ({
  id: '0b7f6f1e-4f4a-4c3b-9d7e-2a1b3c4d5e6f',
  revision: '1',
  given: '2024-01-01T00:00:00.000Z',
  updated: '2024-01-01T00:00:00.000Z',
  method,
  categories: { necessary: true, preferences: false, analytics: false, marketing: false, ...categories },
});

it('allows only necessary before any decision', () => {
  const c = createConsent(config, null, false);
  expect(['necessary', 'preferences', 'analytics', 'marketing', 'unknown'].map(c.allowed)).toEqual([
    true,
    false,
    false,
    false,
    false,
  ]);
});

it('accept all grants every category; reject all denies all but necessary', () => {
  const c = createConsent(config, null, false);
  expect(c.decide(true, 'accept-all').categories).toEqual({
    necessary: true,
    preferences: true,
    analytics: true,
    marketing: true,
  });
  expect(c.decide(false, 'reject-all').categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: false,
    marketing: false,
  });
});

it('a per-category choice keeps the other categories as they are, and cannot deny necessary', () => {
  const c = createConsent(config, stored({ analytics: true }), false);
  expect(c.decide({ marketing: true, necessary: false, analytics: 'yes' }, 'api').categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: true,
    marketing: true,
  });
});

it('a new decision keeps the record id and first-given time, and stamps the revision', () => {
  const c = createConsent(config, stored({}), false);
  const r = c.decide(true, 'accept-all');
  expect(r).toMatchObject({ id: stored({}).id, given: stored({}).given, revision: '1', method: 'accept-all' });
  expect(r.updated > stored({}).updated).toBe(true);
});

it('a first decision gets a fresh UUID', () => {
  expect(createConsent(config, null, false).decide(true, 'accept-all').id).toMatch(
    /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/,
  );
});

it('makes a UUID without crypto.randomUUID (plain-http pages)', () => {
  vi.spyOn(crypto, 'randomUUID').mockReturnValue(undefined as any);
  expect(createConsent(config, null, false).decide(true, 'accept-all').id).toMatch(
    /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/,
  );
  vi.restoreAllMocks();
});

it('apply() lists what it newly grants and what it withdraws', () => {
  const c = createConsent(config, stored({ analytics: true }), false);
  expect(c.apply(stored({ marketing: true, preferences: true }))).toEqual({
    granted: ['preferences', 'marketing'],
    withdrawn: ['analytics'],
  });
  expect(c.allowed('marketing')).toBe(true);
  expect(c.apply(null)).toEqual({ granted: [], withdrawn: ['preferences', 'marketing'] });
});

describe('Global Privacy Control', () => {
  it('accept all grants everything but marketing, recorded as gpc', () => {
    const r = createConsent(config, null, true).decide(true, 'accept-all');
    expect(r.method).toBe('gpc');
    expect(r.categories).toEqual({ necessary: true, preferences: true, analytics: true, marketing: false });
  });
  it('never grants on its own', () => {
    expect(createConsent(config, null, true).allowed('analytics')).toBe(false);
  });
  it('a specific choice can still grant marketing', () => {
    expect(createConsent(config, null, true).decide({ marketing: true }, 'custom').categories.marketing).toBe(true);
  });
  it('a stored blanket accept-all no longer counts for marketing', () => {
    const c = createConsent(config, stored({ analytics: true, marketing: true }, 'accept-all'), true);
    expect([c.allowed('analytics'), c.allowed('marketing')]).toEqual([true, false]);
  });
  it('a stored specific choice of marketing still counts', () => {
    expect(createConsent(config, stored({ marketing: true }, 'custom'), true).allowed('marketing')).toBe(true);
  });
});
