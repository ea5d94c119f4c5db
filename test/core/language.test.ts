import { isRtl, LANGUAGES, langOf, pickLanguage } from '../../src/core/language';

const nav = (languages: string[]) => ({ languages, language: languages[0] }) as unknown as Navigator;
afterEach(() => {
  document.documentElement.lang = '';
});

it('LANGUAGES has the thirteen built-in languages', () => {
  expect([...LANGUAGES].sort()).toEqual(
    ['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'zh-Hans', 'zh-Hant'].sort(),
  );
});

it.each([
  ['zh-TW', 'zh-Hant'],
  ['zh-HK', 'zh-Hant'],
  ['zh-MO', 'zh-Hant'],
  ['zh-Hant-TW', 'zh-Hant'],
  ['zh', 'zh-Hans'],
  ['zh-CN', 'zh-Hans'],
  ['zh-SG', 'zh-Hans'],
  ['zh-Hans-HK', 'zh-Hans'],
  ['en-GB', 'en'],
  ['de-AT', 'de'],
  ['de-CH', 'de'],
  ['pt-BR', 'pt'],
  ['pt-PT', 'pt'],
  ['fr-CA', 'fr'],
  ['es-419', 'es'],
  ['nl-BE', 'nl'],
  ['ar-EG', 'ar'],
  ['JA-jp', 'ja'],
  ['ko-KR', 'ko'],
  ['pl', 'pl'],
  ['it-CH', 'it'],
  ['sv-SE', undefined],
  ['arn', undefined],
  ['', undefined],
])('langOf reads the tag %j as the language %s', (tag, lang) => expect(langOf(tag)).toBe(lang));

it('langOf reads every built-in language as itself', () => {
  for (const lang of LANGUAGES) expect(langOf(lang), lang).toBe(lang);
});

it('pickLanguage prefers the config, then <html lang>, then the browser', () => {
  document.documentElement.lang = 'zh-TW';
  expect(pickLanguage('en', document, nav(['zh-CN']))).toBe('en');
  expect(pickLanguage(undefined, document, nav(['zh-CN']))).toBe('zh-Hant');
  document.documentElement.lang = '';
  expect(pickLanguage(undefined, document, nav(['zh-CN']))).toBe('zh-Hans');
});

it('pickLanguage falls back from a region to its language at every step', () => {
  document.documentElement.lang = 'de-AT';
  expect(pickLanguage(undefined, document, nav(['en-US']))).toBe('de');
  document.documentElement.lang = '';
  expect(pickLanguage(undefined, document, nav(['pt-BR', 'en']))).toBe('pt');
});

it('pickLanguage skips languages Consentry lacks and falls back to English', () => {
  document.documentElement.lang = 'sv';
  expect(pickLanguage(undefined, document, nav(['fi', 'zh-HK']))).toBe('zh-Hant');
  expect(pickLanguage(undefined, document, nav(['fi']))).toBe('en');
});

it('isRtl knows Arabic as the one built-in language written right to left', () => {
  expect(isRtl('ar')).toBe(true);
  expect(isRtl('en')).toBe(false);
  expect(LANGUAGES.filter(isRtl)).toEqual(['ar']);
});
