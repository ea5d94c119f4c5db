import type { Matcher } from '../catalogue/matcher';
import type { Realm } from '../core/realm';
import type { CategoryId } from '../core/types';
import { blockedItem, type Gate } from './gate';

/** Cookie names already reported, per page (one gate per page), so blocked() lists a name once, not every write. */
const reportedNames = new WeakMap<Gate, Set<string>>();

/** Cookie writes from page code: the `document.cookie` setter and `cookieStore.set`. */
export function guardCookies(win: Realm, gate: Gate): void {
  const reported = reportedNames.get(gate) || new Set();
  reportedNames.set(gate, reported);
  /** True when the write must be dropped. Fail closed: anything that throws drops it. */
  const mustDrop = (name: string, isDeletion: unknown): boolean => {
    try {
      const trimmed = name.trim();
      const match = isDeletion || gate.keep.includes(trimmed) ? undefined : gate.matcher.cookie(trimmed);
      if (!match || gate.allowed(match.category)) return false;
      if (!reported.has(trimmed)) {
        gate.report(blockedItem('cookie', trimmed, match));
        reported.add(trimmed);
      }
    } catch {}
    return true;
  };

  // The accessor lives on Document.prototype (HTMLDocument.prototype in old Gecko, a subclass in test DOMs):
  // take it from wherever the chain has it, and keep its getter as is so reads stay native.
  let owner: any = win.document;
  let descriptor: PropertyDescriptor | undefined;
  while (owner && !(descriptor = Object.getOwnPropertyDescriptor(owner, 'cookie')))
    owner = Object.getPrototypeOf(owner);
  const nativeSetter = descriptor?.set;
  if (nativeSetter)
    Object.defineProperty(owner, 'cookie', {
      ...descriptor,
      set(value: string) {
        const line = String(value);
        // The name ends at the first `=` (or `;` for a nameless cookie, whose value we then treat as the name:
        // browsers show `document.cookie = "_ga"` as `_ga`, so it is classified like one).
        // A deletion is Max-Age <= 0, or (without a numeric Max-Age, which wins) an Expires in the past.
        const maxAge = /;\s*max-age\s*=\s*(-?\d+)/i.exec(line);
        const expires = /;\s*expires\s*=([^;]*)/i.exec(line);
        const isDeletion = maxAge ? +maxAge[1] <= 0 : expires && Date.parse(expires[1]) < Date.now();
        if (!mustDrop(line.split(/[=;]/, 1)[0], isDeletion)) nativeSetter.call(this, line);
      },
    });

  const cookieStorePrototype = (win as any).CookieStore?.prototype;
  const nativeCookieStoreSet = cookieStorePrototype?.set;
  // delete() is left native: deletions always pass.
  if (nativeCookieStoreSet)
    cookieStorePrototype.set = function set(this: any, nameOrOptions: any) {
      const options = typeof nameOrOptions == 'string' ? { name: nameOrOptions } : nameOrOptions || {};
      // A held write resolves as if written: rejecting would surface as an unhandled error in vendor code,
      // while a later get() simply finds nothing, as after an expiry.
      const isDeletion = options.expires != null && options.expires < Date.now();
      return mustDrop(String(options.name ?? ''), isDeletion)
        ? win.Promise.resolve()
        : nativeCookieStoreSet.apply(this, arguments);
    };
}

// Second-level labels that are public suffixes, common enough to spare useless writes. Not the Public Suffix
// List on purpose: a suffix missing here (com.mx, github.io) is merely tried, and browsers ignore a Domain= that
// is a public suffix, so the cost of an unlisted one is one wasted write, never a deleted cookie elsewhere.
const PUBLIC_SUFFIXES = 'co.uk org.uk gov.uk ac.uk com.au com.cn com.tw com.hk co.jp ne.jp com.br co.nz co.in'.split(
  ' ',
);

/**
 * Every Domain= a cookie visible on `host` may carry: the host, then each parent with at least two labels, stopping
 * before a listed public suffix. A one-label host (localhost) or an IP address has none beyond itself.
 */
export function cookieDomains(host: string): string[] {
  const domains = [host];
  if (!/^[\d.]+$|:/.test(host))
    for (let labels = host.split('.'); labels.shift() && labels[1] && !PUBLIC_SUFFIXES.includes(labels.join('.')); )
      domains.push(labels.join('.'));
  return domains;
}

/** `/` and every prefix of `pathname`, with and without its trailing slash (a cookie's Path= may be either). */
export function cookiePaths(pathname: string): string[] {
  const paths = new Set(['/']);
  for (let i = 1; i <= pathname.length; i++)
    if (i == pathname.length || pathname[i] == '/') paths.add(pathname.slice(0, i)).add(pathname.slice(0, i + 1));
  return [...paths];
}

/**
 * Deletes every cookie visible in `document.cookie` whose category is in `categories`, on each domain and path it
 * may have been written on (host-only and Domain=, `/` and each prefix of the current path). Returns the names.
 * Cannot reach HttpOnly, third-party or other-path cookies, nor localStorage: the matcher names no storage keys.
 */
export function purgeCookies(win: Realm, matcher: Matcher, categories: CategoryId[], keep: string[]): string[] {
  const { document: doc, location } = win;
  const visible = new Set(doc.cookie.split(';').map((pair) => pair.split('=')[0].trim()));
  const names = [...visible].filter((name) => {
    const category = name && !keep.includes(name) && matcher.cookie(name)?.category;
    return !!category && categories.includes(category);
  });
  for (const name of names)
    for (const domain of ['', ...cookieDomains(location.hostname).map((d) => ';domain=' + d)])
      for (const path of cookiePaths(location.pathname)) doc.cookie = `${name}=;max-age=0;path=${path}${domain}`;
  return names;
}
