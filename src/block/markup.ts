import type { Gate } from './gate';
import { SEL, inspect, sa } from './inert';

/** Could this string carry a URL attribute? Strings that cannot (most of them) go straight to the native call. */
const CAND = /(src|href|data|ping)[\w-]*\s*=/i;

/** The native innerHTML setter: our template must not go through the guarded one. */
const IH =
  typeof Element < 'u' ? (Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')?.set as (this: Element, v: string) => void) : undefined;

/**
 * HTML with every held element parked, or `h` itself when nothing was held (so markup round-trips only when it
 * must). Parsing into a `<template>` is inert: nothing in its content fetches or runs. The report's `element` for
 * items found here is the template copy; the live element arrives already parked and is not reported again.
 */
export function scrub(doc: Document, gate: Gate, h: unknown): unknown {
  const s = String(h);
  if (!CAND.test(s)) return h;
  const t = doc.createElement('template');
  IH!.call(t, s);
  let hit = false;
  for (const el of t.content.querySelectorAll(SEL)) {
    hit = inspect(gate, el) || hit;
    const sd = el.localName == 'iframe' && el.getAttribute('srcdoc');
    if (sd) {
      const x = scrub(doc, gate, sd);
      if (x != sd) (hit = true), sa.call(el, 'srcdoc', x as string);
    }
  }
  // template serialisation keeps `<script>` text and attributes; a parked script comes out as type="text/plain"
  return hit ? t.innerHTML : h;
}

type Fn = (this: unknown, ...a: unknown[]) => unknown;

/**
 * Guard HTML-string insertion in this realm: innerHTML/outerHTML (Element, ShadowRoot), insertAdjacentHTML,
 * setHTMLUnsafe, Range#createContextualFragment (its scripts do run) and document.write/writeln (whose scripts run
 * before any observer could see them). Not covered: DOMParser / Document.parseHTMLUnsafe output adopted later (the
 * parser guard sees it on insertion, after an img may have started).
 */
export function guardMarkup(win: Window & typeof globalThis, gate: Gate): void {
  const O = Object,
    d = win.document,
    x = (h: unknown) => scrub(d, gate, h);
  for (const [p, k] of [
    [win.Element.prototype, 'innerHTML'],
    [win.Element.prototype, 'outerHTML'],
    [win.ShadowRoot?.prototype, 'innerHTML'],
  ] as const) {
    const D = p && O.getOwnPropertyDescriptor(p, k);
    if (D?.set) {
      const f = D.set;
      O.defineProperty(p, k, { ...D, set(h: unknown) { f.call(this, x(h)); } });
    }
  }
  // [prototype, method, index of the HTML argument; -1: all arguments joined]
  for (const [p, k, i] of [
    [win.Element.prototype, 'insertAdjacentHTML', 1],
    [win.Element.prototype, 'setHTMLUnsafe', 0],
    [win.ShadowRoot?.prototype, 'setHTMLUnsafe', 0],
    [win.Range?.prototype, 'createContextualFragment', 0],
    [win.Document.prototype, 'write', -1],
    [win.Document.prototype, 'writeln', -1],
  ] as const) {
    const o = p as unknown as Record<string, Fn> | undefined,
      f = o && o[k];
    if (f)
      o[k] = function (...a) {
        if (i < 0 && a.length > 1) a = [a.join('')];
        const j = i < 0 ? 0 : i;
        a[j] = x(a[j]);
        return f.apply(this, a);
      };
  }
}
