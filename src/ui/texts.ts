import type { ResolvedConfig, Text } from '../core/types';
import type { LanguageTexts } from '../core/ui-contract';

/** A configured `Text` in `lang`: the string itself, or that language's entry, or the English one. */
export const textIn = (text: Text | undefined, lang: string): string | undefined =>
  typeof text == 'object' ? (text[lang] ?? text.en) : text;

/** The built-in strings of `lang`, the site's overrides on top, and a title and description for every configured category. */
export function resolveTexts(config: ResolvedConfig, lang: string, builtIn: LanguageTexts): LanguageTexts {
  const categories: LanguageTexts['categories'] = {};
  for (const category of config.categories) {
    const fallback = builtIn.categories[category.id];
    categories[category.id] = {
      title: textIn(category.title, lang) ?? fallback?.title ?? category.id,
      description: textIn(category.description, lang) ?? fallback?.description ?? '',
    };
  }
  return { ...builtIn, ...config.texts[lang], categories };
}

/** The "last updated" line; the ISO date is shown in the visitor's language, read as UTC so it never shifts a day. */
export function policyUpdatedLine(texts: LanguageTexts, date: string, lang: string): string {
  // Anything but a valid YYYY-MM-DD is shown as written: Date() would guess at it (V8 reads "spring 2019" as 1 Jan).
  let shown = date;
  try {
    if (/^\d{4}-\d\d-\d\d$/.test(date))
      shown = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(date));
  } catch {
    // An impossible date such as 2019-13-45.
  }
  return texts.policyUpdated.replace('{date}', shown);
}
