import type { Consentry, ResolvedConfig, Texts } from './types';

/**
 * The contract between the loader and the lazily loaded UI: what the loader hands the UI chunk, how the chunk and
 * the language files announce themselves, and the handle the loader drives. The loader and the UI both import this;
 * neither imports the other.
 */

/** Every built-in string of one language, as its file in src/ui/i18n/ holds it (the open button's is the loader's). */
export interface LanguageTexts extends Omit<Texts, 'openButton'> {
  /** Purpose of the session login cookie. */
  loginCookie: string;
  /** Purpose of the consent record cookie. */
  consentCookie: string;
}

/** What the loader hands the lazily loaded UI. */
export interface UIContext {
  api: Consentry;
  config: ResolvedConfig;
  /** Resolved language, one of LANGUAGES (src/core/language.ts). */
  lang: string;
  /** `lang` is written right to left (`isRtl`): the UI's direction follows its language, whatever the page's. */
  rtl: boolean;
  /** Global Privacy Control is on and honoured: marketing is denied by default and the banner says so. */
  gpc: boolean;
  /**
   * The built-in strings of `lang`, which the UI chunk does not carry: the classic loader fetches them as
   * `consentry-<lang>.js` beside the chunk; the ES entry (ui/index.tsx) imports them when absent.
   */
  texts?: LanguageTexts;
  /** Called by the UI once a view has rendered (tests and the loader use it). */
  onShown?(view: UIView): void;
}

export type UIView = 'banner' | 'preferences';

export interface UIHandle {
  show(view: UIView): void;
  hide(): void;
}

export type MountUI = (context: UIContext) => UIHandle;

/** The UI chunk announces itself with this window event; `detail` is its mount function. */
export const UI_EVENT = 'consentry:ui';

/** A language file (`consentry-<lang>.js`) announces itself with this window event; `detail` is its `LanguageTexts`. */
export const TEXTS_EVENT = 'consentry:texts';

/**
 * A handle for a UI that is still loading: the last view asked for meanwhile is shown once it is ready. A UI that
 * cannot load logs one error and changes nothing else: no decision is made, so nothing is granted.
 */
export function handleWhenLoaded(loading: Promise<UIHandle>): UIHandle {
  let loaded: UIHandle | undefined;
  let wanted: UIView | undefined;
  loading
    .then((handle) => {
      loaded = handle;
      if (wanted) handle.show(wanted);
    })
    .catch((error) =>
      console.error(
        'Consentry: the consent banner could not load, so nothing is allowed and blocking stays on.',
        error,
      ),
    );
  return {
    show(view) {
      if (loaded) loaded.show(view);
      else wanted = view;
    },
    hide() {
      if (loaded) loaded.hide();
      else wanted = undefined;
    },
  };
}
