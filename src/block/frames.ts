import { NO_ARGUMENTS } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import { announceInsertedFrames } from './marker';
import { callNative, replaceAccessor, replaceMethod } from './natives';

/** Set on each realm's global once guarded; a navigated frame gets a new global and so is guarded again. */
const GUARDED = Symbol();

/**
 * Same-origin child realms (about:blank, srcdoc, same-origin pages, `<object>`/`<frame>` documents, popups) have
 * their own unpatched prototypes. Install the guards into them before page code can use them: on the first
 * `contentWindow`/`contentDocument` read of an iframe, frame or object, right after any insertion method inserts an
 * iframe (its about:blank realm exists synchronously), and on the window `window.open` returns; the parser guard
 * reads `contentWindow` of every other added iframe a microtask later. Nested frames are handled the same way.
 * `installInto` gets only same-origin windows. `beforeInsert` sees every node an insertion method is handed, before
 * it is inserted.
 *
 * Known holes: `window[0]`/`window.frames[0]`/`window.name` reach a new realm without any getter of ours (only
 * covered when an insertion path above ran first: an iframe inside an inserted subtree or set through innerHTML
 * and used through `window[0]` in the same task is not); a frame's own scripts from its initial markup run before we
 * see it; a navigation of a guarded frame gives an unguarded realm until the next getter read.
 */
export function guardFrames(
  win: Realm,
  installInto: (childWindow: Realm) => void,
  beforeInsert?: (target: Node, node: unknown) => void,
): void {
  const guardChild = (child: any) => {
    try {
      // reading a cross-origin global's property throws: nothing to do there
      if (child && !child[GUARDED]) {
        child[GUARDED] = 1;
        installInto(child);
        guardFrames(child, installInto, beforeInsert);
      }
    } catch {
      /* cross-origin */
    }
  };
  (win as any)[GUARDED] = 1;
  // iframe, frame and object each have their own contentWindow/contentDocument getters
  for (const element of [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement]) {
    const prototype = element?.prototype;
    const nativeContentWindow = prototype && Object.getOwnPropertyDescriptor(prototype, 'contentWindow')!.get!;
    for (const getter of ['contentWindow', 'contentDocument'])
      replaceAccessor(
        prototype,
        getter,
        'get',
        (nativeGetter) =>
          function (this: HTMLIFrameElement) {
            guardChild(callNative(nativeContentWindow, this, NO_ARGUMENTS));
            return callNative(nativeGetter, this, NO_ARGUMENTS);
          },
      );
  }
  // A popup opened on about:blank (or any same-origin URL) is a same-origin realm like a frame's.
  replaceMethod(
    win,
    'open',
    (nativeOpen) =>
      function (this: Window) {
        const popup = callNative(nativeOpen, this, arguments);
        guardChild(popup);
        return popup;
      },
  );
  // Every insertion method: each node is handed to `beforeInsert` (a tree of another document is checked there),
  // and an inserted iframe's about:blank realm, which exists synchronously, is guarded at once. `arguments`, not a
  // rest array: no allocation on the page's hottest DOM calls.
  // insertBefore(node, child) and replaceChild(node, child) insert only their first argument: the child named
  // beside it stays where it is and is not looked at.
  const insertion = (target: any, names: string[]) => {
    for (const name of names)
      replaceMethod(
        target?.prototype,
        name,
        (nativeMethod) =>
          function (this: Node) {
            const inserted = name == 'insertBefore' || name == 'replaceChild' ? 1 : arguments.length;
            for (let i = 0; i < inserted; i++) beforeInsert?.(this, arguments[i]);
            const result = callNative(nativeMethod, this, arguments);
            for (let i = 0; i < inserted; i++) if (arguments[i]?.localName == 'iframe') arguments[i].contentWindow;
            // a parked iframe that was given its URL before it was in the document gets its placeholder now (the
            // parser's observer, which announces the others, stops at DOMContentLoaded)
            announceInsertedFrames();
            return result;
          },
      );
  };
  const parentNode = ['append', 'prepend', 'replaceChildren'];
  const childNode = ['before', 'after', 'replaceWith'];
  insertion(win.Node, ['appendChild', 'insertBefore', 'replaceChild']);
  insertion(win.Element, [...parentNode, ...childNode, 'insertAdjacentElement']);
  insertion(win.DocumentFragment, parentNode);
  insertion(win.Document, parentNode);
  insertion(win.CharacterData, childNode);
  insertion(win.Range, ['insertNode', 'surroundContents']);
}
