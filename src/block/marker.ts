import {
  CONSENT_ATTRIBUTE,
  consentCategories,
  heldAttribute,
  INERT_SCRIPT_TYPE,
  ORIGINAL_TYPE_ATTRIBUTE,
  URL_ATTRIBUTES,
  VENDOR_ATTRIBUTE,
} from '../catalogue/marked-form';
import type { Match } from '../catalogue/matcher';
import { allowsEvery, type Gate } from './gate';
import { callNative, nativeSetAttribute } from './natives';

/**
 * The inert marker. A held element stays where it is, keeps every attribute and its inline text, and only loses the
 * power to fetch or run: a script becomes `type="text/plain"` (its `src` stays: a data block never fetches), other
 * elements move their URL attributes to `data-*` (the marked form, src/catalogue/marked-form.ts). The `data-consent`
 * a site owner writes by hand names the categories the same way, so one re-activation path serves both.
 *
 * Property reads follow the attributes: a parked script still reports its `src`, a parked img/iframe/link reports
 * `''` (the URL lives in `data-src`/`data-href`), exactly as `getAttribute` does.
 */

/** Returned by a check instead of a value to write: the value went into the marker. */
export const PARKED = {};

/** Parked elements that were not in a document when parked (`new Image()`, a script not yet inserted): re-activation restores them in place. */
export const parkedOffDocument = new Set<Element>();

let parkedFrameListener = (_frame: Element) => {};
/** Called for every parked or marked iframe that is in a document (the placeholder listens). */
export const onParkedFrame = (listener: (frame: Element) => void): void => {
  parkedFrameListener = listener;
};
/** Parked iframes of a live document that are not in it yet: each is announced once an insertion puts it there. */
const framesToAnnounce = new Set<Element>();
export const announceParkedFrame = (el: Element): void => {
  if (el.localName != 'iframe') return;
  if (el.isConnected) parkedFrameListener(el);
  else if (el.ownerDocument.defaultView) framesToAnnounce.add(el);
};
/** After any insertion: the parked iframes it put into the document (alone or inside what was inserted) are announced. */
export const announceInsertedFrames = (): void => {
  // on every insertion of the page: nothing to walk (no iterator made) on the pages that have no such frame
  if (framesToAnnounce.size)
    for (const frame of framesToAnnounce)
      if (frame.isConnected) {
        framesToAnnounce.delete(frame);
        parkedFrameListener(frame);
      }
};

/** True when `el` is marked for categories not all allowed now: every URL written to it is held, silently. */
export const isMarkedHeld = (gate: Gate, el: Element): boolean => {
  const categories = el.getAttribute(CONSENT_ATTRIBUTE);
  return categories != null && !allowsEvery(gate.allowed, categories);
};

/** Adds `match`'s category to `data-consent`, naming its vendor on a first mark. */
export function addCategory(el: Element, match: Match): void {
  const categories = el.getAttribute(CONSENT_ATTRIBUTE);
  if (categories == null) callNative(nativeSetAttribute, el, [VENDOR_ATTRIBUTE, match.vendor]);
  if (!consentCategories(categories || '').includes(match.category))
    callNative(nativeSetAttribute, el, [
      CONSENT_ATTRIBUTE,
      categories ? categories + ' ' + match.category : match.category,
    ]);
}

/**
 * Turns `el` into an inert marker in place; with `name`, also stores the value being written to that attribute.
 * `match` adds its category to `data-consent` (absent: the element is already marked). Returns PARKED.
 */
export function park(el: Element, match?: Match, name?: string, value?: unknown): typeof PARKED {
  const isScript = el.localName == 'script';
  if (match) addCategory(el, match);
  if (isScript) {
    const type = el.getAttribute('type');
    if (type != INERT_SCRIPT_TYPE) {
      if (type) callNative(nativeSetAttribute, el, [ORIGINAL_TYPE_ATTRIBUTE, type]);
      // type first: setting src on a connected script prepares it at once
      callNative(nativeSetAttribute, el, ['type', INERT_SCRIPT_TYPE]);
    }
  } else
    for (const attribute of URL_ATTRIBUTES[el.localName] || []) {
      const url = el.getAttribute(attribute);
      if (url != null) {
        callNative(nativeSetAttribute, el, [heldAttribute(attribute), url]);
        el.removeAttribute(attribute);
      }
    }
  // a script keeps the original value, not a string: under Trusted Types only a TrustedScriptURL may go into its src
  if (name) callNative(nativeSetAttribute, el, [isScript ? name : heldAttribute(name), value as string]);
  // template content (HTML strings being checked) has no window and is thrown away
  if (!el.isConnected && el.ownerDocument.defaultView) parkedOffDocument.add(el);
  announceParkedFrame(el);
  return PARKED;
}
