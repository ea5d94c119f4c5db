import type { ResolvedConfig, Text, Texts } from '../core/types';

/**
 * The strings the UI shows: `Texts` without the blocked-embed ones (the loader shows those), plus the two rows
 * the UI itself adds to the necessary cookie table. One file per language in ./i18n.
 */
export interface UITexts extends Omit<Texts, 'embedBlocked' | 'embedAllow'> {
  /** Purpose of the session login cookie. */
  loginCookie: string;
  /** Purpose of the consent record cookie. */
  consentCookie: string;
}

/** A configured `Text` in `lang`: the string itself, or that language's entry, or the English one. */
export const pick = (v: Text | undefined, lang: string): string | undefined =>
  typeof v == 'object' ? (v[lang] ?? v.en) : v;

/** The built-in strings of `lang`, the site's overrides on top, and a title and description for every configured category. */
export function resolveTexts(config: ResolvedConfig, lang: string, base: UITexts): UITexts {
  const categories: Texts['categories'] = {};
  for (const c of config.categories) {
    const b = base.categories[c.id];
    categories[c.id] = {
      title: pick(c.title, lang) ?? b?.title ?? c.id,
      description: pick(c.description, lang) ?? b?.description ?? '',
    };
  }
  return { ...base, ...config.texts[lang], categories };
}

/** The "last updated" line; the ISO date is shown in the visitor's language, read as UTC so it never shifts a day. */
export function updated(t: UITexts, date: string, lang: string): string {
  // Anything but a valid YYYY-MM-DD is shown as written: Date() would guess at it (V8 reads "spring 2019" as 1 Jan).
  let d = date;
  try {
    if (/^\d{4}-\d\d-\d\d$/.test(date))
      d = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(date));
  } catch {
    // An impossible date such as 2019-13-45.
  }
  return t.policyUpdated.replace('{date}', d);
}
