import type { Realm } from '../core/realm';
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
