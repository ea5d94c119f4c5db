import type { Gate } from './gate';
import { CONSENT, SEL, TAGS, frame, held, inspect } from './inert';

/**
 * Watch every element the parser (or anything else) adds. The HTML parser runs a microtask checkpoint before it
 * prepares each `</script>`, so this callback parks a parser-inserted tracker script before it can run.
 *
 * Limits (measured by the browser tests): for parser-inserted img/iframe/link/source the request has usually been
 * made already (preload scanner, or the fetch starting on insertion); parking stops a retry and keeps the page from
 * using it, and dropping an iframe's `src` navigates it away. Markup written by `document.write` from a running
 * script is prepared before this runs: the markup guard covers that path. Consentry's own shadow roots are never
 * observed (an observer does not enter shadow trees).
 *
 * A marked element (`data-consent`) that arrives while its categories are allowed is handed to `onMarked`, once per
 * batch (wire it to the reactivator's `remember`, which releases it), an iframe a task later; blocked marked iframes
 * get their placeholder.
 */
export function guardParser(win: Window & typeof globalThis, g: Gate, onMarked: (el: Element) => void): void {
  let go: Element | undefined;
  const check = (el: Element) => {
    // most added elements cannot carry a URL: one lookup and out
    if (!TAGS[el.localName]) return;
    if (!el.hasAttribute(CONSENT)) inspect(g, el);
    // an iframe: Chromium drops a src set in this callback while the parser inserts it (it stays about:blank)
    else held(g, el) ? frame(el) : el.localName == 'iframe' ? setTimeout(onMarked, 0, el) : (go ||= el);
    // a same-origin child realm: reading contentWindow lets the frames guard install into it
    if (el.localName == 'iframe') (el as HTMLIFrameElement).contentWindow;
  };
  // the document, not documentElement: it also sees a replaced <html>
  new win.MutationObserver((rs) => {
    go = undefined;
    // indexed loops: a NodeList iterator costs a native call per step, and a busy page adds thousands of nodes
    for (let i = 0; i < rs.length; i++)
      for (let j = 0, a = rs[i].addedNodes, n; (n = a[j]); j++)
        if (n.nodeType == 1) {
          check(n as Element);
          // parsing adds one element at a time: only a subtree inserted by script has descendants to search
          if ((n as Element).firstElementChild) (n as Element).querySelectorAll(SEL).forEach(check);
        }
    if (go) onMarked(go);
  }).observe(win.document, { childList: true, subtree: true });
}
