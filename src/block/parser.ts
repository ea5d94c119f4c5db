import { CONSENT_ATTRIBUTE, URL_ATTRIBUTES } from '../catalogue/marked-form';
import type { Realm } from '../core/realm';
import { checkElement, URL_ELEMENTS_SELECTOR } from './check';
import type { Gate } from './gate';
import { isMarkedHeld, park } from './marker';

/**
 * Watches every element the HTML parser adds, while the document is being parsed. The parser runs a microtask
 * checkpoint before it prepares each `</script>`, so this callback parks a parser-inserted tracker script before it
 * can run.
 *
 * It stops at DOMContentLoaded: after that, elements come from script, through the guarded setters and markup
 * methods, which checked their URLs already. Observing every later insertion would make each `appendChild` of a busy
 * page pay for a second check. (`document.write` after parsing is diverted by the markup guard.)
 *
 * Limits (measured by the browser tests): for parser-inserted img/iframe/link/source the request has usually been
 * made already (preload scanner, or the fetch starting on insertion); parking stops a retry and keeps the page from
 * using it, and dropping an iframe's `src` navigates it away. Markup written by `document.write` from a running
 * script is prepared before this runs: the markup guard covers that path. Consentry's own shadow roots are never
 * observed (an observer does not enter shadow trees).
 *
 * A marked element (`data-consent`) that arrives while its categories are allowed is handed to `onAllowedMarked`,
 * once per batch (wire it to the reactivator, which releases it), an iframe a task later; blocked marked iframes get
 * their placeholder. While `checksUnmarked()` is false (everything is allowed: nothing to block), only marked
 * elements are looked at.
 */
export function guardParser(
  win: Realm,
  gate: Gate,
  onAllowedMarked: (el: Element) => void,
  checksUnmarked: () => boolean,
): void {
  const doc = win.document;
  if (doc.readyState != 'loading') return;
  let allowedMarked: Element | undefined;
  const checkAdded = (el: Element) => {
    // most added elements cannot carry a URL: one lookup and out
    if (!URL_ATTRIBUTES[el.localName]) return;
    if (!el.hasAttribute(CONSENT_ATTRIBUTE)) {
      if (checksUnmarked()) checkElement(gate, el);
      // a half-marked tag (its URL still in src) is parked all the same; park announces a parked iframe
    } else if (isMarkedHeld(gate, el)) park(el);
    // an iframe: Chromium drops a src set in this callback while the parser inserts it (it stays about:blank)
    else if (el.localName == 'iframe') setTimeout(onAllowedMarked, 0, el);
    else allowedMarked ||= el;
    // a same-origin child realm: reading contentWindow lets the frames guard install into it
    if (el.localName == 'iframe') (el as HTMLIFrameElement).contentWindow;
  };
  const checkRecords = (records: MutationRecord[]) => {
    allowedMarked = undefined;
    // indexed loops: a NodeList iterator costs a native call per step, and a busy page adds thousands of nodes
    for (let i = 0; i < records.length; i++)
      for (let j = 0, added = records[i].addedNodes, node: Node; (node = added[j]); j++)
        if (node.nodeType == 1) {
          checkAdded(node as Element);
          // parsing adds one element at a time: only a subtree inserted by script has descendants to search
          if ((node as Element).firstElementChild)
            (node as Element).querySelectorAll(URL_ELEMENTS_SELECTOR).forEach(checkAdded);
        }
    if (allowedMarked) onAllowedMarked(allowedMarked);
  };
  const observer = new win.MutationObserver(checkRecords);
  // the document, not documentElement: it also sees a replaced <html>
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener(
    'DOMContentLoaded',
    () => {
      checkRecords(observer.takeRecords());
      observer.disconnect();
    },
    { once: true },
  );
}
