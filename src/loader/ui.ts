import type { MountUI, UIContext, UIHandle, UITexts, UIView } from '../ui/types';
import { TEXTS_EVENT, UI_EVENT } from '../ui/types';

/** Fetches the UI's `mount` for `lang`, however this build gets it (chunk scripts, or a dynamic import). */
export type LoadUI = (lang: string) => Promise<MountUI>;

/** Runs `fn` once the document has a body: now, or at DOMContentLoaded. */
export const onDomReady = (doc: Document, fn: () => void): void =>
  doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();

/**
 * The classic build's UI: `consentry-ui.js` and `consentry-<lang>.js` (its strings) next to the loader, fetched in
 * parallel, async so they never block rendering, with the loader's nonce so nonce-based CSPs accept them. Each
 * hands over its part through a window event while it runs, which is before its `load` event: a load without it,
 * or an error, rejects. The resolved `mount` passes the strings on.
 */
export const loadChunk =
  (win: Window, loader: HTMLScriptElement | null): LoadUI =>
  (lang) => {
    const doc = win.document;
    const get = (file: string, event: string) =>
      new Promise<any>((resolve, reject) => {
        const s = doc.createElement('script');
        win.addEventListener(event, (e) => resolve((e as CustomEvent).detail), { once: true });
        s.src = new URL(file, loader?.src || doc.baseURI).href;
        s.async = true;
        if (loader?.nonce) s.nonce = loader.nonce;
        s.onload = s.onerror = () => reject(new Error(s.src + ' did not load'));
        (doc.head || doc.documentElement).appendChild(s);
      });
    return Promise.all([get('consentry-ui.js', UI_EVENT), get(`consentry-${lang}.js`, TEXTS_EVENT)]).then(
      ([mount, texts]: [MountUI, UITexts]) =>
        (ctx) =>
          mount({ ...ctx, texts }),
    );
  };

/**
 * Loads the UI on first need and shows the last view asked for. A UI that cannot load logs one error and changes
 * nothing else: no decision is made, so nothing is granted and blocking stays on.
 */
export function createUiController(
  win: Window,
  load: LoadUI,
  ctx: () => UIContext,
): { show(view?: UIView): void; hide(): void } {
  let handle: UIHandle | undefined,
    want: UIView | undefined,
    started = false;
  return {
    // No view: mount only (the floating open button of a returning visitor, when `openButton` is on).
    show(view) {
      want = view;
      if (handle) return view && handle.show(view);
      if (started) return;
      started = true;
      load(ctx().lang)
        .then((mount) => new Promise<MountUI>((ok) => onDomReady(win.document, () => ok(mount))))
        .then((mount) => {
          handle = mount(ctx());
          if (want) handle.show(want);
        })
        .catch((e) =>
          console.error(
            'Consentry: the consent banner could not load, so nothing is allowed and blocking stays on.',
            e,
          ),
        );
    },
    hide() {
      want = undefined;
      handle?.hide();
    },
  };
}
