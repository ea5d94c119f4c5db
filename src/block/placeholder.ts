import type { Gate } from './gate';
import { CONSENT, HOST, VENDOR, onFrame } from './inert';

// No inline style attribute and no <style>: a constructable sheet works under `default-src 'self'`. Colour and font
// inherit from the page, so the text stays readable on any page; the border marks the embed's place.
const CSS =
  ':host{display:inline-grid;place-content:center;gap:1em;box-sizing:border-box;width:300px;height:150px;max-width:100%;padding:1em;text-align:center;border:1px solid}p{margin:0}';

/**
 * Put a placeholder in place of each blocked iframe (parked by any guard, or marked `<iframe data-consent data-src>`):
 * a shadow host naming the vendor with an "allow and load" button that calls `onAllow` for each category of the
 * iframe's `data-consent` not allowed yet. The iframe waits inside the host, unslotted (so not rendered) and still
 * found by re-activation, which puts it back. Lives in the loader: no UI chunk needed. Sized from the iframe's
 * width/height attributes through CSSOM (allowed by CSP), default 300×150.
 */
export function placeholders(
  win: Window,
  texts: { blocked: string; allow: string },
  onAllow: (category: string) => void,
  g: Pick<Gate, 'allowed'>,
): void {
  const show = (f: Element) => {
    const d = f.ownerDocument,
      cats = (f.getAttribute(CONSENT) || '').split(' ').filter((x) => x && !g.allowed(x));
    // already placed (only connected iframes come here: there is a parent), or nothing left to allow
    if (f.parentElement?.localName == HOST || !cats[0]) return;
    const h = d.createElement(HOST),
      r = h.attachShadow({ mode: 'open' }),
      t = d.createElement('p'),
      b = d.createElement('button');
    let v = f.getAttribute(VENDOR);
    try {
      v ||= new URL(f.getAttribute('data-src')!, d.baseURI).hostname;
    } catch {
      /* no usable URL: name the categories only */
    }
    try {
      const s = new (d.defaultView as Window & typeof globalThis).CSSStyleSheet();
      s.replaceSync(CSS);
      r.adoptedStyleSheets = [s];
    } catch {
      /* unstyled but usable */
    }
    for (const k of ['width', 'height'] as const) {
      const a = f.getAttribute(k);
      if (a) h.style[k] = isNaN(+a) ? a : a + 'px';
    }
    t.id = 'm';
    t.textContent = texts.blocked.replace('{vendor}', () => v || '').replace('{category}', () => cats.join(', '));
    b.textContent = texts.allow;
    b.setAttribute('aria-describedby', 'm');
    b.onclick = () => cats.forEach((x) => onAllow(x));
    r.append(t, b);
    f.before(h);
    h.append(f);
  };
  onFrame(show);
  win.document.querySelectorAll('iframe[' + CONSENT + ']').forEach(show);
}
