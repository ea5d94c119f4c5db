// @vitest-environment node
import { validate } from '../../src/node/config-file';
import { type Found, type MergeInput, mergeCookieTables, nameMatches, PLACEHOLDER } from '../../src/node/cookie-tables';

const YEAR = 365 * 86_400;

const found = (name: string, more: Partial<Found> = {}): Found => ({
  name,
  domain: 'shop.example',
  path: '/',
  lifetime: YEAR,
  httpOnly: false,
  secure: false,
  thirdParty: false,
  stored: true,
  how: 'script',
  firstPage: 'https://shop.example/',
  vendor: 'shop.example',
  ...more,
});

const merge = (over: Partial<MergeInput>) =>
  mergeCookieTables({
    config: {},
    found: [],
    previous: [],
    site: 'shop.example',
    consentCookie: 'consentry',
    sessionCookie: 'consentry_session',
    ...over,
  });

describe('mergeCookieTables', () => {
  it('adds a catalogue cookie to its category with provider, purpose and lifetime', () => {
    const m = merge({
      found: [found('_ga', { category: 'analytics', vendor: 'Google Analytics', lifetime: 2 * YEAR })],
    });
    expect(m.config.categories.analytics.cookies).toEqual([
      {
        name: '_ga',
        provider: 'Google Analytics',
        purpose: 'Audience measurement by Google Analytics: tells visits and visitors apart for statistics.',
        lifetime: '2 years',
      },
    ]);
    expect(m.diff.added).toEqual([{ name: '_ga', category: 'analytics', to: '2 years' }]);
  });

  it('writes Consentry’s own cookies as necessary, provided by the site', () => {
    const m = merge({
      found: [
        found('consentry', { category: 'necessary', vendor: 'Consentry', lifetime: 182 * 86_400 }),
        found('consentry_session', { category: 'necessary', vendor: 'Consentry', lifetime: undefined }),
      ],
    });
    expect(m.config.categories.necessary.cookies).toEqual([
      {
        name: 'consentry',
        provider: 'shop.example',
        purpose: "Remembers the visitor's cookie choices (Consentry).",
        lifetime: '6 months',
      },
      {
        name: 'consentry_session',
        provider: 'shop.example',
        purpose: 'Keeps the visitor signed in until the browser closes.',
        lifetime: 'session',
      },
    ]);
  });

  it('leaves a placeholder purpose where no catalogue vendor says what a cookie is for, and lists it', () => {
    const m = merge({ found: [found('px', { category: 'marketing', vendor: 'Pixel Co' })] });
    expect(m.config.categories.marketing.cookies[0].purpose).toBe(PLACEHOLDER);
    expect(m.placeholders).toEqual(['px']);
  });

  it('puts an unknown cookie in the unclassified list, never in a category', () => {
    const m = merge({ found: [found('sid', { how: 'Set-Cookie', httpOnly: true, lifetime: undefined })] });
    expect(m.config.categories).toEqual({});
    expect(m.unclassified).toEqual([
      expect.objectContaining({ name: 'sid', httpOnly: true, how: 'Set-Cookie', lifetime: 'session' }),
    ]);
    expect(m.diff.added).toEqual([{ name: 'sid', to: 'session' }]);
  });

  it('puts a cookie of a category the config switches off in the unclassified list, saying so', () => {
    const m = merge({
      config: { categories: { preferences: false } },
      found: [found('crisp-client/x', { category: 'preferences', vendor: 'Crisp' })],
    });
    expect(m.config.categories.preferences).toBe(false);
    expect(m.unclassified[0].note).toBe('classified as preferences, a category your config switches off');
  });

  it('keeps what the owner wrote, updates a plain lifetime and reports it', () => {
    const config = {
      categories: {
        analytics: { cookies: [{ name: '_ga', provider: 'Google', purpose: 'Ours.', lifetime: '1 year' }] },
      },
    };
    const m = merge({
      config,
      found: [found('_ga', { category: 'analytics', vendor: 'Google Analytics', lifetime: 2 * YEAR })],
    });
    expect(m.config.categories.analytics.cookies).toEqual([
      { name: '_ga', provider: 'Google', purpose: 'Ours.', lifetime: '2 years' },
    ]);
    expect(m.diff.changed).toEqual([{ name: '_ga', category: 'analytics', from: '1 year', to: '2 years' }]);
    expect(config.categories.analytics.cookies[0].lifetime).toBe('1 year'); // the input is not changed
  });

  it('reports but does not overwrite a translated lifetime', () => {
    const lifetime = { en: '1 year', 'zh-Hant': '1 年' };
    const m = merge({
      config: { categories: { analytics: { cookies: [{ name: '_ga', lifetime }] } } },
      found: [found('_ga', { category: 'analytics', lifetime: 2 * YEAR })],
    });
    expect(m.config.categories.analytics.cookies[0].lifetime).toEqual(lifetime);
    expect(m.diff.changed[0]).toMatchObject({ from: '1 year', to: '2 years', note: 'translated: update it by hand' });
  });

  it('matches a pattern entry without comparing lifetimes (it covers several cookies)', () => {
    const m = merge({
      config: { categories: { analytics: { cookies: [{ name: '_hj*', lifetime: 'up to 1 year' }] } } },
      found: [found('_hjSession_1', { category: 'analytics', lifetime: 1800 })],
    });
    expect(m.diff).toEqual({ added: [], gone: [], changed: [] });
  });

  it('keeps a listed cookie the scan did not see, and reports it gone', () => {
    const m = merge({ config: { categories: { marketing: { cookies: [{ name: 'old' }] } } } });
    expect(m.config.categories.marketing.cookies).toEqual([{ name: 'old' }]);
    expect(m.diff.gone).toEqual([{ name: 'old', category: 'marketing' }]);
  });

  it('compares the unclassified list with the previous one', () => {
    const previous = [
      { ...merge({ found: [found('sid')] }).unclassified[0], lifetime: '1 day' },
      { ...merge({ found: [found('gone')] }).unclassified[0] },
    ];
    const m = merge({ found: [found('sid')], previous });
    expect(m.diff).toEqual({
      added: [],
      changed: [{ name: 'sid', from: '1 day', to: '1 year' }],
      gone: [{ name: 'gone' }],
    });
  });

  it('writes a config the loader validates without an error or a warning', () => {
    const m = merge({
      config: { revision: '3', categories: { preferences: false } },
      found: [
        found('_ga', { category: 'analytics', vendor: 'Google Analytics' }),
        found('px', { category: 'marketing', vendor: 'X' }),
        found('sid'),
      ],
    });
    const { errors, warnings } = validate(m.config);
    expect([...errors, ...warnings]).toEqual([]);
  });

  it('keeps the unclassified list out of the config: a top-level key of its own would make the loader warn', () => {
    expect(validate({ unclassified: [] }).warnings).toEqual(['Consentry config: unknown key "unclassified" ignored.']);
  });
});

describe('nameMatches', () => {
  it('reads * as any run of characters, and anything else literally', () => {
    expect(nameMatches('_ga_*', '_ga_ABC')).toBe(true);
    expect(nameMatches('mp_*_mixpanel', 'mp_x_mixpanel')).toBe(true);
    expect(nameMatches('_ce.*', '_ceXs')).toBe(false);
    expect(nameMatches('_ga', '_ga_ABC')).toBe(false);
  });
});
