import { LANGUAGES } from '../../src/core/language';
import { builtIn } from './fake-api';

/**
 * The string sets of src/ui/i18n/, one per entry of LANGUAGES: complete, filled in where the code fills them in,
 * translated (no English left but words the language itself uses), and with "Accept all" and "Reject all" of
 * comparable length, so neither button is nudged by its size.
 */

const en = builtIn.en;
const TRANSLATED = LANGUAGES.filter((lang) => lang != 'en');

/** Every string of a file with its key path (`categories.analytics.title`). */
const entries = (texts: object, prefix = ''): [string, string][] =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value == 'string' ? [[prefix + key, value]] : entries(value, prefix + key + '.'),
  );

/** The placeholders a string carries, such as `{date}`. */
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

/** Proper names, the same in every language. */
const BRAND_NAMES = /Global Privacy Control|GPC/g;

/** The distinct words written in Latin letters (with accents), lower-cased; CJK and Arabic text has none. */
const latinWords = (texts: object) =>
  new Set(
    entries(texts)
      .map(([, text]) => text.replace(/\{\w+\}/g, ' ').replace(BRAND_NAMES, ' '))
      .join(' ')
      .match(/[A-Za-z\u00C0-\u024F]+/g)
      ?.map((word) => word.toLowerCase()),
  );

const ENGLISH = latinWords(en);

/**
 * Words spelled as in English that are the language's own: loanwords its sites and regulators use ("cookie",
 * "browser", "marketing", "privacy", "pixel", "ID"), and native words that happen to look English (German and
 * Dutch "in", Dutch "of" = "or", "we", "is"; Spanish, Italian, Portuguese and Polish "a"; Portuguese "as";
 * French "site", "signal", "parent", "session"; Italian "all" of "all’altro", "social" as in "i social").
 */
const OWN_WORDS: Record<string, string[]> = {
  'zh-Hant': ['cookie'],
  'zh-Hans': ['cookie'],
  de: ['cookie', 'cookies', 'browser', 'signal', 'marketing', 'in', 'name', 'id'],
  fr: ['cookies', 'site', 'signal', 'parent', 'session', 'pixels'],
  es: ['cookies', 'a', 'id'],
  it: ['cookie', 'privacy', 'browser', 'social', 'in', 'a', 'all', 'id'],
  nl: ['cookie', 'cookies', 'privacy', 'browser', 'marketing', 'media', 'pixels', 'we', 'in', 'of', 'is', 'id'],
  pt: ['cookies', 'site', 'sites', 'pixels', 'a', 'as', 'id'],
  pl: ['cookie', 'a'],
  ja: ['cookie', 'id'],
  ko: ['id'],
  ar: [],
};

/** The English words of a translated file that are not its own. */
const englishLeft = (lang: string, texts: object) =>
  [...latinWords(texts)].filter((word) => ENGLISH.has(word) && !OWN_WORDS[lang].includes(word));

const length = (text: string) => [...text].length;

it('ships one file for each entry of LANGUAGES, and no other', () => {
  expect(Object.keys(builtIn).sort()).toEqual([...LANGUAGES].sort());
});

it('lists the own words of every translated language, and only of those', () => {
  expect(Object.keys(OWN_WORDS).sort()).toEqual([...TRANSLATED].sort());
});

describe.each(LANGUAGES)('%s', (lang) => {
  const texts = builtIn[lang];

  it('has every key of the English file and no other', () => {
    expect(entries(texts).map(([key]) => key)).toEqual(entries(en).map(([key]) => key));
  });

  it('has no empty string and none with leading, trailing or double spaces', () => {
    for (const [key, text] of entries(texts)) expect(text, key).toMatch(/^\S(.*\S)?$/s);
    for (const [key, text] of entries(texts)) expect(text, key).not.toMatch(/ {2}/);
  });

  it('keeps exactly the placeholders of each English string', () => {
    const english = Object.fromEntries(entries(en));
    for (const [key, text] of entries(texts)) expect(placeholders(text), key).toEqual(placeholders(english[key]));
  });

  it('words "Accept all" and "Reject all" within 1.6 times of each other’s length', () => {
    const [shorter, longer] = [length(texts.acceptAll), length(texts.rejectAll)].sort((a, b) => a - b);
    expect(longer / shorter).toBeLessThanOrEqual(1.6);
  });
});

describe.each(TRANSLATED)('%s', (lang) => {
  const texts = builtIn[lang];

  it('leaves no English but brand names and the words the language itself uses', () => {
    expect(englishLeft(lang, texts)).toEqual([]);
  });

  it('words the buttons differently from English', () => {
    for (const key of ['acceptAll', 'rejectAll', 'withdrawAll', 'customise', 'save'] as const)
      expect(texts[key], key).not.toBe(en[key]);
  });
});

it('the English check finds an English string left in a translation (the control for the test above)', () => {
  const { de } = builtIn;
  expect(englishLeft('de', { ...de, acceptAll: en.acceptAll, recordNone: en.recordNone })).toEqual([
    'accept',
    'all',
    'you',
    'have',
    'not',
    'made',
    'a',
    'choice',
    'yet',
  ]);
});

it('the length check fails a pair that is too far apart (the control for the test above)', () => {
  const [shorter, longer] = [length('OK'), length(builtIn.de.rejectAll)].sort((a, b) => a - b);
  expect(longer / shorter).toBeGreaterThan(1.6);
});

it('writes Arabic with Arabic commas and question marks', () => {
  for (const [key, text] of entries(builtIn.ar)) expect(text, key).not.toMatch(/[,;?]/);
});
