import type { BlockedKind } from '../core/types';
import { allowedAll, type Gate } from './gate';
import type { Match } from '../catalogue/matcher';

/**
 * The inert marker, and the one check every DOM guard shares. A blocked element stays where it is, keeps every
 * attribute and its inline text, and only loses the power to fetch or run: scripts become `type="text/plain"`
 * (their `src` stays: a data block never fetches), other tags move their URL attributes to `data-*`. The same
 * `data-consent` attribute a site owner writes by hand names the categories, so one re-activation path serves both.
 *
 * Property reads follow the attributes: a parked script still reports its `src`, a parked img/iframe/link reports
 * `''` (the URL lives in `data-src`/`data-href`), exactly as `getAttribute` does.
 */

export const CONSENT = 'data-consent';
export const VENDOR = 'data-consentry-vendor';
/** The script's original `type` (`module` matters); owners may write `data-type`. */
export const TYPE = 'data-consentry-type';
/** + category: the tracker URLs taken out of an a/area `ping` (the element is marked with their categories). */
export const PING = 'data-ping-';
/** The placeholder's shadow host; a blocked iframe waits inside it (unslotted, so not rendered). */
export const HOST = 'consentry-embed';

/** The match used when a guard itself fails: hold the element (fail closed). */
export const FAIL: Match = { category: 'marketing', vendor: 'unknown (guard error)' };

/** Returned instead of a value to write: the value went into the marker. */
export const NO = {};

/**
 * localName → the URL attributes we check (srcset before src: re-activation restores them in this order, so one
 * image is chosen). Everything else costs one failed lookup. The report's kind is the localName; a/area only lose
 * tracker URLs from `ping`, they are never parked.
 */
export const TAGS: Record<string, string[]> = Object.create(null);
for (const s of 'script src,img srcset src,source srcset src,iframe src,embed src,object data,link href,a ping,area ping'.split(
  ',',
))
  TAGS[s.split(' ')[0]] = s.split(' ').slice(1);

/** Tags worth a look inside an added subtree or a parsed fragment (a link without `ping` costs one lookup). */
export const SEL = Object.keys(TAGS) + '';

/**
 * Natives captured before any guard patches them (module code runs before the loader installs anything). Called
 * with elements of child realms too: platform methods accept any realm's elements.
 */
const EP = globalThis.Element?.prototype;
export const sa = EP?.setAttribute as Element['setAttribute'];
/** The native innerHTML setter: the markup guard's own template must not go through the guarded one. */
export const ih = EP && Object.getOwnPropertyDescriptor(EP, 'innerHTML')!.set!;

type Fn = (this: any, ...a: any[]) => any;

/** Replace the method `o[k]` (or, with `h`, that half of its accessor) with `f(original)`; absent: nothing to guard. */
export function patch(o: any, k: string, f: (orig: Fn) => Fn, h?: 'get' | 'set'): void {
  const D = h && o && Object.getOwnPropertyDescriptor(o, k);
  if (D) D[h] && Object.defineProperty(o, k, { ...D, [h]: f(D[h]) });
  else if (!h && o?.[k]) o[k] = f(o[k]);
}

/** Parked elements not in a document when parked (`new Image()`, scripts not yet inserted): re-activation restores them in place. */
export const detached = new Set<Element>();

/** Scripts inserted by re-activation or by a diverted `document.write` (markup.ts): never parser-inserted. */
export const ours = new WeakSet<object>();

let hook = (_: Element) => {};
/** Called for every parked or marked iframe that is in a document (the placeholder). */
export const onFrame = (f: (el: Element) => void) => void (hook = f);
export const frame = (el: Element) => el.localName == 'iframe' && el.isConnected && hook(el);

/** True when `el` is marked for categories not all allowed now: every URL written to it is held, silently. */
export const held = (g: Gate, el: Element) => {
  const c = el.getAttribute(CONSENT);
  return c != null && !allowedAll(g.allowed, c);
};

/** Add `m`'s category to `data-consent` (and name its vendor on a first mark). */
function mark(el: Element, m: Match) {
  const c = el.getAttribute(CONSENT);
  if (c == null) sa.call(el, VENDOR, m.vendor);
  if (!c?.split(' ').includes(m.category)) sa.call(el, CONSENT, c ? c + ' ' + m.category : m.category);
}

/**
 * Turn `el` into an inert marker in place; with `n`, also store the value being written to attribute `n`. `m` adds
 * its category to `data-consent` (absent: the element is already marked). Returns NO.
 */
export function park(el: Element, m?: Match, n?: string, v?: unknown): unknown {
  const s = el.localName == 'script';
  if (m) mark(el, m);
  if (s) {
    const t = el.getAttribute('type');
    if (t != 'text/plain') {
      if (t) sa.call(el, TYPE, t);
      // type first: setting src on a connected script prepares it at once
      sa.call(el, 'type', 'text/plain');
    }
  } else
    for (const a of TAGS[el.localName] || []) {
      const x = el.getAttribute(a);
      if (x != null) {
        sa.call(el, 'data-' + a, x);
        el.removeAttribute(a);
      }
    }
  // a script keeps the original value, not a string: under Trusted Types only a TrustedScriptURL may go into its src
  if (n) sa.call(el, s ? n : 'data-' + n, v as string);
  // template content (HTML strings being checked) has no window and is thrown away
  if (!el.isConnected && el.ownerDocument.defaultView) detached.add(el);
  frame(el);
  return NO;
}

/**
 * What to write for value `v` of attribute `n` on `el`: `v` itself, a ping list without its tracker URLs (each
 * reported and kept in PING + category), or NO when `el` was parked instead (an element already parked holds every URL, silently: reported once).
 */
export function check(g: Gate, el: Element, n: string, v: unknown): unknown {
  const l = el.localName;
  if (!TAGS[l]?.includes(n)) return v;
  try {
    const s = String(v);
    if (n == 'ping')
      return s
        .split(' ')
        .filter((u) => {
          const m = u && g.hold(u, 'ping', el),
            k = PING + (m && m.category),
            h = el.getAttribute(k) || '';
          // kept once per category for re-activation, which puts back those allowed by then
          if (m) mark(el, m), h.split(' ').includes(u) || sa.call(el, k, (h + ' ' + u).trim());
          return !m;
        })
        .join(' ');
    if (held(g, el)) return park(el, undefined, n, v);
    // srcset candidates (`url 2x, url 640w`) → URLs; any other attribute is one URL
    for (const u of n == 'srcset' ? s.split(',').map((c) => c.trim().split(' ')[0]) : [s]) {
      const m = u && g.hold(u, l as BlockedKind, el);
      if (m) return park(el, m, n, v);
    }
    return v;
  } catch {
    return park(el, FAIL, n, v);
  }
}

/**
 * Check an element that already carries its attributes (parser-inserted, or parsed from an HTML string) and park
 * it when one of its URLs is held. Marked elements are left to the caller. Returns true when it parked or stripped.
 */
export function inspect(g: Gate, el: Element): boolean {
  if (!el.hasAttribute(CONSENT))
    for (const n of TAGS[el.localName] || []) {
      const v = el.getAttribute(n),
        r = v && check(g, el, n, v);
      if (r === NO) return true;
      if (r != v) return (sa.call(el, n, r as string), true);
    }
  return false;
}
