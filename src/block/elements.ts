import type { BlockedKind } from '../core/types';
import type { Gate } from './gate';
import { FAIL, TAGS, TYPE, held, park, sa, strip, urls } from './inert';
import { scrub } from './markup';

/** Attribute names worth a second look; everything else goes straight to the native call. */
const NAMES: Record<string, 1> = Object.create(null);
for (const n of 'src srcset href data ping type srcdoc'.split(' ')) NAMES[n] = 1;

/** Returned by `write` when the value went into the marker instead. */
const NO = {};

/** The value to hand to the native setter for attribute `n` of `el`, or NO. */
function write(win: Window, gate: Gate, el: Element, n: string, v: unknown): unknown {
  const l = el.localName,
    t = TAGS[l];
  try {
    if (n == 'srcdoc') return l == 'iframe' ? scrub(win.document, gate, v) : v;
    // a parked script stays a data block: a later `type` only becomes the type it gets back on consent
    if (n == 'type') return l == 'script' && held(gate, el) ? (sa.call(el, TYPE, String(v)), NO) : v;
    if (!t || t.indexOf(n, 1) < 0) return v;
    const s = String(v);
    if (n == 'ping') return strip(gate, el, s);
    // already parked: hold silently (reported once per element)
    if (held(gate, el)) return park(el, undefined, n, v), NO;
    for (const u of urls(n, s)) {
      const m = u && gate.hold(u, t[0] as BlockedKind, el);
      if (m) return park(el, m, n, v), NO;
    }
    return v;
  } catch {
    try {
      park(el, FAIL, n, v);
    } catch {
      /* still held: the native write is skipped */
    }
    return NO;
  }
}

type Setter = (this: Element, v: unknown) => void;

/**
 * Guard every way a URL gets onto an element of this realm: the reflecting properties (`src`, `srcset`, `href`,
 * `data`, `ping`, script `type`, iframe `srcdoc`; `new Image()` uses the img setter) and `setAttribute*`. Prototypes,
 * not instances, so `Element.prototype.setAttribute.call(el, …)` is caught too. A held URL parks the element (see
 * inert.ts) and is reported once per element by the gate.
 *
 * Not covered: `Attr.value`/`nodeValue` on an attribute node already attached, `attributes.setNamedItem`, SVG
 * `<image href>`/`<script href>`, CSS `url()`.
 */
export function guardElements(win: Window & typeof globalThis, gate: Gate): void {
  const O = Object,
    d = win.document,
    E = win.Element.prototype as unknown as Record<string, (this: Element, ...a: unknown[]) => unknown>,
    mine = new Set<Setter>();
  for (const t of O.keys(TAGS))
    for (const p of TAGS[t].slice(1).concat(t == 'script' ? 'type' : t == 'iframe' ? 'srcdoc' : [])) {
      // the accessor lives on the interface that defines it (HTMLMediaElement for video/audio): patch it there once
      let o = O.getPrototypeOf(d.createElement(t));
      while (o && !O.getOwnPropertyDescriptor(o, p)) o = O.getPrototypeOf(o);
      const D = o && O.getOwnPropertyDescriptor(o, p),
        f = D && (D.set as Setter);
      if (!f || mine.has(f)) continue;
      const g: Setter = function (v) {
        const r = write(win, gate, this, p, v);
        if (r !== NO) f.call(this, r);
      };
      mine.add(g);
      O.defineProperty(o, p, { ...D, set: g });
    }

  // setAttribute(name, v), setAttributeNS(ns, name, v): the name lowercased only for the lookup (SVG keeps its case)
  for (const [m, i] of [['setAttribute', 0], ['setAttributeNS', 1]] as const) {
    const f = E[m];
    E[m] = function (...a) {
      const n = String(a[i]).toLowerCase();
      if (NAMES[n] && !(i && a[0])) {
        const r = write(win, gate, this, n, a[i + 1]);
        if (r === NO) return;
        a[i + 1] = r;
      }
      return f.apply(this, a);
    };
  }
  for (const m of ['setAttributeNode', 'setAttributeNodeNS']) {
    const f = E[m];
    if (f)
      E[m] = function (a) {
        const at = a as Attr;
        if (at && NAMES[at.name] && !at.namespaceURI) {
          const r = write(win, gate, this, at.name, at.value);
          if (r === NO) return null;
          at.value = r as string;
        }
        return f.call(this, a);
      };
  }
}
