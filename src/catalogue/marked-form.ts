/**
 * The marked form of a tag: what a held tag looks like, whether a site owner wrote it by hand, the build or server
 * rewriter produced it (src/mark/), or a guard parked the element at run time (src/block/). One vocabulary, so one
 * re-activation path serves all three. Pure data and string helpers: no DOM, imported by the loader, the service
 * worker and Node alike.
 *
 * The attribute names are shipped strings (they appear in site owners' HTML), so they stay as written here.
 */

/** The categories that must all be allowed before the tag may load or run, separated by spaces. */
export const CONSENT_ATTRIBUTE = 'data-consent';
/** The vendor the catalogue named when the tag was held (shown by placeholders and `blocked()`). */
export const VENDOR_ATTRIBUTE = 'data-consentry-vendor';
/** A held script's original `type` (`module` matters); a held script itself is `type="text/plain"`. */
export const ORIGINAL_TYPE_ATTRIBUTE = 'data-consentry-type';
/** The same, as site owners write it by hand on a marked script. */
export const OWNER_TYPE_ATTRIBUTE = 'data-type';
/** + category: the tracker URLs taken out of an a/area `ping`, kept per category for re-activation. */
export const HELD_PING_PREFIX = 'data-ping-';
/** The type that makes a script a data block: never fetched, never run. */
export const INERT_SCRIPT_TYPE = 'text/plain';

/**
 * Element → the attributes that make it fetch a URL, in the order re-activation restores them (srcset before src,
 * so an image chooses once). No prototype: `URL_ATTRIBUTES[tagName]` of any name is safe. A held element other than a
 * script carries each of them as `data-<name>`; a held script keeps its `src`/`href` (a `text/plain` script never
 * fetches). a/area are never held whole: only the tracker URLs of their `ping` are taken out.
 *
 * Where it comes from: the HTML standard's index of attributes, every attribute whose value is a URL that the
 * element's own processing model fetches (img/source srcset and src, script, iframe, embed, audio, video, track and
 * input type=image src, video poster, object data, link href and imagesrcset, a/area ping), plus the obsolete ones
 * Chromium still fetches (frame src; body and table-part `background`, drawn as a background image). SVG 2: script,
 * image, feImage and use load their `href`, or `xlink:href` (the XLink-namespaced attribute, matched here by its
 * qualified name). Left out on purpose: navigations a visitor starts (a/area href, form action, formaction), and
 * attributes that never fetch (base href, cite, longdesc, itemid, imagesizes). `<meta http-equiv=refresh>` is a
 * navigation, refused by the element guard, never parked (src/block/check.ts).
 */
export const URL_ATTRIBUTES: Record<string, readonly string[]> = Object.assign(Object.create(null), {
  script: ['src', 'href', 'xlink:href'],
  img: ['srcset', 'src'],
  source: ['srcset', 'src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  audio: ['src'],
  video: ['poster', 'src'],
  track: ['src'],
  input: ['src'],
  object: ['data'],
  link: ['imagesrcset', 'href'],
  a: ['ping'],
  area: ['ping'],
  body: ['background'],
  table: ['background'],
  thead: ['background'],
  tbody: ['background'],
  tfoot: ['background'],
  tr: ['background'],
  td: ['background'],
  th: ['background'],
  image: ['href', 'xlink:href'],
  feImage: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
});

/** The namespace of `xlink:href`, the SVG 1.1 form of `href` that SVG 2 still loads. */
export const XLINK_NAMESPACE = 'http://www.w3.org/1999/xlink';

/** The blocked-embed placeholder's shadow host, drawn just before its blocked iframe (which stays in place, hidden). */
export const PLACEHOLDER_TAG = 'consentry-embed';

/** Where a held element keeps the value of URL attribute `name`. */
export const heldAttribute = (name: string): string => 'data-' + name;

/** ASCII whitespace as HTML defines it (TAB, LF, FF, CR, space): what separates the items of `ping`, `srcset`... */
export const ASCII_WHITESPACE = /[\t\n\f\r ]+/;

/** The categories of a `data-consent` value (`"analytics marketing"`), split on ASCII whitespace as HTML lists are. */
export const consentCategories = (value: string): string[] => value.split(ASCII_WHITESPACE).filter(Boolean);
