import { CONSENT_ATTRIBUTE, consentCategories, heldAttribute, VENDOR_ATTRIBUTE } from '../catalogue/marked-form';
import type { Realm } from '../core/realm';
import type { CategoryId } from '../core/types';
import type { Gate } from './gate';
import { onParkedFrame } from './marker';

/** The placeholder's shadow host (a shipped tag name); a blocked iframe waits inside it, unslotted, so not rendered. */
export const PLACEHOLDER_TAG = 'consentry-embed';

// No inline style attribute and no <style>: a constructable sheet works under `default-src 'self'`. Colour and font
// inherit from the page, so the text stays readable on any page; the border marks the embed's place.
const PLACEHOLDER_CSS =
  ':host{display:inline-grid;place-content:center;gap:1em;box-sizing:border-box;width:300px;height:150px;max-width:100%;padding:1em;text-align:center;border:1px solid}p{margin:0}';

/** The placeholder's strings: `{vendor}` and `{category}` are filled in. */
export interface PlaceholderTexts {
  blocked: string;
  allow: string;
}

/**
 * Puts a placeholder in place of each blocked iframe (parked by any guard, or marked `<iframe data-consent data-src>`):
 * a shadow host naming the vendor with an "allow and load" button that calls `onAllow` for each category of the
 * iframe's `data-consent` not allowed yet. The iframe waits inside the host, unslotted (so not rendered) and still
 * found by re-activation, which puts it back. Lives in the loader: no UI chunk needed, only the language file for
 * its strings, fetched on the first blocked embed (so the placeholder appears a moment after the iframe is parked;
 * the iframe itself is held at once). Sized from the iframe's width/height attributes through CSSOM (allowed by
 * CSP), default 300×150.
 */
export function showPlaceholders(
  win: Window,
  texts: () => Promise<PlaceholderTexts>,
  onAllow: (category: CategoryId) => void,
  gate: Pick<Gate, 'allowed'>,
): void {
  const place = (frame: Element, strings: PlaceholderTexts) => {
    const doc = frame.ownerDocument;
    const missing = consentCategories(frame.getAttribute(CONSENT_ATTRIBUTE) || '').filter((c) => !gate.allowed(c));
    // already placed, released meanwhile, or nothing left to allow
    if (!frame.isConnected || frame.parentElement?.localName == PLACEHOLDER_TAG || !missing[0]) return;
    const host = doc.createElement(PLACEHOLDER_TAG);
    const root = host.attachShadow({ mode: 'open' });
    const message = doc.createElement('p');
    const button = doc.createElement('button');
    let vendor = frame.getAttribute(VENDOR_ATTRIBUTE);
    try {
      vendor ||= new URL(frame.getAttribute(heldAttribute('src'))!, doc.baseURI).hostname;
    } catch {
      /* no usable URL: name the categories only */
    }
    try {
      const sheet = new (doc.defaultView as Realm).CSSStyleSheet();
      sheet.replaceSync(PLACEHOLDER_CSS);
      root.adoptedStyleSheets = [sheet];
    } catch {
      /* unstyled but usable */
    }
    for (const side of ['width', 'height'] as const) {
      const size = frame.getAttribute(side);
      if (size) host.style[side] = Number.isNaN(+size) ? size : size + 'px';
    }
    message.id = 'm';
    message.textContent = strings.blocked
      .replace('{vendor}', () => vendor || '')
      .replace('{category}', () => missing.join(', '));
    button.textContent = strings.allow;
    button.setAttribute('aria-describedby', 'm');
    button.onclick = () => {
      for (const category of missing) onAllow(category);
    };
    root.append(message, button);
    frame.before(host);
    host.append(frame);
  };
  // Strings that cannot load leave the iframe parked and blank: held all the same (the UI logs the failure).
  const show = (frame: Element) =>
    texts().then(
      (strings) => place(frame, strings),
      () => {},
    );
  onParkedFrame(show);
  for (const frame of win.document.querySelectorAll('iframe[' + CONSENT_ATTRIBUTE + ']')) show(frame);
}
