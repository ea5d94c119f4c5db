import fc from 'fast-check';
import { resolveConfig } from '../../src/core/config';
import { readRecord, recordFields, writeRecord } from '../../src/core/record';
import type { ConsentRecord, ResolvedConfig } from '../../src/core/types';
import { consentRecord } from '../fixtures/record';

// Property tests of the consent record's parser: whatever a cookie string holds, it grants nothing that a record
// the loader wrote did not say; and what the loader writes reads back as it was.
const RUNS = 10_000;
const config = resolveConfig({});
const METHODS = ['accept-all', 'reject-all', 'custom', 'api', 'gpc'] as const;

/** FNV-1a, base 36, over the six fields: the checksum as the writer computes it, written out again here. */
const checksum = (text: string) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(36);
};
/** The cookie value for any object, with the checksum the loader would give its six fields. */
const sealed = (candidate: Record<string, unknown>) => {
  const json = JSON.stringify(recordFields(candidate));
  return encodeURIComponent(json.slice(0, -1) + `,"c":"${checksum(json)}"}`);
};
const read = (cookie: string, resolved: ResolvedConfig = config) =>
  readRecord(resolved, { cookie } as unknown as Document);

/** What the loader's writer puts in the cookie for `stored` under `resolved` (its encoding included). */
let lastWrite = '';
beforeAll(() => {
  vi.spyOn(document, 'cookie', 'set').mockImplementation((value) => void (lastWrite = value));
});
afterAll(() => vi.restoreAllMocks());
const written = (resolved: ResolvedConfig, stored: ConsentRecord) => {
  writeRecord(resolved, stored);
  return lastWrite.split(';')[0];
};

const uuid = fc.uuid();
const isoTime = fc
  .date({ min: new Date(Date.UTC(1970, 0, 2)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((date) => date.toISOString());
const id = fc.stringMatching(/^[a-zA-Z][\w-]{0,31}$/);
const record = (ids: string[], revision: string): fc.Arbitrary<ConsentRecord> =>
  fc
    .record({
      id: uuid,
      given: isoTime,
      updated: isoTime,
      method: fc.constantFrom(...METHODS),
      granted: fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }),
    })
    .map(({ granted, ...fields }) => ({
      ...fields,
      revision,
      categories: Object.fromEntries(ids.map((category, i) => [category, category == 'necessary' || granted[i]])),
    }));

/** A field as a hand-made or damaged cookie may have it: right, wrapped in an array, of another type, or absent. */
const field = <T>(right: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 12, arbitrary: right },
    { weight: 1, arbitrary: right.map((value) => [value]) },
    { weight: 1, arbitrary: right.map((value) => [value, ...Array(23).fill('')]) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const nearRecord = fc.record(
  {
    id: field(uuid),
    revision: field(fc.constantFrom('1', '1', '1', '2')),
    given: field(isoTime),
    updated: field(isoTime),
    method: field(fc.constantFrom(...METHODS)),
    categories: field(
      fc.dictionary(
        fc.constantFrom('necessary', 'analytics', 'marketing', 'other'),
        fc.oneof(fc.boolean(), fc.jsonValue({ maxDepth: 1 })),
      ),
    ),
  },
  { requiredKeys: [] },
);

const isIsoTime = (value: unknown) => typeof value == 'string' && new Date(value).toJSON() === value;

describe('no cookie string ever grants a category (10,000 cookies each)', () => {
  it('an arbitrary cookie string reads as no record', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary' }).map((text) => 'consentry=' + text),
        ),
        (cookie) => {
          expect(read(cookie)).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('an arbitrary JSON value in the consent cookie, without the checksum, reads as no record', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        expect(read('consentry=' + encodeURIComponent(JSON.stringify(value)))).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('a valid record with any one character changed reads as the same record or as none', () => {
    const original = consentRecord({ analytics: true });
    const cookie = written(config, original);
    fc.assert(
      fc.property(
        fc.nat({ max: cookie.length - 1 }),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }),
        (at, text) => {
          const mutated = cookie.slice(0, at) + text + cookie.slice(at + 1);
          const got = read(mutated);
          if (got) expect(got).toEqual(original);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a record whose categories were changed after it was sealed reads as no record', () => {
    fc.assert(
      fc.property(record(['necessary', 'preferences', 'analytics', 'marketing'], '1'), fc.nat({ max: 2 }), (r, i) => {
        const cookie = written(config, r);
        const name = ['preferences', 'analytics', 'marketing'][i];
        const value = r.categories[name];
        const json = decodeURIComponent(cookie.slice('consentry='.length));
        const edited = json.replace(`"${name}":${value}`, `"${name}":${!value}`);
        return edited != json && read('consentry=' + encodeURIComponent(edited)) === null;
      }),
      { numRuns: RUNS },
    );
  });

  it('a sealed object reads back only in the loader shape, granting only what it said true', () => {
    fc.assert(
      fc.property(nearRecord, (candidate) => {
        const got = read('consentry=' + sealed(candidate));
        if (!got) return;
        expect(got.id).toMatch(/^[\da-f]{8}-([\da-f]{4}-){3}[\da-f]{12}$/i);
        expect(typeof got.id).toBe('string');
        expect(got.revision).toBe('1');
        expect(isIsoTime(got.given) && isIsoTime(got.updated)).toBe(true);
        expect(METHODS).toContain(got.method);
        expect(Object.keys(got.categories)).toEqual(config.categories.map((category) => category.id));
        for (const [category, value] of Object.entries(got.categories))
          expect(value).toBe((candidate.categories as any)[category] === true);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('a record the loader wrote reads back the same (10,000 configs and records)', () => {
  const configs = fc
    .record({
      revision: fc.string({ minLength: 1, maxLength: 64 }).filter((text) => !!text.trim()),
      name: fc.stringMatching(/^[\w!#$%&'*+.^`|~-]{1,20}$/),
      extra: fc.uniqueArray(id, { maxLength: 4 }),
      dropped: fc.subarray(['preferences', 'analytics', 'marketing']),
    })
    .map(({ revision, name, extra, dropped }) =>
      resolveConfig({
        revision,
        cookie: { name },
        categories: Object.fromEntries([
          ...extra.map((category) => [category, {}]),
          ...dropped.map((category) => [category, false]),
        ]),
      }),
    );

  it('writing then reading gives the record back, field for field', () => {
    // A generated cookie name with `%` is refused (one error each): quiet, and without recording thousands of calls.
    const { error } = console;
    console.error = () => {};
    onTestFinished(() => {
      console.error = error;
    });
    fc.assert(
      fc.property(
        configs.chain((resolved) =>
          fc.tuple(
            fc.constant(resolved),
            record(
              resolved.categories.map((category) => category.id),
              resolved.revision,
            ),
          ),
        ),
        ([resolved, r]) => {
          return JSON.stringify(read(written(resolved, r), resolved)) === JSON.stringify(recordFields(r));
        },
      ),
      { numRuns: RUNS },
    );
  });
});
