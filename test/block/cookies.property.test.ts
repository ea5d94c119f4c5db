import fc from 'fast-check';
import { guardCookies } from '../../src/block/cookies';
import { createGate } from '../../src/block/gate';
import { KEEP as keep, cookieMatcher as matcher, openRecordingPage, type RecordingPage } from '../fixtures/cookie-jar';
import { chromiumOutcome, rfcOutcome } from '../fixtures/cookie-line';

// Property tests of the document.cookie guard's reading of attributes, against an independent model of what a
// browser stores (test/fixtures/cookie-line.ts). Nothing is allowed, so every tracking cookie is held.
const RUNS = 10_000;
let page: RecordingPage;
beforeAll(() => {
  page = openRecordingPage('https://www.shop.test/');
  guardCookies(page.win, createGate({ matcher, allowed: () => false, report: () => {}, keep }));
});
afterAll(() => page.close());
beforeEach(() => {
  page.writes.length = 0;
});

const write = (text: string) => {
  page.writes.length = 0;
  page.win.document.cookie = text;
  return [...page.writes];
};

const space = fc.constantFrom('', ' ', '\t', '  ', ' \t');
const casing = (name: string) =>
  fc
    .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
    .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
const date = fc.date({ min: new Date(0), max: new Date(Date.UTC(2400, 0)), noInvalidDate: true });
/** A Max-Age value: valid (digits, maybe negative) or one of the forms RFC 6265bis ignores. */
const maxAgeValue = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }).map(String),
  fc.constantFrom('-0', '0', '007', '', '-', '+5', '+0', '1x', '-1x', '0.5', '1e3', '- 1', 'abc', ' 5 '),
);
/** An Expires value: a date in the form browsers and Date.parse agree on, or one neither can read. */
const expiresValue = fc.oneof(
  date.map((d) => d.toUTCString()),
  fc.constantFrom('', 'never', 'soon', 'Thu', 'GMT'),
);
const attribute = (name: string, value: fc.Arbitrary<string>) =>
  fc.tuple(space, casing(name), space, space, value, space).map(([a, n, b, c, v, d]) => `${a}${n}${b}=${c}${v}${d}`);
const otherAttribute = fc.constantFrom('path=/', 'domain=shop.test', 'Secure', 'SameSite=Lax', 'HttpOnly', 'x=y', '');
const wellFormedAttributes = fc.array(
  fc.oneof(attribute('max-age', maxAgeValue), attribute('expires', expiresValue), otherAttribute),
  { maxLength: 6 },
);
/** Anything after the cookie's value: the forms above mixed with arbitrary text. */
const anyAttributes = fc.array(
  fc.oneof(
    attribute('max-age', maxAgeValue),
    attribute('expires', fc.oneof(expiresValue, fc.string())),
    otherAttribute,
    fc.string({ unit: 'binary', maxLength: 24 }).map((text) => text.replaceAll(';', '')),
  ),
  { maxLength: 8 },
);
const trackingName = fc.constantFrom('_ga', '_ga_ABC123', '_fbp');
const cookieValue = fc.string({ maxLength: 12 }).map((text) => text.replace(/[;=]/g, ''));
const line = (attributes: fc.Arbitrary<string[]>) =>
  fc.tuple(trackingName, cookieValue, attributes).map(([name, value, list]) => [`${name}=${value}`, ...list].join(';'));

describe('the cookie guard, for any attributes (10,000 lines each)', () => {
  it('a tracking cookie write is refused whatever attributes follow: what reaches the browser only deletes', () => {
    fc.assert(
      fc.property(line(anyAttributes), (text) => {
        for (const written of write(text)) {
          expect(rfcOutcome(written)).toBe('deletion');
          expect(chromiumOutcome(written)).toBe('deletion');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with well-formed attributes, a tracking cookie line passes exactly when RFC 6265bis reads it as a deletion', () => {
    fc.assert(
      fc.property(line(wellFormedAttributes), (text) => {
        expect(write(text).length).toBe(rfcOutcome(text) == 'deletion' ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('a cookie nobody holds goes out exactly as written, whatever its attributes', () => {
    fc.assert(
      fc.property(cookieValue, anyAttributes, (value, list) => {
        const text = [`theme=${value}`, ...list].join(';');
        expect(write(text)).toEqual([text]);
      }),
      { numRuns: RUNS },
    );
  });
});
