import type { Realm } from '../core/realm';
import { replaceAccessor, replaceMethod } from './natives';

/** Set on each realm's global once guarded; a navigated frame gets a new global and so is guarded again. */
const GUARDED = Symbol();

/**
 * Same-origin child realms (about:blank, srcdoc, same-origin pages) have their own unpatched prototypes. Install
 * the guards into them before page code can use them: on the first `contentWindow`/`contentDocument` read of an
 * iframe, and right after `appendChild`/`insertBefore` of an iframe (its about:blank realm exists synchronously);
 * the parser guard reads `contentWindow` of every other added iframe a microtask later. Nested frames are handled
 * the same way. `installInto` gets only same-origin windows.
 *
 * Known holes: `<frame>` and `<object>` documents; `window[0]`/`window.frames[0]`/`window.open()` reach a new realm
 * without any getter of ours (only covered when an insertion path above ran first: an iframe added through
 * `append`, `replaceWith`, innerHTML... and used through `window[0]` in the same task is not); a frame's own scripts
 * from its initial markup run before we see it; a navigation of a guarded frame gives an unguarded realm until the
 * next getter read.
 */
export function guardFrames(win: Realm, installInto: (childWindow: Realm) => void): void {
  const iframePrototype = win.HTMLIFrameElement.prototype;
  const nativeContentWindow = Object.getOwnPropertyDescriptor(iframePrototype, 'contentWindow')!.get!;
  const guardChild = (child: any) => {
    try {
      // reading a cross-origin global's property throws: nothing to do there
      if (child && !child[GUARDED]) {
        child[GUARDED] = 1;
        installInto(child);
        guardFrames(child, installInto);
      }
    } catch {
      /* cross-origin */
    }
  };
  (win as any)[GUARDED] = 1;
  for (const getter of ['contentWindow', 'contentDocument'])
    replaceAccessor(
      iframePrototype,
      getter,
      'get',
      (nativeGetter) =>
        function (this: HTMLIFrameElement) {
          guardChild(nativeContentWindow.call(this));
          return nativeGetter.call(this);
        },
    );
  // `arguments`, not a rest array: no allocation on the page's hottest DOM call
  for (const method of ['appendChild', 'insertBefore'])
    replaceMethod(
      win.Node.prototype,
      method,
      (nativeMethod) =>
        function (this: Node, node: any) {
          const result = nativeMethod.apply(this, arguments as any);
          if (node?.localName == 'iframe') node.contentWindow;
          return result;
        },
    );
}
