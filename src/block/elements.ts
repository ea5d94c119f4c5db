import type { Gate } from './gate';
import { NO, TAGS, TYPE, check, held, patch, sa } from './inert';
import { scrub } from './markup';

/**
 * Guard every way a URL gets onto an element of this realm: the reflecting properties (`src`, `srcset`, `href`,
 * `data`, `ping`, script `type`, iframe `srcdoc`; `new Image()` uses the img setter) and `setAttribute(NS)`.
 * Prototypes, not instances, so `Element.prototype.setAttribute.call(el, …)` is caught too. A held URL parks the
 * element (see inert.ts) and is reported once per element by the gate.
 *
 * Not covered: `setAttributeNode(NS)`, `Attr.value`/`nodeValue` on an attribute node, `attributes.setNamedItem`,
 * video/audio/frame URLs, SVG `<image href>`/`<script href>`, CSS `url()`.
 */
export function guardElements(win: Window & typeof globalThis, g: Gate): void {
  // the value to hand to the native write of attribute `n`, or NO
  const w = (el: Element, n: string, v: unknown) =>
    n == 'srcdoc'
      ? scrub(win.document, g, v)
      : // a parked script stays a data block: a later `type` only becomes the type it gets back on consent
        n == 'type' && el.localName == 'script' && held(g, el)
        ? (sa.call(el, TYPE, v as string), NO)
        : check(g, el, n, v);
  for (const t in TAGS)
    for (const p of TAGS[t].concat(t == 'script' ? 'type' : t == 'iframe' ? 'srcdoc' : []))
      patch(
        Object.getPrototypeOf(win.document.createElement(t)),
        p,
        (f) =>
          function (v) {
            v = w(this, p, v);
            if (v !== NO) f.call(this, v);
          },
        'set',
      );
  // setAttribute(name, v), setAttributeNS(null, name, v): the name lowercased only for the lookup (SVG keeps its
  // case). A namespaced attribute is never the HTML `src`/`href` that loads, so it goes through. Named parameters,
  // not a rest array: no allocation on a hot call. Too few arguments go to the native, which throws its TypeError.
  patch(
    win.Element.prototype,
    'setAttribute',
    (f) =>
      function (this: Element, n: string, v: string) {
        if (arguments.length < 2) return f.apply(this, arguments as any);
        if ((v = w(this, String(n).toLowerCase(), v) as string) !== NO) f.call(this, n, v);
      },
  );
  patch(
    win.Element.prototype,
    'setAttributeNS',
    (f) =>
      function (this: Element, ns: string | null, n: string, v: string) {
        if (arguments.length < 3 || ns) return f.apply(this, arguments as any);
        if ((v = w(this, String(n).toLowerCase(), v) as string) !== NO) f.call(this, ns, n, v);
      },
  );
}
