import {
  CONSENT_ATTRIBUTE,
  heldAttribute,
  ORIGINAL_TYPE_ATTRIBUTE,
  URL_ATTRIBUTES,
  XLINK_NAMESPACE,
} from '../catalogue/marked-form';
import { NO_ARGUMENTS } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import { checkAttributeWrite } from './check';
import type { Gate } from './gate';
import { isMarkedHeld, PARKED } from './marker';
import { scrubMarkup } from './markup';
import {
  callNative,
  nativeGetAttribute,
  nativeSetAttribute,
  replaceAccessor,
  replaceConstructor,
  replaceMethod,
} from './natives';

/** The reflecting property of a URL attribute, where its name differs (most are the same word). */
const PROPERTY: Record<string, string> = { imagesrcset: 'imageSrcset', 'http-equiv': 'httpEquiv' };

/** The object on `prototype`'s chain that owns `property` (`src` of audio and video is HTMLMediaElement's). */
const propertyOwner = (prototype: any, property: string): any => {
  while (prototype && !Object.getOwnPropertyDescriptor(prototype, property))
    prototype = Object.getPrototypeOf(prototype);
  return prototype;
};

/**
 * The table name of an attribute written with namespace `namespace` and qualified name `name`: `xlink:href` for an
 * XLink `href` whatever its prefix, the lowercased name without a namespace, '' for any other namespace (it loads
 * nothing).
 */
const attributeName = (namespace: string | null, name: string): string =>
  namespace == XLINK_NAMESPACE
    ? name.slice(name.indexOf(':') + 1) == 'href'
      ? 'xlink:href'
      : ''
    : namespace
      ? ''
      : String(name).toLowerCase();

/**
 * Guards every way a URL gets onto an element of this realm: the reflecting properties of URL_ATTRIBUTES (`src`,
 * `srcset`, `imageSrcset`, `poster`, `background`, `data`, `ping`...; script `type`, iframe `srcdoc`, meta `content`
 * and `httpEquiv`), wherever on the prototype chain they live (`src` of audio and video is HTMLMediaElement's);
 * `setAttribute`, `setAttributeNS` (an XLink `href` as `xlink:href`), an attribute node's `value`, `nodeValue`
 * and `textContent`, `setAttributeNode(NS)` and `attributes.setNamedItem(NS)`; and `new Audio(url)`, whose
 * constructor writes `src` natively. `new Image()` sets nothing. Prototypes, not instances, so `Element.prototype.setAttribute.call(el, …)`
 * is caught too. A held URL parks the element (see marker.ts) and is reported once per element by the gate.
 *
 * Not covered: CSS `url()`.
 */
export function guardElements(win: Realm, gate: Gate): void {
  /** The value to hand to the native write of attribute `name`, or PARKED. */
  const valueToWrite = (el: Element, name: string, value: unknown): unknown => {
    if (name == 'srcdoc') return scrubMarkup(win.document, gate, value);
    // a parked script stays a data block: a later `type` only becomes the type it gets back on consent
    if (name == 'type' && el.localName == 'script' && isMarkedHeld(gate, el)) {
      callNative(nativeSetAttribute, el, [ORIGINAL_TYPE_ATTRIBUTE, value as string]);
      return PARKED;
    }
    return checkAttributeWrite(gate, el, name, value);
  };
  // one wrapper per native setter: audio and video share HTMLMediaElement's `src`, td and th their `background`
  const wrapped = new Set<unknown>();
  const readBack: ReadBack[] = [];
  for (const tag of [...Object.keys(URL_ATTRIBUTES), 'meta']) {
    const extra =
      tag == 'script' ? ['type'] : tag == 'iframe' ? ['srcdoc'] : tag == 'meta' ? ['content', 'http-equiv'] : [];
    // one element per tag, not one per attribute: a media or frame element is not free to create
    const prototype = Object.getPrototypeOf(win.document.createElement(tag));
    for (const name of [...(URL_ATTRIBUTES[tag] || []), ...extra]) {
      const property = PROPERTY[name] || name;
      const owner = propertyOwner(prototype, property);
      const setter = owner && Object.getOwnPropertyDescriptor(owner, property)!.set;
      if (wrapped.has(setter)) continue;
      wrapped.add(setter);
      // the URL attributes (not the extras) read back what they were given; `ping` keeps what is left of it
      if (owner && name != 'ping' && !extra.includes(name)) readBack.push([owner, property, name]);
      replaceAccessor(
        owner,
        property,
        'set',
        (nativeSetter) =>
          function (this: Element, value: unknown) {
            const checked = valueToWrite(this, name, value);
            if (checked !== PARKED) callNative(nativeSetter, this, [checked]);
          },
      );
    }
  }
  // setAttribute(name, v), setAttributeNS(namespace, name, v): the name lowercased only for the lookup (SVG keeps
  // its case). Named parameters, not a rest array: no allocation on a hot call. Too few arguments go to the native,
  // which throws its TypeError.
  replaceMethod(
    win.Element.prototype,
    'setAttribute',
    (nativeMethod) =>
      function (this: Element, name: string, value: string) {
        if (arguments.length < 2) return callNative(nativeMethod, this, arguments);
        const checked = valueToWrite(this, attributeName(null, name), value);
        if (checked !== PARKED) callNative(nativeMethod, this, [name, checked]);
      },
  );
  replaceMethod(
    win.Element.prototype,
    'setAttributeNS',
    (nativeMethod) =>
      function (this: Element, namespace: string | null, name: string, value: string) {
        if (arguments.length < 3) return callNative(nativeMethod, this, arguments);
        const checked = valueToWrite(this, attributeName(namespace, name), value);
        if (checked !== PARKED) callNative(nativeMethod, this, [namespace, name, checked]);
      },
  );
  // An attribute node: checked for the element it is (or is about to be) on. A parked element keeps the value in its
  // marked form, so the node itself is never attached (null: no attribute was replaced) or keeps its old value.
  const checkNode = (el: Element | null, attr: Attr, value: unknown) =>
    el?.localName ? valueToWrite(el, attributeName(attr.namespaceURI, attr.name), value) : value;
  replaceAccessor(
    win.Attr.prototype,
    'value',
    'set',
    (nativeSetter) =>
      function (this: Attr, value: unknown) {
        const checked = checkNode(this.ownerElement, this, value);
        if (checked !== PARKED) callNative(nativeSetter, this, [checked]);
      },
  );
  // Node's `nodeValue` and `textContent` set an attribute node's value too. Every other node passes straight on: the
  // node type is read with the captured native getter, so a page cannot make an attribute node look like another.
  const nativeNodeType = Object.getOwnPropertyDescriptor(win.Node.prototype, 'nodeType')!.get!;
  for (const name of ['nodeValue', 'textContent'])
    replaceAccessor(
      win.Node.prototype,
      name,
      'set',
      (nativeSetter) =>
        function (this: Node, value: unknown) {
          // every other node (a framework's hottest write): straight on, with the caller's own argument list
          if (callNative(nativeNodeType, this, NO_ARGUMENTS) != 2) return callNative(nativeSetter, this, arguments);
          const checked = checkNode((this as Attr).ownerElement, this as Attr, value);
          if (checked !== PARKED) callNative(nativeSetter, this, [checked]);
        },
    );
  // A NamedNodeMap does not name its element: each map is remembered, on its first read, with the element it is of.
  const mapOwners = new WeakMap<NamedNodeMap, Element>();
  replaceAccessor(
    win.Element.prototype,
    'attributes',
    'get',
    (nativeGetter) =>
      function (this: Element) {
        const map = callNative(nativeGetter, this, NO_ARGUMENTS);
        mapOwners.has(map) || mapOwners.set(map, this);
        return map;
      },
  );
  for (const [target, name] of [
    [win.Element.prototype, 'setAttributeNode'],
    [win.Element.prototype, 'setAttributeNodeNS'],
    [win.NamedNodeMap.prototype, 'setNamedItem'],
    [win.NamedNodeMap.prototype, 'setNamedItemNS'],
  ] as const)
    replaceMethod(
      target,
      name,
      (nativeMethod) =>
        function (this: Element | NamedNodeMap, attr: Attr) {
          const el = mapOwners.get(this as NamedNodeMap) || (this as Element);
          return attr?.nodeType == 2 && checkNode(el, attr, attr.value) === PARKED
            ? null
            : callNative(nativeMethod, this, arguments);
        },
    );
  // new Audio(src): the native constructor writes `src` past every setter, so the guarded one writes it instead.
  const NativeAudio: any = win.Audio;
  if (NativeAudio) {
    // Without `new`, Reflect.construct throws the TypeError the native one would.
    const GuardedAudio = function Audio(this: any) {
      const audio = Reflect.construct(NativeAudio, [], new.target);
      if (arguments[0] !== undefined) audio.src = arguments[0];
      return audio;
    };
    replaceConstructor(win, 'Audio', GuardedAudio);
  }
  guardUrlReadBack(win, readBack);
}

/** A URL property that reads back its held URL: the prototype that owns it, its name, and its attribute's. */
type ReadBack = [owner: any, property: string, attribute: string];

/**
 * A parked element reads back the URL it was given, as the native reads back the attribute: `img.src` after
 * `img.src = tracker` is that URL resolved against the document base (vendor code does `new URL(img.src)`), a
 * `srcset` its text, while the element holds the URL in `data-*` and loads nothing. Only for marked elements
 * (`data-consent`, also an owner's hand-marked tag, whose URL is its `data-src`): a lazy-loader's plain `data-src`
 * keeps reading `''`. A value the URL parser refuses reads back as written, as the native does. `ping` keeps
 * reading what is left after the tracker URLs were taken out.
 */
function guardUrlReadBack(win: Realm, properties: ReadBack[]): void {
  for (const [owner, property, name] of properties) {
    replaceAccessor(
      owner,
      property,
      'get',
      (nativeGetter) =>
        function (this: Element) {
          const value = callNative(nativeGetter, this, NO_ARGUMENTS);
          const held = callNative(nativeGetAttribute, this, [heldAttribute(name)]);
          if (value !== '' || held == null || callNative(nativeGetAttribute, this, [CONSENT_ATTRIBUTE]) == null)
            return value;
          try {
            return name.endsWith('set') ? held : new win.URL(held, this.baseURI).href;
          } catch {
            return held;
          }
        },
    );
  }
}
