import type { Lang } from '../core/language';

/**
 * The floating open button's accessible name in each built-in language: the title of the dialog it opens (each
 * language file's `preferencesTitle`; test/loader/open-button-labels.test.ts keeps the two the same). It lives in the
 * loader, not in the language files, so that a returning visitor's page view fetches nothing but the loader: the
 * button needs no other string. Typed by `Lang`, so a language added to LANGUAGES without its label does not build.
 */
export const OPEN_BUTTON_LABELS: Record<Lang, string> = {
  en: 'Cookie settings',
  'zh-Hant': 'Cookie 設定',
  'zh-Hans': 'Cookie 设置',
  de: 'Cookie-Einstellungen',
  fr: 'Paramètres des cookies',
  es: 'Configuración de cookies',
  it: 'Impostazioni cookie',
  nl: 'Cookie-instellingen',
  pt: 'Opções de cookies',
  pl: 'Ustawienia plików cookie',
  ja: 'Cookie設定',
  ko: '쿠키 설정',
  ar: 'إعدادات ملفات تعريف الارتباط',
};
