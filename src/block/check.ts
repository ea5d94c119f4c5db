import {
  ASCII_WHITESPACE,
  CONSENT_ATTRIBUTE,
  HELD_PING_PREFIX,
  URL_ATTRIBUTES,
  XLINK_NAMESPACE,
} from '../catalogue/marked-form';
import type { Match } from '../catalogue/matcher';
import { matchText, splitText } from '../core/intrinsics';
import type { BlockedKind } from '../core/types';
import { type Gate, GUARD_FAILURE } from './gate';
import { addCategory, isMarkedHeld, PARKED, park } from './marker';
import { callNative, nativeSetAttribute } from './natives';

/**
 * Elements worth a look inside an added subtree or a parsed fragment (a link without `ping` costs one lookup), and
 * `meta` (a refresh).
 */
export const URL_ELEMENTS_SELECTOR = Object.keys(URL_ATTRIBUTES) + ',meta';

const nativeSetAttributeNS = globalThis.Element?.prototype.setAttributeNS;

/**
 * Parks `el` for the write of `value` to `name`. A script keeps its URL where it was written, so an SVG script's
 * `xlink:href` stays in its namespace (the form in which it loads once re-activated).
 */
const parkFor = (el: Element, match: Match | undefined, name: string, value: unknown) => {
  if (name != 'xlink:href' || el.localName != 'script') return park(el, match, name, value);
  park(el, match);
  callNative(nativeSetAttributeNS, el, [XLINK_NAMESPACE, name, value as string]);
  return PARKED;
};

/**
 * A write of `content` or `http-equiv` that would make `el` (a meta) a refresh to a held URL: the navigation the
 * platform would start when it is inserted. Refused as a navigation, never parked: the write is dropped, reported,
 * and not brought back on consent. The refresh URL is read loosely (every run between whitespace, quotes, `;`, `,`
 * and `=` is asked), a superset of what the refresh parser reads after its delay and `url=`.
 */
const refreshHeld = (gate: Gate, el: Element, name: string, value: unknown): unknown => {
  const equiv = name == 'http-equiv' ? value : el.getAttribute('http-equiv');
  const content = name == 'content' ? value : el.getAttribute('content');
  return (
    (name == 'content' || name == 'http-equiv') &&
    matchText(/^\s*refresh\s*$/i, String(equiv)) &&
    splitText(String(content), /[\s;,'"=]+/).some((url) => url && gate.hold(url, 'navigation', el))
  );
};

/**
 * The check every DOM guard shares: what to write for value `value` of attribute `name` on `el`. Returns `value`
 * itself, a ping list without its tracker URLs (each reported and kept under `data-ping-<category>`), or PARKED when
 * `el` was parked instead (an element already parked holds every URL silently: it was reported once).
 */
export function checkAttributeWrite(gate: Gate, el: Element, name: string, value: unknown): unknown {
  const tag = el.localName;
  try {
    if (tag == 'meta') return refreshHeld(gate, el, name, value) ? PARKED : value;
    if (!URL_ATTRIBUTES[tag]?.includes(name)) return value;
    const text = String(value);
    // The platform splits both on ASCII whitespace: a TAB or a newline separates two URLs as a space does.
    if (name == 'ping') {
      let held = false;
      const left = splitText(text, ASCII_WHITESPACE).filter((url) => {
        const match = url && gate.hold(url, 'ping', el);
        if (match) {
          held = true;
          // kept once per category for re-activation, which puts back those allowed by then
          const keptAttribute = HELD_PING_PREFIX + match.category;
          const kept = el.getAttribute(keptAttribute) || '';
          addCategory(el, match);
          if (!kept.split(' ').includes(url))
            callNative(nativeSetAttribute, el, [keptAttribute, (kept + ' ' + url).trim()]);
        }
        return !match;
      });
      // a list that holds no tracker stays as written, whitespace and all
      return held ? left.join(' ') : value;
    }
    if (isMarkedHeld(gate, el)) return parkFor(el, undefined, name, value);
    // srcset: a candidate's URL is a run of non-whitespace that starts the value, follows whitespace or follows the
    // comma ending a candidate, and loses its trailing commas; a URL may hold commas itself. So each whitespace-free
    // token is checked from its start and from after each of its commas (a superset of the URLs the browser reads).
    // Any other attribute is one URL.
    const urls = name.endsWith('srcset')
      ? splitText(text, ASCII_WHITESPACE).flatMap((token) =>
          token.split(',').map((_, i, parts) => matchText(/^(.*?),*$/, parts.slice(i).join(','))![1]),
        )
      : [text];
    for (const url of urls) {
      const match = url && gate.hold(url, tag as BlockedKind, el);
      if (match) return parkFor(el, match, name, value);
    }
    return value;
  } catch {
    return park(el, GUARD_FAILURE, name, value);
  }
}

/**
 * What a speculation rules script (`<script type=speculationrules>`) holds: the first held URL its list rules name
 * (the browser prefetches or prerenders those, a request to the tracker, once the script is inserted with its
 * text), or GUARD_FAILURE for rules of a shape this cannot walk. Text that is not JSON registers nothing in the
 * browser either. Document rules (`"where"`) pick the page's own links when they fire and are not judged here.
 */
export function heldSpeculation(gate: Gate, el: Element): Match | undefined {
  if (el.localName != 'script' || !matchText(/^\s*speculationrules\s*$/i, el.getAttribute('type') || '')) return;
  let rules: Record<string, { urls?: unknown[] }[]>;
  try {
    rules = JSON.parse(el.textContent!);
  } catch {
    return;
  }
  try {
    for (const action in rules)
      for (const rule of Array.isArray(rules[action]) ? rules[action] : [])
        for (const url of rule?.urls || []) {
          const match = gate.hold('' + url, 'script', el);
          if (match) return match;
        }
  } catch {
    return GUARD_FAILURE;
  }
}

/**
 * Checks an element that already carries its attributes (parser-inserted, or parsed from an HTML string) and parks
 * it when one of its URLs is held. Marked elements are left to the caller. True when it parked or stripped a URL.
 */
export function checkElement(gate: Gate, el: Element): boolean {
  const speculation = !el.hasAttribute(CONSENT_ATTRIBUTE) && heldSpeculation(gate, el);
  if (speculation) return !!park(el, speculation);
  if (el.localName == 'meta') {
    const held = checkAttributeWrite(gate, el, 'content', el.getAttribute('content')) === PARKED;
    if (held) el.removeAttribute('content');
    return held;
  }
  if (!el.hasAttribute(CONSENT_ATTRIBUTE))
    for (const name of URL_ATTRIBUTES[el.localName] || []) {
      const value = el.getAttribute(name);
      const toWrite = value && checkAttributeWrite(gate, el, name, value);
      if (toWrite === PARKED) return true;
      if (toWrite != value) {
        callNative(nativeSetAttribute, el, [name, toWrite as string]);
        return true;
      }
    }
  return false;
}
