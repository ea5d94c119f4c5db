import type { Gate } from './gate';
import { SEL, ih, inspect, ours, patch, sa } from './inert';

/** Could this string carry a URL attribute? Strings that cannot (most of them) go straight to the native call. */
const CAND = /(src|href|data|ping)[\w-]*\s*=/i;

/**
 * HTML with every held element parked, or `h` itself when nothing was held (so markup round-trips only when it
 * must). Parsing into a `<template>` is inert: nothing in its content fetches or runs. The report's `element` for
 * items found here is the template copy; the live element arrives already parked and is not reported again.
 */
export function scrub(doc: Document, g: Gate, h: unknown): unknown {
  const s = String(h);
  if (!CAND.test(s)) return h;
  const t = doc.createElement('template');
  ih.call(t, s);
  let hit = false;
  for (const el of t.content.querySelectorAll(SEL + ',[srcdoc]')) {
    hit = inspect(g, el) || hit;
    const d = el.getAttribute('srcdoc'),
      x = d && scrub(doc, g, d);
    if (x != d) (hit = true), sa.call(el, 'srcdoc', x as string);
  }
  // template serialisation keeps `<script>` text and attributes; a parked script comes out as type="text/plain"
  return hit ? t.innerHTML : h;
}

/**
 * Guard HTML-string insertion in this realm: innerHTML/outerHTML (Element, ShadowRoot), insertAdjacentHTML,
 * Range#createContextualFragment (its scripts do run) and document.write/writeln (whose scripts run before any
 * observer could see them; after parsing, see below). Not covered: `setHTMLUnsafe`, DOMParser /
 * Document.parseHTMLUnsafe output adopted later (the parser guard sees it on insertion, after an img may have started).
 */
export function guardMarkup(win: Window & typeof globalThis, g: Gate): void {
  const E = win.Element.prototype,
    D = win.Document.prototype,
    set = (o: unknown, k: string) =>
      patch(
        o,
        k,
        (f) =>
          function (h) {
            f.call(this, scrub(win.document, g, h));
          },
        'set',
      ),
    // `i`: the index of the HTML argument
    call = (o: unknown, k: string, i = 0) =>
      patch(
        o,
        k,
        (f) =>
          function (...a) {
            // write/writeln take any number of strings: check them as one
            if (k[0] == 'w') {
              if (a.length > 1) a = [a.join('')];
              // a script we inserted, or parsing is over: a real write would wipe the page or be ignored. The markup
              // goes after the writing script as parsed nodes instead (the guarded fragment scrubs it; its scripts run
              // and are ours too). An empty document (a blank frame being filled) is still written.
              const s = this.currentScript;
              if (ours.has(s) || (this.readyState != 'loading' && this.body?.firstChild)) {
                const r = this.createRange();
                s ? r.setStartAfter(s) : (r.selectNodeContents(this.body), r.collapse());
                const f = r.createContextualFragment(a[0]);
                f.querySelectorAll('script').forEach((x: Element) => ours.add(x));
                return r.insertNode(f);
              }
            }
            a[i] = scrub(win.document, g, a[i]);
            return f.apply(this, a);
          },
      );
  set(E, 'innerHTML');
  set(E, 'outerHTML');
  set(win.ShadowRoot?.prototype, 'innerHTML');
  call(E, 'insertAdjacentHTML', 1);
  call(win.Range?.prototype, 'createContextualFragment');
  call(D, 'write');
  call(D, 'writeln');
}
