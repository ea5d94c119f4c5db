import fc from 'fast-check';
import { resolveConfig } from '../../src/core/config';
import { LANGUAGES } from '../../src/core/language';
import type { ResolvedConfig } from '../../src/core/types';

// Property tests of the config validator: whatever a page gives it, it returns a config without throwing, and no
// config it returns can open the gate; a valid value of a key is kept as given.
const RUNS = 10_000;
// Bad keys log; thousands of them would only slow the run down.
const { error, warn } = console;
beforeAll(() => {
  console.error = console.warn = () => {};
});
afterAll(() => {
  Object.assign(console, { error, warn });
});

const KEYS = [
  'revision',
  'policyUrl',
  'policyUpdated',
  'language',
  'categories',
  'rules',
  'allow',
  'cookie',
  'session',
  'consentMode',
  'gpc',
  'reloadOnWithdraw',
  'receipts',
  'texts',
  'openButton',
  'minorsNotice',
];
const anything = fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withBigInt: true });
const text = fc.oneof(fc.string(), fc.constantFrom('javascript:alert(1)', ' java\tscript:x', 'data:,x', '//host/x'));
/** Values shaped like the key's, right or wrong. */
const near = fc.oneof(
  anything,
  text,
  fc.dictionary(
    fc.oneof(fc.constantFrom('necessary', 'analytics', 'name', 'days', 'domain', 'endpoint'), fc.string()),
    anything,
  ),
  fc.array(
    fc.record(
      {
        match: text,
        category: fc.oneof(fc.constantFrom('necessary', 'analytics', 'marketing', 'x'), anything),
        vendor: anything,
      },
      { requiredKeys: [] },
    ),
  ),
);
const input = fc.oneof(
  anything,
  fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), near, { maxKeys: 8 }),
  fc.record(
    {
      categories: fc.dictionary(
        fc.oneof(
          fc.constantFrom('necessary', 'preferences', 'analytics', 'marketing', '__proto__', 'constructor'),
          fc.string(),
        ),
        fc.oneof(fc.constant(false), fc.constant({}), anything),
      ),
      rules: near,
      allow: fc.array(anything),
      policyUrl: text,
      receipts: fc.record({ endpoint: text }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
);

/** Resolved against a page as a link or a beacon would be: http(s), or nothing at all (`\\\\` parses as no URL). */
const isHttpOrRelative = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value, 'https://site.example/page').protocol);
  } catch {
    return true;
  }
};

const COOKIE_NAME = /^[\w!#$&'*+.^`|~-]+$/;

/** Everything a resolved config must be, so that it cannot grant anything or point anywhere but http(s). */
function isClosed(config: ResolvedConfig): boolean {
  const ids = config.categories.map((category) => category.id);
  return (
    ids[0] == 'necessary' &&
    new Set(ids).size == ids.length &&
    config.categories.every(
      (category) => /^[a-z][\w-]{0,31}$/i.test(category.id) && category.required === (category.id == 'necessary'),
    ) &&
    config.rules.every((rule) => ids.includes(rule.category) && typeof rule.match == 'string') &&
    config.allow.every((exception) => typeof exception == 'string') &&
    [config.policyUrl, config.receipts?.endpoint].every((url) => url == null || isHttpOrRelative(url)) &&
    COOKIE_NAME.test(config.cookie.name) &&
    COOKIE_NAME.test(config.session.name) &&
    config.cookie.days > 0 &&
    config.cookie.days <= 3650 &&
    ['basic', 'advanced', 'off'].includes(config.consentMode) &&
    [config.gpc, config.reloadOnWithdraw, config.minorsNotice].every((flag) => typeof flag == 'boolean') &&
    typeof config.revision == 'string'
  );
}

describe('the config validator, for any input (10,000 inputs each)', () => {
  it('never throws', () => {
    fc.assert(
      fc.property(input, (given) => {
        resolveConfig(given);
      }),
      { numRuns: RUNS },
    );
  });

  it('no config opens the gate: plain unique categories, necessary first and alone required, rules on them, http(s) URLs', () => {
    fc.assert(
      fc.property(input, (given) => isClosed(resolveConfig(given))),
      { numRuns: RUNS },
    );
  });

  it('a valid value of each key survives as given', () => {
    const of = (characters: string, minLength: number, maxLength: number) =>
      fc.string({ unit: fc.constantFrom(...characters), minLength, maxLength });
    const domain = fc
      .tuple(of('abcxyz019-', 1, 12), fc.constantFrom('com', 'co.uk', 'example', 'xn--p1ai'))
      .map(([label, suffix]) => `${label}.${suffix}`);
    const path = of('abz09./?=&-_', 0, 20);
    const url = fc
      .tuple(fc.constantFrom('http', 'https', 'HTTPS'), domain, path)
      .map(([scheme, host, rest]) => `${scheme}://${host}/${rest}`);
    const valid = fc.record(
      {
        revision: fc.string({ minLength: 1, maxLength: 64 }).filter((value) => !!value.trim()),
        policyUrl: fc.oneof(
          url,
          path.map((rest) => '/' + rest),
        ),
        policyUpdated: fc
          .date({ min: new Date(0), max: new Date(Date.UTC(9999, 0)), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        language: fc.constantFrom(...LANGUAGES),
        cookie: fc.record({
          name: of("az_09!#$&'*+.^`|~-", 1, 20),
          days: fc.double({ min: 0.001, max: 3650, noNaN: true }),
          domain: domain,
        }),
        consentMode: fc.constantFrom('basic', 'advanced', 'off'),
        gpc: fc.boolean(),
        reloadOnWithdraw: fc.boolean(),
        receipts: fc.record({ endpoint: url }),
        openButton: fc.constantFrom(true, false, 'auto'),
        minorsNotice: fc.boolean(),
        rules: fc.array(
          fc.record({
            match: domain,
            category: fc.constantFrom('necessary', 'analytics', 'marketing', 'preferences'),
          }),
          { maxLength: 3 },
        ),
        allow: fc.array(domain, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(valid, (given) => {
        const resolved = resolveConfig(given) as unknown as Record<string, unknown>;
        return Object.entries(given).every(([key, value]) => JSON.stringify(resolved[key]) === JSON.stringify(value));
      }),
      { numRuns: RUNS },
    );
  });
});
