import type { BlockedItem, CategoryId } from '../core/types';
import { item, type Gate } from './gate';
import type { Matcher } from '../catalogue/matcher';

type Win = Window & typeof globalThis;

/** Cookie names already reported, per page (one gate per page), so blocked() lists a name once, not every write. */
const seen = new WeakMap<Gate, Set<string>>();

/**
 * Cookie writes from page code: the `document.cookie` setter and `cookieStore.set`.
 * `report` is passed in because the gate reports URLs only; a cookie is reported by name with the cookie's own match.
 */
export function guardCookies(win: Win, gate: Gate, report: (item: BlockedItem) => void): void {
  const names = seen.get(gate) || new Set();
  seen.set(gate, names);
  // True when the write must be dropped. Fail closed: anything that throws drops it.
  const drop = (name: string, deletion: unknown): boolean => {
    try {
      name = name.trim();
      const m = deletion || gate.keep.includes(name) ? 0 : gate.matcher.cookie(name);
      if (!m || gate.allowed(m.category)) return false;
      if (!names.has(name)) report(item('cookie', name, m)), names.add(name);
    } catch {}
    return true;
  };

  // The accessor lives on Document.prototype (HTMLDocument.prototype in old Gecko, a subclass in test DOMs):
  // take it from wherever the chain has it, and keep its getter as is so reads stay native.
  let p: any = win.document,
    d: PropertyDescriptor | undefined;
  while (p && !(d = Object.getOwnPropertyDescriptor(p, 'cookie'))) p = Object.getPrototypeOf(p);
  const set = d?.set;
  if (set)
    Object.defineProperty(p, 'cookie', {
      ...d,
      set(v: string) {
        v = String(v);
        // The name ends at the first `=` (or `;` for a nameless cookie, whose value we then treat as the name:
        // browsers show `document.cookie = "_ga"` as `_ga`, so it is classified like one).
        // A deletion is Max-Age <= 0, or (without a numeric Max-Age, which wins) an Expires in the past.
        const age = /;\s*max-age\s*=\s*(-?\d+)/i.exec(v),
          exp = /;\s*expires\s*=([^;]*)/i.exec(v);
        if (!drop(v.split(/[=;]/, 1)[0], age ? +age[1] <= 0 : exp && Date.parse(exp[1]) < Date.now()))
          set.call(this, v);
      },
    });

  const C = (win as any).CookieStore?.prototype;
  const native = C?.set;
  // delete() is left native: deletions always pass.
  if (native)
    C.set = function set(this: any, a: any) {
      const o = typeof a == 'string' ? { name: a } : a || {};
      // A held write resolves as if written: rejecting would surface as an unhandled error in vendor code,
      // while a later get() simply finds nothing, as after an expiry.
      return drop(String(o.name ?? ''), o.expires != null && o.expires < Date.now())
        ? win.Promise.resolve()
        : native.apply(this, arguments);
    };
}

// Second-level labels that are public suffixes, common enough to spare useless writes. Not the Public Suffix
// List on purpose: a suffix missing here (com.mx, github.io) is merely tried, and browsers ignore a Domain= that
// is a public suffix, so the cost of an unlisted one is one wasted write, never a deleted cookie elsewhere.
const SUFFIXES = 'co.uk org.uk gov.uk ac.uk com.au com.cn com.tw com.hk co.jp ne.jp com.br co.nz co.in'.split(' ');

/**
 * Every Domain= a cookie visible on `host` may carry: the host, then each parent with at least two labels, stopping
 * before a listed public suffix. A one-label host (localhost) or an IP address has none beyond itself.
 */
export function cookieDomains(host: string): string[] {
  const out = [host];
  if (!/^[\d.]+$|:/.test(host))
    for (let l = host.split('.'); l.shift() && l[1] && !SUFFIXES.includes(l.join('.')); ) out.push(l.join('.'));
  return out;
}

/** `/` and every prefix of `pathname`, with and without its trailing slash (a cookie's Path= may be either). */
export function cookiePaths(pathname: string): string[] {
  const out = new Set(['/']);
  for (let i = 1; i <= pathname.length; i++)
    if (i == pathname.length || pathname[i] == '/') out.add(pathname.slice(0, i)).add(pathname.slice(0, i + 1));
  return [...out];
}

/**
 * Deletes every cookie visible in `document.cookie` whose category is in `categories`, on each domain and path it
 * may have been written on (host-only and Domain=, `/` and each prefix of the current path). Returns the names.
 * Cannot reach HttpOnly, third-party or other-path cookies, nor localStorage: the matcher names no storage keys.
 */
export function purgeCookies(win: Win, matcher: Matcher, categories: CategoryId[], keep: string[]): string[] {
  const { document: doc, location: loc } = win;
  const names = [...new Set(doc.cookie.split(';').map((c) => c.split('=')[0].trim()))].filter(
    (n) => n && !keep.includes(n) && categories.includes(matcher.cookie(n)?.category!),
  );
  for (const n of names)
    for (const d of ['', ...cookieDomains(loc.hostname).map((d) => ';domain=' + d)])
      for (const p of cookiePaths(loc.pathname)) doc.cookie = `${n}=;max-age=0;path=${p}${d}`;
  return names;
}
