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

/** Allow list, site rules, catalogue: one table, keyed by `a`, `r` or `c` + host; paths without their leading `/`. */
type Table = Map<string, [path: string, m: Match][]>;

export function createMatcher(o: MatcherOptions): Matcher {
  // `seen`: per host, whether any rule names it or a parent; most URLs a page asks about are its own, and after the
  // first one cost a single Map lookup.
  const seen = new Map<string, unknown>();
  let t: Table,
    cookies: [name: RegExp, m: Match, rank: number][],
    host = '',
    base: string | undefined;
  try {
    host = new URL(o.base).hostname;
    base = o.base;
  } catch {
    // No usable base: relative URLs then resolve to nothing and never match.
  }

  /**
   * Files a host rule ('' path = any path; `host?q=` reads as `host/?q=`), longest path first (the sort is stable:
   * of two equal paths the first listed wins).
   * Site owners write `https://host/x`, `*.host`, `.host`, `Host.com` or `host?q=` as often as `host/x`; all mean the
   * same here. Catalogue entries take the same road.
   */
  const add = (k: string, rule: string, m: Match) => {
    const [, h, p] = /^(?:\w*:?\/\/|\*?\.)?([^/?]*)\/?(.*)/.exec(rule.trim())!;
    const list = t.get((k += h.toLowerCase())) || [];
    t.set(k, list);
    list.push([p, m]);
    list.sort((a, b) => b[0].length - a[0].length);
  };

  /** `*` stands for any run of characters. Site rules outrank the catalogue, exact names outrank patterns, then longest. */
  const cookie = (name: string, m: Match, rank: number) =>
    cookies.push([
      RegExp('^' + name.replace(/\W/g, '\\$&').replace('\\*', '.*') + '$'),
      m,
      rank + (name.includes('*') ? name.length : 1e5),
    ]);

  // Each table is built on its first question rather than at creation, so the loader's synchronous start (config,
  // record, guards) does not wait for it: the first URL a guard asks about pays for the host table, the first
  // cookie write for the cookie patterns (a page that writes no cookie never compiles them).
  const build = () => {
    if (t) return;
    t = new Map();
    for (const [vendor, code, hosts] of catalogue) {
      const m = { category: categoryOf[code], vendor };
      for (const h of hosts.split(' ')) add('c', h, m);
    }
    for (const r of o.rules) add('r', r.match, { category: r.category, vendor: r.vendor || r.match });
    for (const a of o.allow) add('a', a, {} as Match);
  };
  const buildCookies = () => {
    if (cookies) return;
    cookies = [];
    for (const [vendor, code, , names] of catalogue)
      for (const c of names ? names.split(' ') : []) cookie(c, { category: categoryOf[code], vendor }, 0);
    for (const c of o.cookies) cookie(c.name, { category: c.category, vendor: c.vendor || c.name }, 1e6);
    cookies.sort((a, b) => b[2] - a[2]);
  };

  /**
   * Walks from the full host to its parents ("a.b.example.com" → "b.example.com" → "example.com"):
   * one Map lookup per label, so the cost does not grow with the catalogue. A host whose entries are all
   * path rules that miss falls through to its parent, which may block every path.
   */
  const find = (k: string, h: string, path: string) => {
    for (let i = 0; i >= 0; h = h.slice(i + 1)) {
      for (const [p, m] of t.get(k + h) || []) if (path.startsWith(p, 1)) return m;
      i = h.indexOf('.');
    }
  };

  return {
    url(u) {
      build();
      let h = host,
        p = (u = '' + u).split('#')[0],
        x: URL;
      // The fast path, for the page's own `/path` URLs (first-party fetch, img.src): no parsing at all. Anything
      // the browser could read otherwise goes through its URL parser: schemes, `//host`, page-relative paths,
      // whitespace and non-ASCII (stripped or IDNA-mapped), backslashes (read as slashes) and dot segments.
      if (/[^!-~]|\\|\/\.|^(?!\/[^/])/.test(u))
        try {
          x = new URL(u, base);
          // Only these schemes load anything a tracker can see; data:, blob:, javascript:, about:... never match.
          if (!/^(http|ws)s?:$/.test(x.protocol)) return;
          // Without the trailing dot of a fully qualified name (`hm.baidu.com.`).
          h = x.hostname.replace(/\.+$/, '');
          p = x.pathname + x.search;
        } catch {
          return;
        }
      let any = seen.get(h);
      if (any == null) {
        for (let d = h, i = 0; i >= 0 && !any; i = d.indexOf('.'), d = d.slice(i + 1))
          any = t.has('a' + d) || t.has('r' + d) || t.has('c' + d);
        seen.set(h, any);
      }
      return !any || find('a', h, p) ? undefined : find('r', h, p) || find('c', h, p);
    },
    cookie(n) {
      buildCookies();
      return cookies.find(([r]) => r.test(n))?.[1];
    },
  };
}
