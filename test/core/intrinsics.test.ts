import fc from 'fast-check';
import { createMatcher } from '../../src/catalogue/matcher';
import { matchText, replaceText, splitText } from '../../src/core/intrinsics';

// The captured helpers read as the built-ins they stand for, and keep doing so once a page replaced RegExp's methods.
const RUNS = 10_000;
/** Text of the characters the separators and patterns below care about, so matches are frequent. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', ';', '=', ',', '%', '2', 'e', '&', '"', '\\') });

const replaced = <T>(during: () => T): T => {
  const proto = RegExp.prototype;
  const saved = [proto.exec, proto.test, proto[Symbol.replace], proto[Symbol.split]] as const;
  proto.exec = () => null;
  proto.test = () => false;
  proto[Symbol.replace] = (input: string) => input;
  proto[Symbol.split] = (input: string) => [input];
  try {
    return during();
  } finally {
    [proto.exec, proto.test, proto[Symbol.replace], proto[Symbol.split]] = saved;
  }
};

describe('intrinsics', () => {
  it('splitText splits as String.prototype.split does', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(/[\t\n\f\r ]+/, /[=;]/, /[\s;,'"=]+/), (input, separator) => {
        expect(splitText(input, separator)).toEqual(input.split(separator));
      }),
      { numRuns: RUNS },
    );
  });

  it('replaceText replaces every match as String.prototype.replace with a global pattern does', () => {
    fc.assert(
      fc.property(text, (input) => {
        const swap = (found: string) => (found == '&' ? '&amp;' : '&quot;');
        expect(replaceText(input, /[&"]/, swap)).toBe(input.replace(/[&"]/g, swap));
        expect(replaceText(input, /\\(.)/, (_, escaped) => escaped!)).toBe(input.replace(/\\(.)/g, '$1'));
      }),
      { numRuns: RUNS },
    );
  });

  it("matchText, splitText and replaceText are unchanged by a page that replaced RegExp's methods", () => {
    const control = replaced(() => [/b/.test('abc'), 'a;b'.split(/;/)]);
    expect(control, 'control: the replacements are in effect').toEqual([false, ['a;b']]);
    expect(
      replaced(() => [matchText(/b/, 'abc')?.index, splitText('a;b', /;/), replaceText('a&b', /&/, () => '+')]),
    ).toEqual([1, ['a', 'b'], 'a+b']);
  });

  it("the matcher still names a tracker URL and cookie once a page replaced RegExp's methods", () => {
    const matcher = createMatcher({ rules: [], allow: [], cookies: [], base: 'https://site.test/' });
    expect(
      replaced(() => [
        matcher.url('https://www.google-analytics.com/g/collect?v=2')?.vendor,
        matcher.url('https://WWW.google-analytics.com./%63ollect')?.vendor,
        matcher.cookie('_ga_ABC123')?.vendor,
      ]),
    ).toEqual(['Google Analytics', 'Google Analytics', 'Google Analytics']);
  });
});
