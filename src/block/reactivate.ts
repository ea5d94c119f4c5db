import {
  CONSENT_ATTRIBUTE,
  consentCategories,
  HELD_PING_PREFIX,
  heldAttribute,
  ORIGINAL_TYPE_ATTRIBUTE,
  OWNER_TYPE_ATTRIBUTE,
  URL_ATTRIBUTES,
  VENDOR_ATTRIBUTE,
  XLINK_NAMESPACE,
} from '../catalogue/marked-form';
import type { Realm } from '../core/realm';
import { allowsEvery, type Gate } from './gate';
import { parkedOffDocument } from './marker';
import { guardDocumentWrite, scriptsInsertedByConsentry } from './markup';
import { callNative, nativeSetAttribute } from './natives';

/** How long an inline script waits for the external scripts before it (one that hangs must not stall the rest). */
export const BARRIER_MS = 3000;

/** The type a marked script gets back: the one it had when parked, or the one its owner wrote as `data-type`. */
const restoredType = (el: Element) => el.getAttribute(ORIGINAL_TYPE_ATTRIBUTE) || el.getAttribute(OWNER_TYPE_ATTRIBUTE);

export interface Reactivator {
  /** Consent widened: bring back what is now allowed. */
  release(): void;
  /** A marked tag arrived while its categories are allowed: release it now. */
  remember(el: Element): void;
}

/**
 * When consent widens, brings back what is now allowed, in document order, each once: parked and owner-marked
 * elements in the document, then in its open shadow roots, plus parked ones that never reached it (`new Image()`,
 * scripts not yet inserted). A closed shadow root cannot be entered: what it holds comes back on the next page view.
 *
 * A marked script in the document is replaced by a NEW script (a clone would be "already started" and never run)
 * with every attribute, its text, its original type and its nonce (the property: the attribute reads "" once the
 * browser hides it). External classic scripts go in with `async = false` (parallel download, original order) unless
 * they were async; an inline classic script is a barrier: it waits for the load/error of the externals queued before
 * it, at most BARRIER_MS. Modules and `defer` scripts of a batch follow its classic scripts. Other elements get their
 * URL attributes back in place (an a/area the ping URLs of each category now allowed); a blocked iframe's
 * placeholder sees that and goes away by itself (src/later/placeholder.ts).
 *
 * Limit: tags that wait for DOMContentLoaded/load which already fired may not start; most tags check readyState.
 * Stopping what already ran on withdrawal is the loader's reload (reloadOnWithdraw), not this.
 */
export function createReactivator(win: Realm, gate: Gate): Reactivator {
  const scriptQueue: Element[] = [];
  let pendingLoads: Promise<unknown>[] = [];
  let pumping = false;

  /** Restores a marker's own attributes in place (a non-script, a script not in a document, or the new script). */
  const restoreInPlace = (el: Element) => {
    const type = restoredType(el);
    for (const name of [VENDOR_ATTRIBUTE, ORIGINAL_TYPE_ATTRIBUTE, OWNER_TYPE_ATTRIBUTE]) el.removeAttribute(name);
    // the type can only be set once data-consent is gone, or the type guard would keep it text/plain
    if (el.localName == 'script') {
      if (type) el.setAttribute('type', type);
      else el.removeAttribute('type');
    }
    for (const attribute of URL_ATTRIBUTES[el.localName]) {
      const url = el.getAttribute(heldAttribute(attribute));
      if (url != null) {
        el.removeAttribute(heldAttribute(attribute));
        // xlink:href loads only in its namespace
        el.setAttributeNS(attribute == 'xlink:href' ? XLINK_NAMESPACE : null, attribute, url);
      }
    }
  };

  /**
   * Replaces a marked script by a new one, through the guards: they may park it again for another category (then it
   * never loads: not awaited). Its document.write must go where the tag is, even while the other guards are dormant.
   */
  const runScript = (marked: Element) => {
    guardDocumentWrite(win, gate);
    // an SVG script stays one, its namespaced attributes in their namespace
    const script = marked.ownerDocument.createElementNS(marked.namespaceURI, 'script') as HTMLScriptElement;
    scriptsInsertedByConsentry.add(script);
    for (const attribute of marked.attributes)
      script.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    restoreInPlace(script);
    script.textContent = marked.textContent;
    // after the attributes: a copied nonce="" (hidden nonce) would clear it
    script.nonce = (marked as HTMLElement).nonce;
    if (!marked.hasAttribute('async')) {
      script.async = false;
      if (script.src && !script.hasAttribute(CONSENT_ATTRIBUTE) && script.type != 'module')
        pendingLoads.push(
          new Promise((settle) => {
            script.addEventListener('load', settle);
            script.addEventListener('error', settle);
          }),
        );
    }
    marked.replaceWith(script);
  };

  /** Runs synchronously up to the first barrier; one pump at a time, so a release during a wait only queues. */
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (let marked: Element | undefined; (marked = scriptQueue.shift()); ) {
        const isInline = !marked.hasAttribute('src') && !marked.hasAttribute(heldAttribute('src'));
        if (pendingLoads.length && isInline && restoredType(marked) != 'module') {
          await Promise.race([Promise.all(pendingLoads), new Promise((wake) => setTimeout(wake, BARRIER_MS))]);
          pendingLoads = [];
        }
        runScript(marked);
      }
    } finally {
      pumping = false;
    }
  };

  /** a/area: each category's ping URLs go back once it is allowed (natively: the guard would drop those still held). */
  const releasePing = (el: Element, categories: string) => {
    const stillHeld = consentCategories(categories).filter((category) => {
      if (!gate.allowed(category)) return true;
      const kept = el.getAttribute(HELD_PING_PREFIX + category);
      callNative(nativeSetAttribute, el, ['ping', [el.getAttribute('ping'), kept].join(' ').trim()]);
      el.removeAttribute(HELD_PING_PREFIX + category);
      return false;
    });
    if (stillHeld[0]) callNative(nativeSetAttribute, el, [CONSENT_ATTRIBUTE, stillHeld.join(' ')]);
    else for (const name of [CONSENT_ATTRIBUTE, VENDOR_ATTRIBUTE]) el.removeAttribute(name);
  };

  /**
   * The marked elements of `root`, then those of each open shadow root in it (the guards hold what goes into one, so
   * consent brings it back there). Only when consent widens: the parser's elements are never in a shadow root.
   */
  const markedIn = (root: ParentNode, enterShadowRoots?: boolean): Element[] => {
    const marked = [...root.querySelectorAll('[' + CONSENT_ATTRIBUTE + ']')];
    if (enterShadowRoots)
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) marked.push(...markedIn(el.shadowRoot, true));
    return marked;
  };

  const release = (enterShadowRoots?: boolean) => {
    const modulesAndDeferred: Element[] = [];
    for (const el of [...markedIn(win.document, enterShadowRoots), ...parkedOffDocument]) {
      const categories = el.getAttribute(CONSENT_ATTRIBUTE);
      const tag = el.localName;
      if (categories == null || !URL_ATTRIBUTES[tag]) continue;
      if (tag == 'a' || tag == 'area') releasePing(el, categories);
      else if (allowsEvery(gate.allowed, categories)) {
        parkedOffDocument.delete(el);
        // gone before anything else: nothing is queued twice, and the guards no longer hold it
        el.removeAttribute(CONSENT_ATTRIBUTE);
        if (tag != 'script' || !el.isConnected) restoreInPlace(el);
        else if (restoredType(el) == 'module' || el.hasAttribute('defer')) modulesAndDeferred.push(el);
        else scriptQueue.push(el);
      }
    }
    scriptQueue.push(...modulesAndDeferred);
    pump();
  };
  // a marked element that arrived while allowed comes back now, with whatever else is due (one removed again before
  // that is handed over anew if it is ever re-inserted)
  return { release: () => release(true), remember: () => release() };
}
