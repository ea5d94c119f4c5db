/**
 * The languages with built-in texts, as BCP 47 tags: one file each in src/ui/i18n/<tag>.ts. Adding a language is
 * that file, its entry here and its label in src/loader/open-button-labels.ts; the build, the loader, the config
 * validator and the ES entry all read this list.
 */
export const LANGUAGES = [
  'en',
  'zh-Hant',
  'zh-Hans',
  'de',
  'fr',
  'es',
  'it',
  'nl',
  'pt',
  'pl',
  'ja',
  'ko',
  'ar',
] as const;

export type Lang = (typeof LANGUAGES)[number];

/**
 * The built-in language for a BCP 47 tag, or undefined when none fits. Chinese goes by script (a region implies one:
 * Taiwan, Hong Kong and Macao write Traditional); any other language by its primary subtag, so a region falls back
 * to its language.
 */
export const langOf = (tag?: string | null): Lang | undefined => {
  if (typeof tag != 'string') return;
  if (/^zh\b/i.test(tag)) return /^zh-(hant|tw|hk|mo)\b/i.test(tag) ? 'zh-Hant' : 'zh-Hans';
  const primary = /^[a-z]{2,3}\b/i.exec(tag)?.[0].toLowerCase();
  return LANGUAGES.find((lang) => lang == primary);
};

/**
 * Config (already normalised), then `<html lang>`, then the first of the browser's languages that we have,
 * then English. A page in an unsupported language falls through to the visitor's own preferences.
 */
export const pickLanguage = (configured: string | undefined, doc: Document, nav: Navigator): Lang =>
  [configured, doc.documentElement.lang, ...nav.languages].map(langOf).find(Boolean) || 'en';

/**
 * Whether a language is written right to left. The banner's direction follows its own language, not the page's
 * `<html dir>`: an Arabic banner reads right to left on any page, an English one left to right. The list holds the
 * right-to-left languages in wide use, so adding one of them to LANGUAGES needs no second entry here.
 */
export const isRtl = (lang: string): boolean => /^(ar|he|fa|ur|ps|sd|ug|yi|dv|ckb)\b/.test(lang);
