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

/** host → [path prefix ('' = any path), match], longest prefix first. */
type Table = Map<string, [string, Match][]>;
/** Exact cookie names, then `prefix*suffix` patterns, longest first. */
type Cookies = [Map<string, Match>, [string, string, Match][]];

interface Tables {
  cat: Table;
  rules: Table;
  /** Only presence counts here; the match stored is a placeholder. */
  allow: Table;
  /** Catalogue and site cookies. */
  cc: Cookies;
  sc: Cookies;
  /** The page's host and base URL, for relative URLs. */
  host: string;
  base?: string;
}

// Only these schemes load anything a tracker can see; data:, blob:, javascript:, about:... never match.
const WEB = /^(https?|wss?):$/i;
const ALLOWED: Match = { category: 'necessary', vendor: '' };

/** Files `host` or `host/path` (catalogue form: already lowercase, a path starts with `/`). */
function add(t: Table, rule: string, m: Match) {
  const i = rule.indexOf('/');
  const host = i < 0 ? rule : rule.slice(0, i);
  const path = i < 0 ? '' : rule.slice(i);
  let list = t.get(host);
  if (!list) t.set(host, (list = []));
  // Longest path first, so the first hit in `find` is the most specific.
  let j = 0;
  while (j < list.length && list[j][0].length >= path.length) j++;
  list.splice(j, 0, [path, m]);
}

/**
 * A site's own rule or allow entry in catalogue form. Site owners write `https://host/x`, `*.host`,
 * `.host`, `Host.com` or `host?q=` as often as `host/x`; all mean the same here.
 */
const clean = (rule: string) =>
  rule
    .trim()
    .replace(/^([a-z]+:)?\/\/|^\*?\./i, '')
    .replace(/^[^/?]*/, (h) => h.toLowerCase())
    .replace(/^([^/?]*)\?/, '$1/?');

/**
 * Walks from the full host to its parents ("a.b.example.com" → "b.example.com" → "example.com"):
 * one Map lookup per label, so the cost does not grow with the catalogue. A host whose entries are all
 * path rules that miss falls through to its parent, which may block every path.
 */
function find(t: Table, host: string, path: string): Match | undefined {
  for (let h = host; ; ) {
    for (const [p, m] of t.get(h) || []) if (path.startsWith(p)) return m;
    const i = h.indexOf('.');
    if (i < 0) return;
    h = h.slice(i + 1);
  }
}

function addCookie(c: Cookies, name: string, m: Match) {
  const i = name.indexOf('*');
  if (i < 0) c[0].set(name, m);
  else c[1].push([name.slice(0, i), name.slice(i + 1), m]);
}

const findCookie = ([exact, patterns]: Cookies, n: string): Match | undefined =>
  exact.get(n) ||
  patterns.find(([p, s]) => n.length >= p.length + s.length && n.startsWith(p) && n.endsWith(s))?.[2];

export function createMatcher(o: MatcherOptions): Matcher {
  let built: Tables | undefined;

  // Built on the first question rather than at creation, so the loader's synchronous start (config, record,
  // guards) does not wait for it; the first guard that asks pays once.
  const tables = () => {
    if (built) return built;
    const b: Tables = { cat: new Map(), rules: new Map(), allow: new Map(), cc: [new Map(), []], sc: [new Map(), []], host: '' };
    for (const [vendor, code, hosts, cookies] of catalogue) {
      const m = { category: categoryOf[code], vendor };
      for (const h of hosts.split(' ')) add(b.cat, h, m);
      if (cookies) for (const c of cookies.split(' ')) addCookie(b.cc, c, m);
    }
    for (const r of o.rules) add(b.rules, clean(r.match), { category: r.category, vendor: r.vendor || r.match });
    for (const a of o.allow) add(b.allow, clean(a), ALLOWED);
    for (const c of o.cookies) addCookie(b.sc, c.name, { category: c.category, vendor: c.vendor || c.name });
    for (const c of [b.cc, b.sc]) c[1].sort((x, y) => y[0].length + y[1].length - x[0].length - x[1].length);
    try {
      b.host = new URL(o.base).hostname;
      b.base = o.base;
    } catch {
      // No usable base: relative URLs then resolve to nothing and never match.
    }
    return (built = b);
  };

  /** [host, path+query] of a URL that would reach the network, else undefined. */
  const split = (u: string): [string, string] | undefined => {
    const [, scheme, auth, rest] = /^([a-z][a-z\d+.-]*:)?(?:\/\/([^/?#]*))?([^#]*)/i.exec(u)!;
    if (scheme && !WEB.test(scheme)) return;
    const b = tables();
    let host: string | undefined = auth;
    let path = rest;
    // Anything the slicing below could read differently from the browser goes through the URL parser:
    // whitespace and non-ASCII (stripped or IDNA-mapped), backslashes (read as slashes), escapes in the
    // host, dot segments, `https:host` and `///host` forms, and paths relative to the page's directory.
    if (
      /[^!-~]|\\|\/\./.test(u) ||
      (host == null ? scheme || rest[0] != '/' : !host || host.includes('%'))
    ) {
      try {
        const x = new URL(u, b.base);
        if (!WEB.test(x.protocol)) return;
        host = x.hostname;
        path = x.pathname + x.search;
      } catch {
        return;
      }
    } else if (host == null) host = b.host;
    else {
      host = host.slice(host.lastIndexOf('@') + 1);
      if (path[0] != '/') path = '/' + path;
    }
    // Drop the port and the trailing dot of a fully qualified name (`hm.baidu.com.:443`).
    return [host.toLowerCase().replace(/\.*(:\d*)?$/, ''), path];
  };

  return {
    url(u) {
      const hp = split('' + u);
      if (!hp) return;
      const b = tables();
      return find(b.allow, ...hp) ? undefined : find(b.rules, ...hp) || find(b.cat, ...hp);
    },
    cookie(name) {
      const b = tables();
      return findCookie(b.sc, name) || findCookie(b.cc, name);
    },
  };
}
