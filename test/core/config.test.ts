import { readConfig, resolveConfig } from '../../src/core/config';
import { createConsent } from '../../src/core/consent';

let errors: ReturnType<typeof vi.spyOn>;
let warns: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  warns = vi.spyOn(console, 'warn').mockImplementation(() => {});
  document.head.innerHTML = '';
});
afterEach(() => vi.restoreAllMocks());

const DEFAULTS = resolveConfig({});

/** Resolves `input` and expects exactly one console.error that names `key`. */
const oneError = (input: unknown, key: string) => {
  const c = resolveConfig(input);
  expect(errors).toHaveBeenCalledTimes(1);
  expect(String(errors.mock.calls[0][0])).toContain(`"${key}"`);
  return c;
};

const loaderTag = (attrs: Record<string, string>) => {
  const s = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  return s;
};

describe('defaults', () => {
  it('no configuration at all gives four categories, basic consent mode, GPC honoured and a 182-day cookie', () => {
    expect(DEFAULTS.categories.map((c) => c.id)).toEqual(['necessary', 'preferences', 'analytics', 'marketing']);
    expect(DEFAULTS).toMatchObject({
      revision: '1',
      consentMode: 'basic',
      gpc: true,
      reloadOnWithdraw: true,
      openButton: 'auto',
      minorsNotice: false,
      cookie: { name: 'consentry', days: 182 },
      session: { name: 'consentry_session' },
      rules: [],
      allow: [],
    });
    expect(errors).not.toHaveBeenCalled();
  });

  it('only necessary is required', () => {
    expect(DEFAULTS.categories.filter((c) => c.required).map((c) => c.id)).toEqual(['necessary']);
  });

  it('a numeric revision is accepted and stored as a string', () => {
    expect(resolveConfig({ revision: 2 }).revision).toBe('2');
  });

  it('an openButton that cannot become a string (an array holding a null-prototype object) falls back to "auto" without throwing', () =>
    expect(oneError({ openButton: [Object.create(null)] }, 'openButton').openButton).toBe('auto'));

  it('an openButton array that reads as "auto" is not "auto"', () =>
    expect(oneError({ openButton: ['auto'] }, 'openButton').openButton).toBe('auto'));

  it('takes openButton true, false and "auto" as given', () => {
    for (const openButton of [true, false, 'auto']) expect(resolveConfig({ openButton }).openButton).toBe(openButton);
    expect(errors).not.toHaveBeenCalled();
  });

  it('has no serviceWorker unless one is configured, so the shield costs nothing by default', () =>
    expect(DEFAULTS.serviceWorker).toBeUndefined());

  it('takes serviceWorker as a relative or http(s) URL, or false', () => {
    for (const serviceWorker of ['/consentry-sw.js', 'sw/site.js', 'https://example.com/consentry-sw.js', false])
      expect(resolveConfig({ serviceWorker }).serviceWorker).toBe(serviceWorker);
    expect(errors).not.toHaveBeenCalled();
  });

  it('resolves a language with a region to its built-in language', () => {
    expect(resolveConfig({ language: 'de-AT' }).language).toBe('de');
    expect(resolveConfig({ language: 'pt-BR' }).language).toBe('pt');
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('each invalid key logs one error naming it and falls back', () => {
  it('cookie.days that is not a positive number logs the expected form and uses 182', () => {
    expect(oneError({ cookie: { days: 'abc' } }, 'cookie.days').cookie.days).toBe(182);
    expect(errors.mock.calls[0][0]).toBe(
      'Consentry config: "cookie.days" must be a positive number of days; using 182.',
    );
  });
  it('a negative cookie.days falls back to 182', () =>
    expect(oneError({ cookie: { days: -1 } }, 'cookie.days').cookie.days).toBe(182));
  it('an empty revision falls back to "1"', () => expect(oneError({ revision: '' }, 'revision').revision).toBe('1'));
  it('a cookie.name with `%` falls back to "consentry" (the writer encodes it as %25, so the record would never read back)', () =>
    expect(oneError({ cookie: { name: 'con%sent' } }, 'cookie.name').cookie.name).toBe('consentry'));

  it('a cookie.name that is not a cookie token falls back to "consentry"', () =>
    expect(oneError({ cookie: { name: 'a b;c' } }, 'cookie.name').cookie.name).toBe('consentry'));
  it('a bad cookie.domain is ignored', () =>
    expect(oneError({ cookie: { domain: 'a b' } }, 'cookie.domain').cookie.domain).toBeUndefined());
  it('a bad session.name falls back to "consentry_session"', () =>
    expect(oneError({ session: { name: '=' } }, 'session.name').session.name).toBe('consentry_session'));
  it('an unknown consentMode falls back to basic', () =>
    expect(oneError({ consentMode: 'full' }, 'consentMode').consentMode).toBe('basic'));
  it('a non-boolean gpc falls back to true', () => expect(oneError({ gpc: 'no' }, 'gpc').gpc).toBe(true));
  it('a non-boolean reloadOnWithdraw falls back to true', () =>
    expect(oneError({ reloadOnWithdraw: 0 }, 'reloadOnWithdraw').reloadOnWithdraw).toBe(true));
  it('an openButton other than true, false or "auto" falls back to "auto", so the way back stays', () =>
    expect(oneError({ openButton: 'yes' }, 'openButton').openButton).toBe('auto'));
  it('a non-boolean minorsNotice falls back to false', () =>
    expect(oneError({ minorsNotice: 'yes' }, 'minorsNotice').minorsNotice).toBe(false));
  it('a serviceWorker that is neither an http(s) or relative URL nor false is ignored: no shield, the page still blocks', () => {
    for (const serviceWorker of ['javascript:alert(1)', 'data:text/javascript,1', true, '', 3]) {
      errors.mockClear();
      expect(oneError({ serviceWorker }, 'serviceWorker').serviceWorker).toBeUndefined();
    }
    expect(errors.mock.calls[0][0]).toBe(
      'Consentry config: "serviceWorker" must be an http(s) or relative URL or false; ignored.',
    );
  });
  it('an unsupported language is ignored', () =>
    expect(oneError({ language: 'sv' }, 'language').language).toBeUndefined());
  it('a policyUpdated that is not YYYY-MM-DD is ignored', () =>
    expect(oneError({ policyUpdated: 'June 1' }, 'policyUpdated').policyUpdated).toBeUndefined());
  it('a rule without a configured category is dropped', () =>
    expect(oneError({ rules: [{ match: 'x.com', category: 'nope' }] }, 'rules[0]').rules).toEqual([]));
  it('a non-string allow entry is dropped', () =>
    expect(oneError({ allow: ['ok.com', 3] }, 'allow[1]').allow).toEqual(['ok.com']));
  it('a cookie table entry without a name is dropped', () =>
    expect(
      oneError({ categories: { analytics: { cookies: [{ provider: 'x' }] } } }, 'categories.analytics.cookies[0]')
        .categories[2].cookies,
    ).toEqual([]));
  it('a non-string text override is dropped', () =>
    expect(oneError({ texts: { en: { acceptAll: 1 } } }, 'texts.en.acceptAll').texts).toEqual({ en: {} }));
  it('a configuration that is not an object falls back to every default', () =>
    expect(oneError([1], 'config')).toEqual(DEFAULTS));
});

describe('the URL check', () => {
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x'])(
    'refuses %j as the policy URL',
    (url) => {
      expect(oneError({ policyUrl: url }, 'policyUrl').policyUrl).toBeUndefined();
    },
  );
  it.each(['javascript:alert(1)', 'data:,x'])('refuses %j as the receipts endpoint', (url) => {
    expect(oneError({ receipts: { endpoint: url } }, 'receipts.endpoint').receipts).toBeUndefined();
  });
  it.each([
    'https://example.com/privacy',
    'http://example.com/p',
    '/privacy',
    'privacy.html',
    '../p',
    '//cdn.example.com/p',
  ])('accepts %j as the policy URL', (url) => {
    expect(resolveConfig({ policyUrl: url }).policyUrl).toBe(url);
    expect(errors).not.toHaveBeenCalled();
  });
  it('accepts an http(s) receipts endpoint', () =>
    expect(resolveConfig({ receipts: { endpoint: '/consent' } }).receipts).toEqual({ endpoint: '/consent' }));
});

describe('categories', () => {
  it('necessary cannot be dropped', () => {
    expect(oneError({ categories: { necessary: false } }, 'categories.necessary').categories[0]).toMatchObject({
      id: 'necessary',
      required: true,
    });
  });
  it('a built-in category set to false is dropped', () => {
    expect(resolveConfig({ categories: { marketing: false } }).categories.map((c) => c.id)).toEqual([
      'necessary',
      'preferences',
      'analytics',
    ]);
  });
  it('categories can be renamed, described and added, built-ins first', () => {
    const c = resolveConfig({
      categories: { social: { title: 'Social' }, analytics: { title: { en: 'Stats' }, description: 'Counts' } },
    });
    expect(c.categories.map((x) => x.id)).toEqual(['necessary', 'preferences', 'analytics', 'marketing', 'social']);
    expect(c.categories[2]).toMatchObject({ title: { en: 'Stats' }, description: 'Counts' });
    expect(c.categories[4]).toMatchObject({ id: 'social', title: 'Social', required: false });
  });
  it('valid cookie table entries are kept with their fields', () => {
    const cookies = [{ name: '_ga', provider: 'Google', purpose: 'Counts visits', lifetime: '2 years' }];
    expect(resolveConfig({ categories: { analytics: { cookies } } }).categories[2].cookies).toEqual(cookies);
  });
  it('an added category whose value is not an object is dropped', () => {
    expect(oneError({ categories: { extra: 'yes' } }, 'categories.extra').categories.map((c) => c.id)).not.toContain(
      'extra',
    );
  });
  it('a category id that is not plain is refused', () => {
    expect(oneError({ categories: { 'a b': {} } }, 'categories.a b').categories).toHaveLength(4);
  });
});

it('an unknown key gets one warning and no error', () => {
  resolveConfig({ colour: 'red' });
  expect(warns).toHaveBeenCalledTimes(1);
  expect(String(warns.mock.calls[0][0])).toContain('"colour"');
  expect(errors).not.toHaveBeenCalled();
});

it('no input grants anything: from a config full of would-be grants, only necessary is allowed', () => {
  const c = resolveConfig({
    categories: { analytics: { allowed: true, default: true }, necessary: false },
    granted: ['analytics'],
    consent: { analytics: true },
    gpc: 'off',
  });
  const consent = createConsent(c, null, false);
  expect(Object.fromEntries(c.categories.map(({ id }) => [id, consent.allowed(id)]))).toEqual({
    necessary: true,
    preferences: false,
    analytics: false,
    marketing: false,
  });
});

describe('readConfig', () => {
  it('reads the JSON block', () => {
    document.head.innerHTML =
      '<script type="application/json" id="consentry-config">{"revision":"7","gpc":false}</script>';
    expect(readConfig(null, document)).toEqual({ revision: '7', gpc: false });
  });
  it('lets data-* on the loader tag override the same keys of the JSON', () => {
    document.head.innerHTML =
      '<script type="application/json" id="consentry-config">{"revision":"7","cookie":{"name":"a","days":30}}</script>';
    const tag = loaderTag({
      'data-revision': '8',
      'data-cookie-days': '90',
      'data-gpc': 'false',
      'data-receipts': '/r',
      'data-open-button': '',
    });
    expect(readConfig(tag, document)).toEqual({
      revision: '8',
      cookie: { name: 'a', days: 90 },
      gpc: false,
      receipts: { endpoint: '/r' },
      openButton: true,
    });
  });
  it('maps every data-* shorthand to its key', () => {
    const tag = loaderTag({
      'data-policy-url': '/p',
      'data-policy-updated': '2019-06-01',
      'data-language': 'zh-Hant',
      'data-cookie-name': 'c',
      'data-cookie-domain': 'example.com',
      'data-session-name': 's',
      'data-consent-mode': 'off',
      'data-reload-on-withdraw': 'false',
      'data-open-button': 'auto',
      'data-minors-notice': '',
      'data-service-worker': '/consentry-sw.js',
    });
    expect(resolveConfig(readConfig(tag, document))).toMatchObject({
      policyUrl: '/p',
      policyUpdated: '2019-06-01',
      language: 'zh-Hant',
      cookie: { name: 'c', domain: 'example.com' },
      session: { name: 's' },
      consentMode: 'off',
      reloadOnWithdraw: false,
      openButton: 'auto',
      minorsNotice: true,
      serviceWorker: '/consentry-sw.js',
    });
    expect(errors).not.toHaveBeenCalled();
  });
  it('reads data-service-worker="false" as false, the switch that removes the shield', () =>
    expect(resolveConfig(readConfig(loaderTag({ 'data-service-worker': 'false' }), document)).serviceWorker).toBe(
      false,
    ));
  it('keeps a data-* value that does not convert, so validation refuses it', () => {
    const input = readConfig(loaderTag({ 'data-cookie-days': 'abc' }), document);
    expect(input).toEqual({ cookie: { days: 'abc' } });
    expect(oneError(input, 'cookie.days').cookie.days).toBe(182);
    expect(errors.mock.calls[0][0]).toContain('must be a positive number of days');
  });
  it('logs one error on invalid JSON and uses defaults', () => {
    document.head.innerHTML = '<script type="application/json" id="consentry-config">{ revision: 2 </script>';
    expect(resolveConfig(readConfig(null, document))).toEqual(DEFAULTS);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});

it('resolveConfig never throws, even on a circular or BigInt value from init()', () => {
  const loop: any = {};
  loop.self = loop;
  expect(() => resolveConfig({ cookie: loop, gpc: 10n, categories: { analytics: loop } })).not.toThrow();
});
