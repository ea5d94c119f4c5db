import { allowedAll, type Gate } from './gate';
import { CONSENT, HOST, TAGS, TYPE, VENDOR, detached } from './inert';

/** How long an inline script waits for the external scripts before it (one that hangs must not stall the rest). */
export const BARRIER_MS = 3000;

const isModule = (el: Element) => (el.getAttribute(TYPE) || el.getAttribute('data-type')) == 'module';

/** The attribute a marker's attribute goes back to, or '' for the marker's own ones. */
const back = (n: string) =>
  n == CONSENT || n == VENDOR || n == TYPE || n == 'data-type' || n == 'type' ? '' : n == 'data-src' ? 'src' : n;

/**
 * When consent widens, bring back what is now allowed, in document order, each once: parked and owner-marked
 * elements in the document plus parked ones that never reached it (`new Image()`, scripts not yet inserted).
 *
 * A marker script in the document is replaced by a NEW script (a clone would be "already started" and never run)
 * with every attribute, its text, its original type and its nonce (the property: the attribute reads "" once the
 * browser hides it). External classic scripts go in with `async = false` (parallel download, original order) unless
 * they were async; an inline classic script is a barrier: it waits for the load/error of the externals queued before
 * it, at most BARRIER_MS. Modules and `defer` scripts of a batch follow its classic scripts. Other elements get their
 * URL attributes back in place; a blocked iframe leaves its placeholder.
 *
 * Limit: tags that wait for DOMContentLoaded/load which already fired may not start; most tags check readyState.
 * Stopping what already ran on withdrawal is the loader's reload (reloadOnWithdraw), not this.
 * `remember(el)`: a detached element is kept for the next release; a connected one (a marked tag that arrived while
 * allowed) is released now.
 */
export function createReactivator(win: Window, gate: Gate): { release(): void; remember(el: Element): void } {
  const queue: Element[] = [];
  let loads: Promise<unknown>[] = [],
    waiting = false;

  // restore a non-script, or a script that is not in a document (it runs when its owner inserts it)
  const inPlace = (el: Element) => {
    const p = el.parentElement;
    if (p && p.localName == HOST) p.replaceWith(el);
    const t = el.getAttribute(TYPE) || el.getAttribute('data-type');
    for (const n of [VENDOR, TYPE, 'data-type']) el.removeAttribute(n);
    if (el.localName == 'script') {
      // the type can only be set once data-consent is gone, or the type guard would keep it text/plain
      if (t) el.setAttribute('type', t);
      else el.removeAttribute('type');
    }
    // srcset before src, so one image is chosen and fetched
    for (const a of (TAGS[el.localName] || []).slice(1).reverse()) {
      const v = el.getAttribute('data-' + a);
      if (v != null) {
        el.removeAttribute('data-' + a);
        el.setAttribute(a, v);
      }
    }
  };

  const run = (el: Element) => {
    const n = el.ownerDocument.createElement('script') as HTMLScriptElement,
      t = el.getAttribute(TYPE) || el.getAttribute('data-type');
    for (const a of Array.from(el.attributes)) {
      const k = back(a.name);
      if (k) n.setAttribute(k, a.value);
    }
    if (t) n.type = t;
    n.text = el.textContent || '';
    // after the attributes: a copied nonce="" (hidden nonce) would clear it
    n.nonce = (el as HTMLElement).nonce || '';
    const ext = n.hasAttribute('src');
    if (!el.hasAttribute('async')) {
      n.async = false;
      // the guards may park it again for another category: then it never loads, do not wait for it
      if (ext && !n.hasAttribute(CONSENT) && !isModule(el))
        loads.push(new Promise((r) => ['load', 'error'].forEach((e) => n.addEventListener(e, r))));
    }
    el.replaceWith(n);
  };

  const pump = () => {
    while (!waiting && queue.length) {
      const el = queue[0];
      if (!el.hasAttribute('src') && !el.hasAttribute('data-src') && !isModule(el) && loads.length) {
        waiting = true;
        const l = loads;
        loads = [];
        Promise.race([Promise.all(l), new Promise((r) => setTimeout(r, BARRIER_MS))]).then(() => {
          waiting = false;
          pump();
        });
        return;
      }
      queue.shift();
      run(el);
    }
  };

  const release = () => {
    const later: Element[] = [];
    for (const el of [...win.document.querySelectorAll('[' + CONSENT + ']'), ...detached]) {
      const c = el.getAttribute(CONSENT);
      if (c == null || !TAGS[el.localName] || !allowedAll(gate.allowed, c)) continue;
      detached.delete(el);
      // gone before anything else: nothing is queued twice, and the guards no longer hold it
      el.removeAttribute(CONSENT);
      if (el.localName != 'script' || !el.isConnected) inPlace(el);
      else (isModule(el) || el.hasAttribute('defer') ? later : queue).push(el);
    }
    queue.push(...later);
    pump();
  };
  // a connected element can come back now (and brings back whatever else is due); a detached one waits
  return { release, remember: (el) => void (el.isConnected ? release() : detached.add(el)) };
}
