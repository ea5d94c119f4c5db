import { allowedAll, type Gate } from './gate';
import { CONSENT, HOST, PING, TAGS, TYPE, VENDOR, detached, ours, sa } from './inert';

/** How long an inline script waits for the external scripts before it (one that hangs must not stall the rest). */
export const BARRIER_MS = 3000;

/** The type a marker script gets back (owners may write `data-type`). */
const ty = (el: Element) => el.getAttribute(TYPE) || el.getAttribute('data-type');

/**
 * When consent widens, bring back what is now allowed, in document order, each once: parked and owner-marked
 * elements in the document plus parked ones that never reached it (`new Image()`, scripts not yet inserted).
 *
 * A marker script in the document is replaced by a NEW script (a clone would be "already started" and never run)
 * with every attribute, its text, its original type and its nonce (the property: the attribute reads "" once the
 * browser hides it). External classic scripts go in with `async = false` (parallel download, original order) unless
 * they were async; an inline classic script is a barrier: it waits for the load/error of the externals queued before
 * it, at most BARRIER_MS. Modules and `defer` scripts of a batch follow its classic scripts. Other elements get their
 * URL attributes back in place (an a/area the ping URLs of each category now allowed); a blocked iframe leaves its
 * placeholder.
 *
 * Limit: tags that wait for DOMContentLoaded/load which already fired may not start; most tags check readyState.
 * Stopping what already ran on withdrawal is the loader's reload (reloadOnWithdraw), not this.
 * `remember(el)`: a marked tag that arrived while allowed is released now.
 */
export function createReactivator(win: Window, g: Gate): { release(): void; remember(el: Element): void } {
  const queue: Element[] = [];
  let loads: Promise<unknown>[] = [],
    busy = false;

  // restore a marker's own attributes in place (a non-script, a script not in a document, or the new script)
  const inPlace = (el: Element) => {
    const p = el.parentElement,
      t = ty(el);
    if (p?.localName == HOST) p.replaceWith(el);
    for (const n of [VENDOR, TYPE, 'data-type']) el.removeAttribute(n);
    // the type can only be set once data-consent is gone, or the type guard would keep it text/plain
    if (el.localName == 'script') t ? el.setAttribute('type', t) : el.removeAttribute('type');
    for (const a of TAGS[el.localName]) {
      const v = el.getAttribute('data-' + a);
      if (v != null) {
        el.removeAttribute('data-' + a);
        el.setAttribute(a, v);
      }
    }
  };

  // through the guards: they may park the new script again for another category (then it never loads: not awaited)
  const run = (el: Element) => {
    const n = el.ownerDocument.createElement('script');
    ours.add(n);
    for (const a of el.attributes) n.setAttribute(a.name, a.value);
    inPlace(n);
    n.textContent = el.textContent;
    // after the attributes: a copied nonce="" (hidden nonce) would clear it
    n.nonce = (el as HTMLElement).nonce;
    if (!el.hasAttribute('async')) {
      n.async = false;
      if (n.src && !n.hasAttribute(CONSENT) && n.type != 'module')
        loads.push(new Promise((r) => ['load', 'error'].forEach((e) => n.addEventListener(e, r))));
    }
    el.replaceWith(n);
  };

  // runs synchronously up to the first barrier; one pump at a time, so a release during a wait only queues
  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      for (let el; (el = queue.shift()); ) {
        if (loads.length && !el.hasAttribute('src') && !el.hasAttribute('data-src') && ty(el) != 'module') {
          await Promise.race([Promise.all(loads), new Promise((r) => setTimeout(r, BARRIER_MS))]);
          loads = [];
        }
        run(el);
      }
    } finally {
      busy = false;
    }
  };

  const release = () => {
    const later: Element[] = [];
    for (const el of [...win.document.querySelectorAll('[' + CONSENT + ']'), ...detached]) {
      const c = el.getAttribute(CONSENT),
        l = el.localName;
      if (c == null || !TAGS[l]) continue;
      if (l[0] == 'a') {
        // a/area: each category's ping URLs go back once it is allowed (natively: the guard would drop those still
        // held); the rest stay held
        const k = c.split(' ').filter((x) => {
          if (!g.allowed(x)) return 1;
          sa.call(el, 'ping', [el.getAttribute('ping'), el.getAttribute(PING + x)].join(' ').trim());
          el.removeAttribute(PING + x);
        });
        k[0] ? sa.call(el, CONSENT, k.join(' ')) : [CONSENT, VENDOR].map((n) => el.removeAttribute(n));
      } else if (allowedAll(g.allowed, c)) {
        detached.delete(el);
        // gone before anything else: nothing is queued twice, and the guards no longer hold it
        el.removeAttribute(CONSENT);
        if (l != 'script' || !el.isConnected) inPlace(el);
        else (ty(el) == 'module' || el.hasAttribute('defer') ? later : queue).push(el);
      }
    }
    queue.push(...later);
    pump();
  };
  // a marked element that arrived while allowed comes back now, with whatever else is due (one removed again before
  // that is handed over anew if it is ever re-inserted)
  return { release, remember: release };
}
