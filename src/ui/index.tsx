import type { MountUI, UIHandle, UIView } from './types';
import type { UITexts } from './texts';
import { mount as mountWith } from './mount';

/** Each language a chunk of the app's own build, so a visitor downloads only theirs. */
const langs: Record<string, () => Promise<{ default: UITexts }>> = {
  en: () => import('./i18n/en'),
  'zh-Hant': () => import('./i18n/zh-Hant'),
  'zh-Hans': () => import('./i18n/zh-Hans'),
};

/**
 * The ES entry's `mount` (src/index.ts imports this module lazily): the same UI, with the built-in strings of
 * `ctx.lang` (English if unknown) imported when the context has none. Views asked for meanwhile wait for them;
 * like the classic chunk, strings that cannot load log one error and decide nothing.
 */
export const mount: MountUI = (ctx) => {
  if (ctx.texts) return mountWith(ctx);
  let handle: UIHandle | undefined, want: UIView | undefined;
  (langs[ctx.lang] || langs.en)()
    .then((m) => {
      handle = mountWith({ ...ctx, texts: m.default });
      if (want) handle.show(want);
    })
    .catch((e) =>
      console.error('Consentry: the consent banner could not load, so nothing is allowed and blocking stays on.', e),
    );
  return {
    show: (view) => (handle ? handle.show(view) : (want = view)),
    hide: () => (handle ? handle.hide() : (want = undefined)),
  };
};
