import type { Lang } from './core/language';
import type { Config, Consentry } from './core/types';
import type { LanguageTexts } from './core/ui-contract';
import { start } from './loader/start';

export type * from './core/types';

/** Each language file a chunk of the app's own build, so a visitor downloads only theirs. */
const languageFiles = import.meta.glob<LanguageTexts>('./ui/i18n/*.ts', { import: 'default' });

let instance: Consentry | undefined;

/**
 * Starts Consentry in an app that bundles it: the same startup as the script tag, with the config given here and
 * the UI, the language files and the later parts as lazy chunks of the app's own build. Call it as early as possible; calling it again
 * returns the same API.
 */
export function init(config: Config = {}): Consentry {
  instance ||= start(window, config, {
    ui: () => import('./ui/mount').then((ui) => ui.mount),
    texts: (lang: Lang) => languageFiles[`./ui/i18n/${lang}.ts`](),
    later: () => import('./later/index').then((chunk) => chunk.later),
  });
  return instance;
}

/** The API once `init()` has run; using it before throws an error that says so. */
export const consentry: Consentry = new Proxy({} as Consentry, {
  get(_, key) {
    if (!instance) throw new Error('Consentry: call init(config) before using consentry.');
    return (instance as any)[key];
  },
});
