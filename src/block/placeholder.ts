import { allowedAll, type Gate } from './gate';
import { CONSENT, HOST, VENDOR, onFrame } from './inert';

// No inline style attribute and no <style>: a constructable sheet works under `default-src 'self'`.
const CSS =
  ':host{display:inline-grid;place-content:center;gap:.75em;box-sizing:border-box;max-width:100%;padding:1em;text-align:center;font:14px system-ui,sans-serif;color:#222;background:#eee;border:1px solid #888}p{margin:0}button{font:inherit;padding:.5em 1em}@media(prefers-color-scheme:dark){:host{color:#eee;background:#222}}';

const px = (v: string) => (isNaN(+v) ? v : v + 'px');

/**
 * Put a placeholder in place of each blocked iframe (parked by any guard, or marked `<iframe data-consent data-src>`):
 * a shadow host naming the vendor with an "allow and load" button that calls `onAllow` for each category of the
 * iframe's `data-consent`. The iframe waits inside the host, unslotted (so not rendered) and still found by
 * re-activation, which puts it back. `label` turns a category id into its display name. Lives in the loader: no UI
 * chunk needed. Sized from the iframe's width/height attributes through CSSOM (allowed by CSP), default 300×150.
 */
export function placeholders(
  win: Window,
  texts: { blocked: string; allow: string },
  onAllow: (category: string) => void,
  gate?: Pick<Gate, 'allowed'>,
  label: (category: string) => string = (c) => c,
): void {
  const ok = (c: string) => !!gate && gate.allowed(c);
  const show = (f: Element) => {
    const p = f.parentNode,
      d = f.ownerDocument,
      c = f.getAttribute(CONSENT) || '';
    if (!p || (p as Element).localName == HOST || allowedAll(ok, c)) return;
    const h = d.createElement(HOST) as HTMLElement,
      r = h.attachShadow({ mode: 'open' }),
      t = d.createElement('p'),
      b = d.createElement('button'),
      cats = c.split(' ').filter((x) => x && !ok(x));
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
    h.style.width = px(f.getAttribute('width') || '300');
    h.style.height = px(f.getAttribute('height') || '150');
    t.id = 'm';
    t.textContent = texts.blocked.replace('{vendor}', () => v || '').replace('{category}', () => cats.map(label).join(', '));
    b.type = 'button';
    b.textContent = texts.allow;
    b.setAttribute('aria-describedby', 'm');
    b.addEventListener('click', () => cats.forEach((x) => onAllow(x)));
    r.append(t, b);
    p.insertBefore(h, f);
    h.appendChild(f);
  };
  onFrame(show);
  win.document.querySelectorAll('iframe[' + CONSENT + ']').forEach(show);
}
