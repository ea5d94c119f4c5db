/** Set on each realm's global once guarded; a navigated frame gets a new global and so is guarded again. */
const K = Symbol();

type Realm = Window & typeof globalThis;

/**
 * Same-origin child realms (about:blank, srcdoc, same-origin pages) have their own unpatched prototypes. Install
 * the guards into them before page code can use them: on the first `contentWindow`/`contentDocument` read of an
 * iframe/frame/object, and right after `appendChild`/`insertBefore` of an iframe (its about:blank realm exists
 * synchronously); the parser guard reads `contentWindow` of every other added iframe a microtask later.
 * Nested frames are handled the same way. `installInto` gets only same-origin windows.
 *
 * Known holes: `window[0]`/`window.frames[0]`/`window.open()` reach a new realm without any getter of ours (only
 * covered when an insertion path above ran first: an iframe added through `append`, `replaceWith`, innerHTML... and
 * used through `window[0]` in the same task is not); a frame's own scripts from its initial markup run before we
 * see it; a navigation of a guarded frame gives an unguarded realm until the next getter read.
 */
export function guardFrames(win: Realm, installInto: (childWin: Realm) => void): void {
  const O = Object,
    N = win.Node.prototype as unknown as Record<string, (this: Node, ...a: unknown[]) => unknown>;
  const into = (w: Window | null) => {
    try {
      // reading a cross-origin global's property throws: nothing to do there
      if (w && !(w as unknown as Record<symbol, 1>)[K]) {
        (w as unknown as Record<symbol, 1>)[K] = 1;
        installInto(w as Realm);
        guardFrames(w as Realm, installInto);
      }
    } catch {
      /* cross-origin */
    }
  };
  (win as unknown as Record<symbol, 1>)[K] = 1;
  for (const C of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
    const p = C && C.prototype,
      W = p && O.getOwnPropertyDescriptor(p, 'contentWindow');
    if (W?.get)
      for (const k of ['contentWindow', 'contentDocument']) {
        const D = O.getOwnPropertyDescriptor(p, k);
        if (D?.get) {
          const g = D.get,
            cw = W.get;
          O.defineProperty(p, k, {
            ...D,
            get() {
              into(cw.call(this));
              return g.call(this);
            },
          });
        }
      }
  }
  for (const m of ['appendChild', 'insertBefore']) {
    const f = N[m];
    N[m] = function (...a) {
      const r = f.apply(this, a),
        n = a[0] as HTMLIFrameElement;
      if (n && (n.localName == 'iframe' || n.localName == 'frame')) n.contentWindow;
      return r;
    };
  }
}
