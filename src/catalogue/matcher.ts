import { matchText, replaceText } from '../core/intrinsics';
import type { CategoryId, Rule } from '../core/types';
import { catalogue, categoryOf } from './catalogue';

/** What the catalogue (or a site rule) says about a URL or cookie. */
export interface Match {
  category: CategoryId;
  vendor: string;
}

export interface Matcher {
  /** Category and vendor of a URL (absolute, protocol-relative or relative to the page), or undefined. */
  url(url: string): Match | undefined;
  /** Category and vendor of a first-party cookie name, or undefined. */
  cookie(name: string): Match | undefined;
  /**
   * False only when no URL written in the markup `text` can be one `url` names: every URL in it appears as it loads
   * (no character reference, percent-encoding, backslash or non-ASCII) and no word of it is a named host. True
   * whenever that cannot be told from the text alone.
   */
  mayNameIn(text: string): boolean;
}

export interface MatcherOptions {
  /** Site rules, checked before the catalogue. */
  rules: Rule[];
  /** First-party exceptions: hosts or host+path prefixes never matched. */
  allow: string[];
  /** Site cookie rules (from the categories' cookie tables): exact names or `prefix*`. */
  cookies: { name: string; category: CategoryId; vendor?: string }[];
  /** The page's base URL, to resolve relative URLs. */
  base: string;
}

/**
 * Allow list, site rules, catalogue: one table, keyed by a table letter (`a`, `r` or `c`) + host; each entry a path
 * prefix without its leading `/` ('' for any path) and what it names.
 */
type HostTable = Map<string, [pathPrefix: string, match: Match][]>;
/** A name, or the parts before and after its first `*` (which stands for any run of characters). */
type CookieRule = [before: string, after: string | undefined, match: Match, rank: number];

const ALLOW = 'a';
const SITE_RULES = 'r';
const CATALOGUE = 'c';

export function createMatcher(options: MatcherOptions): Matcher {
  // Per host: whether any entry names it or a parent. Most URLs a page asks about are its own, and after the first
  // one they cost a single Map lookup.
  const hostNamed = new Map<string, boolean>();
  let hostTable: HostTable;
  let cookieRules: CookieRule[];
  let pageHost = '';
  let base: string | undefined;
  try {
    pageHost = new URL(options.base).hostname;
    base = options.base;
  } catch {
    // No usable base: relative URLs then resolve to nothing and never match.
  }

  /**
   * Files a host rule ('' path = any path; `host?q=` reads as `host/?q=`), longest path first (the sort is stable:
   * of two equal paths the first listed wins).
   * Site owners write `https://host/x`, `*.host`, `.host`, `Host.com` or `host?q=` as often as `host/x`; all mean the
   * same here. Catalogue entries take the same road.
   */
  const addHostRule = (table: string, rule: string, match: Match) => {
    const [, host, path] = matchText(/^(?:\w*:?\/\/|\*?\.)?([^/?]*)\/?(.*)/, rule.trim())!;
    const key = table + host.toLowerCase();
    const entries = hostTable.get(key) || [];
    hostTable.set(key, entries);
    entries.push([path, match]);
    entries.sort((a, b) => b[0].length - a[0].length);
  };

  /** `*` stands for any run of characters. Site rules outrank the catalogue, exact names outrank patterns, then longest. */
  const addCookieRule = (name: string, match: Match, rank: number) => {
    const star = name.indexOf('*');
    cookieRules.push(
      star < 0
        ? [name, undefined, match, rank + 1e5]
        : [name.slice(0, star), name.slice(star + 1), match, rank + name.length],
    );
  };

  // Each table is built on its first question rather than at creation, so the loader's synchronous start (config,
  // record, guards) does not wait for it: the first URL a guard asks about pays for the host table, the first
  // cookie write for the cookie patterns (a page that writes no cookie never compiles them).
  const buildHostTable = () => {
    if (hostTable) return;
    hostTable = new Map();
    for (const [vendor, code, hosts] of catalogue) {
      const match = { category: categoryOf[code], vendor };
      for (const host of hosts.split(' ')) addHostRule(CATALOGUE, host, match);
    }
    for (const rule of options.rules)
      addHostRule(SITE_RULES, rule.match, { category: rule.category, vendor: rule.vendor || rule.match });
    for (const exception of options.allow) addHostRule(ALLOW, exception, {} as Match);
  };
  const buildCookieRules = () => {
    if (cookieRules) return;
    cookieRules = [];
    for (const [vendor, code, , names] of catalogue)
      for (const name of names ? names.split(' ') : []) addCookieRule(name, { category: categoryOf[code], vendor }, 0);
    for (const rule of options.cookies)
      addCookieRule(rule.name, { category: rule.category, vendor: rule.vendor || rule.name }, 1e6);
    cookieRules.sort((a, b) => b[3] - a[3]);
  };

  /** Whether an entry of any table names `domain` or one of its parents. */
  const namesDomain = (domain: string) => {
    for (let dot = 0; dot >= 0; dot = domain.indexOf('.'), domain = domain.slice(dot + 1))
      if (hostTable.has(ALLOW + domain) || hostTable.has(SITE_RULES + domain) || hostTable.has(CATALOGUE + domain))
        return true;
    return false;
  };
  // Whether a word of some text can stand for every host it would parse as. Not when a page-relative URL can be
  // named (an entry names the page's own host), nor when an entry's host is not dotted words or ends in a number (the
  // URL parser reads `167772161` as `10.0.0.1`): then any text may name something.
  let wordsTell: boolean | undefined;
  /** Whether a dotted word of `text` (a run of letters, digits, `_`, `-` and dots) or a parent of it is named. */
  const namesWordIn = (text: string) => {
    wordsTell ??=
      !namesDomain(pageHost) &&
      [...hostTable.keys()].every(
        (key) => matchText(/^.[\w-]+(\.[\w-]+)+$/, key) && !matchText(/\.(\d+|0x[\da-f]*)$/i, key),
      );
    if (!wordsTell) return true;
    text = text.toLowerCase();
    for (
      let found: RegExpExecArray | null;
      (found = matchText(/[\w.-]*\.[\w.-]*/, text));
      text = text.slice(found.index + found[0].length)
    )
      // without the trailing dots of a fully qualified name
      if (namesDomain(matchText(/^(.*?)\.*$/, found[0])![1])) return true;
    return false;
  };

  /**
   * Walks from the full host to its parents ("a.b.example.com" → "b.example.com" → "example.com"):
   * one Map lookup per label, so the cost does not grow with the catalogue. A host whose entries are all
   * path rules that miss falls through to its parent, which may block every path.
   */
  const find = (table: string, host: string, path: string) => {
    for (let dot = 0; dot >= 0; host = host.slice(dot + 1)) {
      for (const [prefix, match] of hostTable.get(table + host) || []) if (path.startsWith(prefix, 1)) return match;
      dot = host.indexOf('.');
    }
  };

  return {
    url(given) {
      buildHostTable();
      const url = '' + given;
      let host = pageHost;
      let path = url.split('#')[0];
      // The fast path, for the page's own `/path` URLs (first-party fetch, img.src): no parsing at all. Anything
      // the browser could read otherwise goes through its URL parser: schemes, `//host`, page-relative paths,
      // whitespace and non-ASCII (stripped or IDNA-mapped), backslashes (read as slashes) and dot segments, written
      // out or percent-encoded (`/a/%2e%2e/b` is `/b`).
      if (matchText(/[^!-~]|\\|\/\.|%2e|^(?!\/[^/])/i, url))
        try {
          const parsed = new URL(url, base);
          // Only these schemes load anything a tracker can see; data:, blob:, javascript:, about:... never match.
          if (!matchText(/^(http|ws)s?:$/, parsed.protocol)) return;
          // Without the trailing dot of a fully qualified name (`hm.baidu.com.`).
          host = matchText(/^(.*?)\.*$/, parsed.hostname)![1];
          // Path and query as the browser sends them (`search` would drop the `?` of an empty query: `/tr?`).
          path = matchText(/^\w+:\/\/[^/]*([^#]*)/, parsed.href)![1];
        } catch {
          return;
        }
      // The path as a server reads it: percent-encoded unreserved characters are the characters (`/%74r` is `/tr`).
      path = replaceText(path, /%(2[de]|3\d|[46][1-9a-f]|[57][\da]|5f|7e)/i, decodeURIComponent);
      let named = hostNamed.get(host);
      if (named == null) hostNamed.set(host, (named = namesDomain(host)));
      if (!named || find(ALLOW, host, path)) return;
      return find(SITE_RULES, host, path) || find(CATALOGUE, host, path);
    },
    mayNameIn(text) {
      // A host is one word of the text, delimited by characters no host has (`//`, `@`, `:`, `/`, quotes, spaces).
      // The URL parser drops tabs and newlines inside a URL, where a host may be split: the text is read without
      // them too, and as it stands, where one may end an unquoted attribute's value. A URL not written as it loads
      // (a character reference, percent-encoding, a backslash, non-ASCII that the URL parser may map onto ASCII) can
      // only be told by a parse. Anything failing here: true.
      try {
        buildHostTable();
        return (
          !!matchText(/[&%\\]|[^\t\n\r -~]/, text) ||
          namesWordIn(text) ||
          (!!matchText(/[\t\n\r]/, text) && namesWordIn(replaceText(text, /[\t\n\r]/, () => '')))
        );
      } catch {
        return true;
      }
    },
    cookie(name) {
      buildCookieRules();
      return cookieRules.find(([before, after]) =>
        after == null
          ? name == before
          : name.length >= before.length + after.length && name.startsWith(before) && name.endsWith(after),
      )?.[2];
    },
  };
}
