import { CONSENT_ATTRIBUTE, heldAttribute, ORIGINAL_TYPE_ATTRIBUTE, URL_ATTRIBUTES } from '../catalogue/marked-form';
import type { Realm } from '../core/realm';
import { checkAttributeWrite } from './check';
import type { Gate } from './gate';
import { isMarkedHeld, PARKED } from './marker';
import { scrubMarkup } from './markup';
import { callNative, nativeGetAttribute, nativeSetAttribute, replaceAccessor, replaceMethod } from './natives';

/**
 * Guards every way a URL gets onto an element of this realm: the reflecting properties (`src`, `srcset`, `href`,
 * `data`, `ping`, script `type`, iframe `srcdoc`; `new Image()` uses the img setter) and `setAttribute(NS)`.
 * Prototypes, not instances, so `Element.prototype.setAttribute.call(el, …)` is caught too. A held URL parks the
 * element (see marker.ts) and is reported once per element by the gate.
 *
 * Not covered: `setAttributeNode(NS)`, `Attr.value`/`nodeValue` on an attribute node, `attributes.setNamedItem`,
 * video/audio/frame URLs, SVG `<image href>`/`<script href>`, CSS `url()`.
 */
export function guardElements(win: Realm, gate: Gate): void {
  /** The value to hand to the native write of attribute `name`, or PARKED. */
  const valueToWrite = (el: Element, name: string, value: unknown): unknown => {
    if (name == 'srcdoc') return scrubMarkup(win.document, gate, value);
    // a parked script stays a data block: a later `type` only becomes the type it gets back on consent
    if (name == 'type' && el.localName == 'script' && isMarkedHeld(gate, el)) {
      nativeSetAttribute.call(el, ORIGINAL_TYPE_ATTRIBUTE, value as string);
      return PARKED;
    }
    return checkAttributeWrite(gate, el, name, value);
  };
  for (const tag in URL_ATTRIBUTES) {
    const extra = tag == 'script' ? ['type'] : tag == 'iframe' ? ['srcdoc'] : [];
    for (const property of [...URL_ATTRIBUTES[tag], ...extra])
      replaceAccessor(
        Object.getPrototypeOf(win.document.createElement(tag)),
        property,
        'set',
        (nativeSetter) =>
          function (this: Element, value: unknown) {
            const checked = valueToWrite(this, property, value);
            if (checked !== PARKED) nativeSetter.call(this, checked);
          },
      );
  }
  // setAttribute(name, v), setAttributeNS(null, name, v): the name lowercased only for the lookup (SVG keeps its
  // case). A namespaced attribute is never the HTML `src`/`href` that loads, so it goes through. Named parameters,
  // not a rest array: no allocation on a hot call. Too few arguments go to the native, which throws its TypeError.
  replaceMethod(
    win.Element.prototype,
    'setAttribute',
    (nativeMethod) =>
      function (this: Element, name: string, value: string) {
        if (arguments.length < 2) return nativeMethod.apply(this, arguments as any);
        const checked = valueToWrite(this, String(name).toLowerCase(), value);
        if (checked !== PARKED) nativeMethod.call(this, name, checked);
      },
  );
  replaceMethod(
    win.Element.prototype,
    'setAttributeNS',
    (nativeMethod) =>
      function (this: Element, namespace: string | null, name: string, value: string) {
        if (arguments.length < 3 || namespace) return nativeMethod.apply(this, arguments as any);
        const checked = valueToWrite(this, String(name).toLowerCase(), value);
        if (checked !== PARKED) nativeMethod.call(this, namespace, name, checked);
      },
  );
  guardUrlReadBack(win);
}

/**
 * A parked element reads back the URL it was given, as the native reads back the attribute: `img.src` after
 * `img.src = tracker` is that URL resolved against the document base (vendor code does `new URL(img.src)`), a
 * `srcset` its text, while the element holds the URL in `data-*` and loads nothing. Only for marked elements
 * (`data-consent`, also an owner's hand-marked tag, whose URL is its `data-src`): a lazy-loader's plain `data-src`
 * keeps reading `''`. A value the URL parser refuses reads back as written, as the native does. `ping` keeps
 * reading what is left after the tracker URLs were taken out.
 */
function guardUrlReadBack(win: Realm): void {
  for (const tag in URL_ATTRIBUTES)
    for (const property of URL_ATTRIBUTES[tag])
      if (property != 'ping')
        replaceAccessor(
          Object.getPrototypeOf(win.document.createElement(tag)),
          property,
          'get',
          (nativeGetter) =>
            function (this: Element) {
              const value = callNative(nativeGetter, this, []);
              const held = callNative(nativeGetAttribute, this, [heldAttribute(property)]);
              if (value !== '' || held == null || callNative(nativeGetAttribute, this, [CONSENT_ATTRIBUTE]) == null)
                return value;
              try {
                return property.endsWith('set') ? held : new win.URL(held, this.baseURI).href;
              } catch {
                return held;
              }
            },
        );
}
