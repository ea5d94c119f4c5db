import { patch } from './inert';

/** Set on each realm's global once guarded; a navigated frame gets a new global and so is guarded again. */
const K = Symbol();

type Realm = Window & typeof globalThis;

/**
 * Same-origin child realms (about:blank, srcdoc, same-origin pages) have their own unpatched prototypes. Install
 * the guards into them before page code can use them: on the first `contentWindow`/`contentDocument` read of an
 * iframe, and right after `appendChild`/`insertBefore` of an iframe (its about:blank realm exists synchronously);
 * the parser guard reads `contentWindow` of every other added iframe a microtask later. Nested frames are handled
 * the same way. `into` gets only same-origin windows.
 *
 * Known holes: `<frame>` and `<object>` documents; `window[0]`/`window.frames[0]`/`window.open()` reach a new realm
 * without any getter of ours (only covered when an insertion path above ran first: an iframe added through
 * `append`, `replaceWith`, innerHTML... and used through `window[0]` in the same task is not); a frame's own scripts
 * from its initial markup run before we see it; a navigation of a guarded frame gives an unguarded realm until the
 * next getter read.
 */
export function guardFrames(win: Realm, into: (childWin: Realm) => void): void {
  const p = win.HTMLIFrameElement.prototype,
    cw = Object.getOwnPropertyDescriptor(p, 'contentWindow')!.get!,
    go = (w: any) => {
      try {
        // reading a cross-origin global's property throws: nothing to do there
        if (w && !w[K]) {
          w[K] = 1;
          into(w);
          guardFrames(w, into);
        }
      } catch {
        /* cross-origin */
      }
    };
  (win as any)[K] = 1;
  for (const k of ['contentWindow', 'contentDocument'])
    patch(
      p,
      k,
      (f) =>
        function () {
          go(cw.call(this));
          return f.call(this);
        },
      'get',
    );
  // `arguments`, not a rest array: no allocation on the page's hottest DOM call
  for (const m of ['appendChild', 'insertBefore'])
    patch(
      win.Node.prototype,
      m,
      (f) =>
        function (this: Node, n: any) {
          const r = f.apply(this, arguments as any);
          if (n?.localName == 'iframe') n.contentWindow;
          return r;
        },
    );
}
