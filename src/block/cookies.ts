import { matchText } from '../core/intrinsics';
import type { Realm } from '../core/realm';
import { blockedItem, type Gate } from './gate';
import { callNative, replaceAccessor, replaceMethod } from './natives';

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
      const match = gate.keep.includes(trimmed) ? undefined : gate.matcher.cookie(trimmed);
      if (!match || gate.allowed(match.category)) return false;
      // A deletion is held too (the caller makes sure it stays one), but it is no write to report.
      if (!isDeletion && !reported.has(trimmed)) {
        gate.report(blockedItem('cookie', trimmed, match));
        reported.add(trimmed);
      }
    } catch {}
    return true;
  };

  // The accessor lives on Document.prototype (HTMLDocument.prototype in old Gecko, a subclass in test DOMs):
  // take it from wherever the chain has it, and keep its getter as is so reads stay native.
  let owner: any = win.document;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'cookie')) owner = Object.getPrototypeOf(owner);
  // replaceAccessor: the wrapper keeps the native's name ("set cookie") and length
  replaceAccessor(
    owner,
    'cookie',
    'set',
    (nativeSetter) =>
      function (this: Document, value: string) {
        const line = String(value);
        // The name ends at the first `=` (or `;` for a nameless cookie, whose value we then treat as the name:
        // browsers show `document.cookie = "_ga"` as `_ga`, so it is classified like one).
        // The attributes as RFC 6265bis reads them: `name=value` after each `;`, both trimmed, names in any case. A
        // Max-Age counts only when it is digits (maybe negative), and the last that counts wins over any Expires;
        // otherwise the last Expires that parses decides. Neither left: a session cookie, not a deletion.
        let maxAge: number | undefined;
        let expires: number | undefined;
        for (const attribute of line.split(';').slice(1)) {
          const [key, ...rest] = attribute.split('=');
          const name = key.trim().toLowerCase();
          const text = rest.join('=').trim();
          if (name == 'max-age' && matchText(/^-?\d+$/, text)) maxAge = +text;
          if (name == 'expires' && !Number.isNaN(Date.parse(text))) expires = Date.parse(text);
        }
        const isDeletion = maxAge == null ? expires! < Date.now() : maxAge <= 0;
        if (!mustDrop(matchText(/^[^=;]*/, line)![0], isDeletion)) callNative(nativeSetter, this, [line]);
        // A held cookie may only be deleted. Browsers differ in how they read dates and odd attributes, so its line
        // goes out with `Max-Age=0` last, which makes it a deletion to every one of them.
        else if (isDeletion) callNative(nativeSetter, this, [line + ';max-age=0']);
      },
  );

  // delete() is left native: deletions always pass.
  // The options are read once, member by member as WebIDL reads a CookieInit, and the native gets that copy: a
  // getter could otherwise answer the guard with one name and the native with another. The two members the guard
  // judges by are converted here, once (the name to text, the expiry to a number); the rest the native converts.
  const readOnce = (options: any) => {
    const copy: any = {};
    // A member left undefined is one the native takes as absent, as it would have.
    for (const member of 'domain expires name partitioned path sameSite value'.split(' '))
      copy[member] = options[member];
    if (copy.name !== undefined) copy.name = `${copy.name}`;
    if (copy.expires != null) copy.expires = +copy.expires;
    return copy;
  };
  replaceMethod(
    (win as any).CookieStore?.prototype,
    'set',
    (nativeCookieStoreSet) =>
      function (this: any, nameOrOptions: any) {
        // Two arguments are (name, value) whatever the first is (`new String('_ga')` names `_ga`): its text is read
        // once, and the native gets that text.
        // One argument is the options. Any object counts, a function too (WebIDL reads its `name` like any other
        // member); anything else goes to the native as it is, which rejects it.
        const options =
          arguments.length > 1
            ? { name: (arguments[0] = `${nameOrOptions}`) }
            : Object(nameOrOptions) === nameOrOptions
              ? (arguments[0] = readOnce(nameOrOptions))
              : {};
        // A held write resolves as if written: rejecting would surface as an unhandled error in vendor code,
        // while a later get() simply finds nothing, as after an expiry.
        const isDeletion = options.expires != null && options.expires < Date.now();
        return mustDrop(String(options.name ?? ''), isDeletion) && !isDeletion
          ? win.Promise.resolve()
          : callNative(nativeCookieStoreSet, this, arguments);
      },
  );
}
