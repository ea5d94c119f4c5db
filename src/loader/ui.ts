import type { Lang } from '../core/language';
import { LATER_EVENT, type LaterParts } from '../core/later-contract';
import {
  handleWhenLoaded,
  type LanguageTexts,
  type MountUI,
  TEXTS_EVENT,
  UI_EVENT,
  type UIContext,
  type UIHandle,
  type UIView,
} from '../core/ui-contract';

/**
 * Where the lazy parts come from: the classic build fetches them as scripts beside the loader, the ES entry imports
 * them as chunks of the app's own build. Either way a returning visitor with nothing to show fetches neither.
 */
export interface LazyParts {
  /** The UI chunk's mount. */
  ui(): Promise<MountUI>;
  /** The built-in strings of one language (the UI's, and the blocked-embed placeholder's). */
  texts(lang: Lang): Promise<LanguageTexts>;
  /** What runs only once something happened: placeholders, the withdrawal purge, receipts. */
  later(): Promise<LaterParts>;
}

/** Runs `fn` once the document has a body: now, or at DOMContentLoaded. */
export const onDomReady = (doc: Document, fn: () => void): void =>
  doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();

/**
 * The classic build's parts: `consentry-ui.js`, `consentry-<lang>.js` and `consentry-later.js` next to the loader,
 * async so they never
 * block rendering, with the loader's nonce so nonce-based CSPs accept them. Each hands over its part through a
 * window event while it runs, which is before its `load` event: a load without it, or an error, rejects.
 */
export function classicParts(win: Window, loader: HTMLScriptElement | null): LazyParts {
  const doc = win.document;
  const fetchAnnounced = (file: string, event: string) =>
    new Promise<any>((resolve, reject) => {
      const script = doc.createElement('script');
      win.addEventListener(event, (announced) => resolve((announced as CustomEvent).detail), { once: true });
      script.src = new URL(file, loader?.src || doc.baseURI).href;
      script.async = true;
      if (loader?.nonce) script.nonce = loader.nonce;
      script.onload = script.onerror = () => reject(new Error(script.src + ' did not load'));
      (doc.head || doc.documentElement).appendChild(script);
    });
  return {
    ui: () => fetchAnnounced('consentry-ui.js', UI_EVENT),
    texts: (lang) => fetchAnnounced(`consentry-${lang}.js`, TEXTS_EVENT),
    later: () => fetchAnnounced('consentry-later.js', LATER_EVENT),
  };
}

export interface UiController {
  show(view: UIView): void;
  hide(): void;
}

/**
 * Loads the UI on first need (once the body exists) and shows the last view asked for. A UI that cannot load logs
 * one error and changes nothing else: no decision is made, so nothing is granted and blocking stays on.
 */
export function createUiController(win: Window, load: () => Promise<MountUI>, context: () => UIContext): UiController {
  let ui: UIHandle | undefined;
  const start = () =>
    (ui ||= handleWhenLoaded(
      load().then(
        (mount) => new Promise<UIHandle>((mounted) => onDomReady(win.document, () => mounted(mount(context())))),
      ),
    ));
  return {
    show: (view) => start().show(view),
    hide: () => ui?.hide(),
  };
}
