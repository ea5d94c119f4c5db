import { isRtl, langOf, pickLanguage } from '../../src/core/language';

const nav = (languages: string[]) => ({ languages, language: languages[0] }) as unknown as Navigator;
afterEach(() => {
  document.documentElement.lang = '';
  document.documentElement.dir = '';
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
  ['fr', undefined],
])('langOf reads the tag %s as the language %s', (tag, lang) => expect(langOf(tag)).toBe(lang));

it('pickLanguage prefers the config, then <html lang>, then the browser', () => {
  document.documentElement.lang = 'zh-TW';
  expect(pickLanguage('en', document, nav(['zh-CN']))).toBe('en');
  expect(pickLanguage(undefined, document, nav(['zh-CN']))).toBe('zh-Hant');
  document.documentElement.lang = '';
  expect(pickLanguage(undefined, document, nav(['zh-CN']))).toBe('zh-Hans');
});

it('pickLanguage skips languages Consentry lacks and falls back to English', () => {
  document.documentElement.lang = 'fr';
  expect(pickLanguage(undefined, document, nav(['de', 'zh-HK']))).toBe('zh-Hant');
  expect(pickLanguage(undefined, document, nav(['de']))).toBe('en');
});

it('isRtl reads right-to-left from <html dir>', () => {
  document.documentElement.dir = 'rtl';
  expect(isRtl(document)).toBe(true);
});
