import { resolveConfig } from '../../src/core/config';
import { createConsent } from '../../src/core/consent';
import { consentRecord } from '../fixtures/record';

const config = resolveConfig({});
const platformCrypto = globalThis.crypto;
const CATEGORIES = ['necessary', 'preferences', 'analytics', 'marketing'];
const V4_UUID = /^[\da-f]{8}-[\da-f]{4}-4[\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
/** What `allowed` answers for each category, by name. */
const allowedByCategory = (allowed: (category: string) => boolean) =>
  Object.fromEntries([...CATEGORIES, 'unknown'].map((category) => [category, allowed(category)]));

afterEach(() => vi.unstubAllGlobals());

it('a visitor who has not decided is allowed only the necessary category', () => {
  expect(allowedByCategory(createConsent(config, null, false).allowed)).toEqual({
    necessary: true,
    preferences: false,
    analytics: false,
    marketing: false,
    unknown: false,
  });
});

it('accept all grants every category, and reject all denies every one but necessary', () => {
  const consent = createConsent(config, null, false);
  expect(consent.decide(true, 'accept-all').categories).toEqual({
    necessary: true,
    preferences: true,
    analytics: true,
    marketing: true,
  });
  expect(consent.decide(false, 'reject-all').categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: false,
    marketing: false,
  });
});

it('a per-category choice keeps the other categories as they are, and cannot deny necessary', () => {
  const consent = createConsent(config, consentRecord({ analytics: true }), false);
  expect(consent.decide({ marketing: true, necessary: false, analytics: 'yes' }, 'api').categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: true,
    marketing: true,
  });
});

it('a new decision keeps the record id and first-given time, and stamps the revision', () => {
  const stored = consentRecord();
  const decided = createConsent(config, stored, false).decide(true, 'accept-all');
  expect(decided).toMatchObject({ id: stored.id, given: stored.given, revision: '1', method: 'accept-all' });
  expect(decided.updated > stored.updated).toBe(true);
});

it('two first decisions get two different, well-formed v4 UUIDs', () => {
  const first = createConsent(config, null, false).decide(true, 'accept-all').id;
  const second = createConsent(config, null, false).decide(false, 'reject-all').id;
  expect(first).toMatch(V4_UUID);
  expect(second).toMatch(V4_UUID);
  expect(first).not.toBe(second);
});

it('a plain-http page, whose crypto has getRandomValues but no randomUUID, still gets a v4 UUID', () => {
  // Outside a secure context the platform leaves crypto.randomUUID undefined; getRandomValues is always there.
  vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => platformCrypto.getRandomValues(bytes) });
  expect('randomUUID' in crypto).toBe(false);
  expect(createConsent(config, null, false).decide(true, 'accept-all').id).toMatch(V4_UUID);
});

it('the UUID takes all its randomness from crypto.getRandomValues', () => {
  vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(0x5a) });
  const first = createConsent(config, null, false).decide(true, 'accept-all').id;
  const second = createConsent(config, null, false).decide(true, 'accept-all').id;
  expect(first).toMatch(V4_UUID);
  expect(second).toBe(first);
});

it.each([0x00, 0xff])('the UUID keeps its version and variant digits when every random byte is %i', (byte) => {
  vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(byte) });
  expect(createConsent(config, null, false).decide(true, 'accept-all').id).toMatch(V4_UUID);
});

it('apply() lists what it newly grants and what it withdraws', () => {
  const consent = createConsent(config, consentRecord({ analytics: true }), false);
  expect(consent.apply(consentRecord({ marketing: true, preferences: true }))).toEqual({
    granted: ['preferences', 'marketing'],
    withdrawn: ['analytics'],
  });
  expect(consent.allowed('marketing')).toBe(true);
  expect(consent.apply(null)).toEqual({ granted: [], withdrawn: ['preferences', 'marketing'] });
});

describe('Global Privacy Control', () => {
  it('makes accept all grant everything but marketing, recorded as gpc', () => {
    const decided = createConsent(config, null, true).decide(true, 'accept-all');
    expect(decided.method).toBe('gpc');
    expect(decided.categories).toEqual({ necessary: true, preferences: true, analytics: true, marketing: false });
  });
  it('never grants a category on its own', () => {
    expect(createConsent(config, null, true).allowed('analytics')).toBe(false);
  });
  it('leaves a specific choice free to grant marketing', () => {
    expect(createConsent(config, null, true).decide({ marketing: true }, 'custom').categories.marketing).toBe(true);
  });
  it('stops a stored blanket accept-all from counting for marketing', () => {
    const stored = consentRecord({ analytics: true, marketing: true }, { method: 'accept-all' });
    const consent = createConsent(config, stored, true);
    expect({ analytics: consent.allowed('analytics'), marketing: consent.allowed('marketing') }).toEqual({
      analytics: true,
      marketing: false,
    });
  });
  it('lets a stored specific choice of marketing still count', () => {
    expect(createConsent(config, consentRecord({ marketing: true }), true).allowed('marketing')).toBe(true);
  });
});
