/** The languages with built-in texts. */
export type Lang = 'en' | 'zh-Hant' | 'zh-Hans';

/** A built-in language for a BCP 47 tag, or undefined when none fits (`fr`). Script subtags win over regions. */
export const langOf = (t?: string | null): Lang | undefined =>
  /^zh-(hant|tw|hk|mo)\b/i.test(t!) ? 'zh-Hant' : /^zh\b/i.test(t!) ? 'zh-Hans' : /^en\b/i.test(t!) ? 'en' : undefined;

/**
 * Config (already normalised), then `<html lang>`, then the first of the browser's languages that we have,
 * then English. A page in an unsupported language falls through to the visitor's own preferences.
 */
export const pickLanguage = (configured: string | undefined, doc: Document, nav: Navigator): Lang =>
  [configured, doc.documentElement.lang, ...nav.languages].map(langOf).find(Boolean) || 'en';

export const isRtl = (doc: Document): boolean => /rtl/i.test(doc.documentElement.dir);
