import type { BlockedKind } from '../core/types';
import { allowedAll, type Gate } from './gate';
import type { Match } from './matcher';

/**
 * The inert marker. A blocked element stays where it is, keeps every attribute and its inline text, and only
 * loses the power to fetch or run: scripts become `type="text/plain"` (their `src` stays: a data block never
 * fetches), other tags move their URL attributes to `data-*`. The same `data-consent` attribute a site owner writes
 * by hand names the categories, so one re-activation path serves both.
 *
 * Property reads follow the attributes: a parked script still reports its `src`, a parked img/iframe/link reports
 * `''` (the URL lives in `data-src`/`data-href`), exactly as `getAttribute` does.
 */

export const CONSENT = 'data-consent';
export const VENDOR = 'data-consentry-vendor';
/** The script's original `type` (`module` matters); owners may write `data-type`. */
export const TYPE = 'data-consentry-type';
export const PLAIN = 'text/plain';
/** The placeholder's shadow host; a blocked iframe waits inside it (unslotted, so not rendered). */
export const HOST = 'consentry-embed';

/** The match used when a guard itself fails: hold the element (fail closed). */
export const FAIL: Match = { category: 'marketing', vendor: 'unknown (guard error)' };

/**
 * localName → [kind, URL attributes...]. Everything else cannot carry a URL we block and costs one failed lookup.
 * video/audio report as `source`; a/area only lose tracker URLs from `ping`, they are never parked.
 */
export const TAGS: Record<string, string[]> = Object.create(null);
for (const s of 'script script src,img img src srcset,source source src srcset,iframe iframe src,frame iframe src,embed embed src,object object data,link link href,video source src,audio source src,a ping ping,area ping ping'.split(',')) {
  const [t, ...r] = s.split(' ');
  TAGS[t] = r;
}

/**
 * Natives captured before any guard patches them (module code runs before the loader installs anything). Called
 * with elements of child realms too: platform methods accept any realm's elements.
 */
const E = typeof Element < 'u' ? Element.prototype : (0 as unknown as Element);
export const sa = E.setAttribute;

/** Parked elements not in a document when parked (`new Image()`, scripts not yet inserted): re-activation restores them in place. */
export const detached = new Set<Element>();

let frameHook: ((el: Element) => void) | undefined;
/** Called for every parked or marked iframe that is in a document (the placeholder). */
export const onFrame = (f: (el: Element) => void) => void (frameHook = f);
export const frame = (el: Element) => frameHook && el.localName == 'iframe' && el.isConnected && frameHook(el);

/** True when `el` is marked for categories not all allowed now: every URL written to it is held, silently. */
export const held = (gate: Gate, el: Element) => {
  const c = el.getAttribute(CONSENT);
  return c != null && !allowedAll(gate.allowed, c);
};

/** srcset candidates (`url 2x, url 640w`) → URLs; any other attribute is one URL. */
export const urls = (n: string, v: string) => (n == 'srcset' ? v.split(',').map((c) => c.trim().split(' ')[0]) : [v]);

/** A space-separated ping list without its tracker URLs (each reported). */
export const strip = (gate: Gate, el: Element, v: string) =>
  v.split(' ').filter((u) => !u || !gate.hold(u, 'ping', el)).join(' ');

/**
 * Turn `el` into an inert marker in place; with `n`, also store the value being written to attribute `n`. `m` adds
 * its category to `data-consent` (absent: the element is already marked).
 */
export function park(el: Element, m?: Match, n?: string, v?: unknown): void {
  const c = el.getAttribute(CONSENT);
  if (m) {
    if (c == null) sa.call(el, VENDOR, m.vendor);
    if (!(c || '').split(' ').includes(m.category)) sa.call(el, CONSENT, c ? c + ' ' + m.category : m.category);
  }
  if (el.localName == 'script') {
    const t = el.getAttribute('type');
    if (t != PLAIN) {
      if (t) sa.call(el, TYPE, t);
      // type first: setting src on a connected script prepares it at once
      sa.call(el, 'type', PLAIN);
    }
    // the original value, not a string: under Trusted Types only a TrustedScriptURL may go into a script's src
    if (n) sa.call(el, n, v as string);
  } else {
    for (const a of (TAGS[el.localName] || []).slice(1)) {
      const x = el.getAttribute(a);
      if (x != null) {
        sa.call(el, 'data-' + a, x);
        el.removeAttribute(a);
      }
    }
    if (n) sa.call(el, 'data-' + n, String(v));
  }
  // template content (HTML strings being checked) has no window and is thrown away
  if (!el.isConnected && el.ownerDocument.defaultView) detached.add(el);
  frame(el);
}

/**
 * Check an element that already carries its attributes (parser-inserted, or parsed from an HTML string) and park it
 * when one of its URLs is held. Marked elements are left to the caller. Returns true when it parked or stripped.
 */
export function inspect(gate: Gate, el: Element): boolean {
  const t = TAGS[el.localName];
  if (!t || el.hasAttribute(CONSENT)) return false;
  try {
    for (const n of t.slice(1)) {
      const v = el.getAttribute(n);
      if (!v) continue;
      if (n == 'ping') {
        const s = strip(gate, el, v);
        if (s != v) return sa.call(el, n, s), true;
      } else
        for (const u of urls(n, v)) {
          const m = u && gate.hold(u, t[0] as BlockedKind, el);
          if (m) return park(el, m), true;
        }
    }
  } catch {
    park(el, FAIL);
    return true;
  }
  return false;
}

/** Tags worth a look inside an added subtree or a parsed fragment. */
export const SEL = Object.keys(TAGS).map((t) => (TAGS[t][0] == 'ping' ? t + '[ping]' : t)) + '';
