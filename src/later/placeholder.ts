import {
  CONSENT_ATTRIBUTE,
  consentCategories,
  heldAttribute,
  PLACEHOLDER_TAG,
  VENDOR_ATTRIBUTE,
} from '../catalogue/marked-form';
import type { PlaceholderTexts } from '../core/later-contract';
import type { Realm } from '../core/realm';
import type { CategoryId } from '../core/types';

// No inline style attribute and no <style>: a constructable sheet works under `default-src 'self'`. Colour and font
// inherit from the page, so the text stays readable on any page; the border marks the embed's place.
const PLACEHOLDER_CSS =
  ':host{display:inline-grid;place-content:center;gap:1em;box-sizing:border-box;width:300px;height:150px;max-width:100%;padding:1em;text-align:center;border:1px solid}p{margin:0}';

/** Iframes drawn over by a placeholder now. */
const placed = new WeakSet<Element>();

/**
 * Puts a placeholder beside a blocked iframe (parked by any guard, or marked `<iframe data-consent data-src>`):
 * a shadow host naming the vendor with an "allow and load" button that calls `onAllow` for each category of the
 * iframe's `data-consent` not allowed yet, on a trusted click. The iframe stays where the site put it, a child of
 * the same parent (so the site's own `removeChild`, `replaceWith`, `remove` keep working), hidden by an inline
 * `display: none !important` while the host is drawn just before it. The placeholder goes away, and the iframe's
 * own `style` attribute comes back as it was, when the iframe leaves that place (removed or moved: moved while still
 * held, it gets a new placeholder there) or stops being held (re-activation, an owner's change). Sized from the
 * iframe's width/height attributes through CSSOM (allowed by CSP), default 300×150. Does nothing when the iframe is
 * already placed, no longer in the document, or allowed meanwhile.
 */
export function placePlaceholder(
  frame: Element,
  texts: PlaceholderTexts,
  onAllow: (category: CategoryId) => void,
  allowed: (category: CategoryId) => boolean,
): void {
  const doc = frame.ownerDocument;
  const missing = consentCategories(frame.getAttribute(CONSENT_ATTRIBUTE) || '').filter((c) => !allowed(c));
  if (!frame.isConnected || placed.has(frame) || !missing[0]) return;
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
  message.textContent = texts.blocked
    .replace('{vendor}', () => vendor || '')
    .replace('{category}', () => missing.join(', '));
  button.textContent = texts.allow;
  button.setAttribute('aria-describedby', 'm');
  // The visitor's own click only: a page script's click() on this open shadow root allows nothing.
  button.onclick = (event) => {
    if (event.isTrusted) for (const category of missing) onAllow(category);
  };
  root.append(message, button);
  frame.before(host);
  const style = frame.getAttribute('style');
  (frame as HTMLElement).style.setProperty('display', 'none', 'important');
  placed.add(frame);
  const watch = new (doc.defaultView as Realm).MutationObserver(() => {
    const held = consentCategories(frame.getAttribute(CONSENT_ATTRIBUTE) || '').some((c) => !allowed(c));
    if (frame.previousSibling == host && held) return;
    watch.disconnect();
    host.remove();
    placed.delete(frame);
    if (style == null) frame.removeAttribute('style');
    else frame.setAttribute('style', style);
    if (held) placePlaceholder(frame, texts, onAllow, allowed);
  });
  watch.observe(frame, { attributes: true });
  watch.observe(frame.parentNode!, { childList: true });
}
