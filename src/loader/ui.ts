import type { MountUI, UIContext, UIHandle, UIView } from '../ui/types';
import { UI_EVENT } from '../ui/types';

/** Fetches the UI's `mount`, however this build gets it (a chunk script, or a dynamic import). */
export type LoadUI = () => Promise<MountUI>;

/** Runs `fn` once the document has a body: now, or at DOMContentLoaded. */
export const onDomReady = (doc: Document, fn: () => void): void =>
  doc.readyState == 'loading' ? doc.addEventListener('DOMContentLoaded', fn, { once: true }) : fn();

/**
 * The classic build's UI: `consentry-ui.js` next to the loader, async so it never blocks rendering, with the
 * loader's nonce so nonce-based CSPs accept it. The chunk hands over `mount` through a window event while it runs,
 * which is before its `load` event: a load without it, or an error, rejects.
 */
export const loadChunk = (win: Window, loader: HTMLScriptElement | null): LoadUI => () =>
  new Promise((resolve, reject) => {
    const doc = win.document, s = doc.createElement('script');
    win.addEventListener(UI_EVENT, (e) => resolve((e as CustomEvent).detail), { once: true });
    s.src = new URL('consentry-ui.js', loader?.src || doc.baseURI).href;
    s.async = true;
    if (loader?.nonce) s.nonce = loader.nonce;
    s.onload = s.onerror = () => reject(new Error(s.src + ' did not load'));
    (doc.head || doc.documentElement).appendChild(s);
  });

/**
 * Loads the UI on first need and shows the last view asked for. A UI that cannot load logs one error and changes
 * nothing else: no decision is made, so nothing is granted and blocking stays on.
 */
export function createUiController(win: Window, load: LoadUI, ctx: () => UIContext): UIHandle {
  let handle: UIHandle | undefined, want: UIView | undefined, started = false;
  return {
    show(view) {
      want = view;
      if (handle) return handle.show(view);
      if (started) return;
      started = true;
      load()
        .then((mount) => new Promise<MountUI>((ok) => onDomReady(win.document, () => ok(mount))))
        .then((mount) => {
          handle = mount(ctx());
          if (want) handle.show(want);
        })
        .catch((e) => console.error('Consentry: the consent banner could not load, so nothing is allowed and blocking stays on.', e));
    },
    hide() {
      want = undefined;
      handle?.hide();
    },
  };
}
