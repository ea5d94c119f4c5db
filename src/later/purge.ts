import type { Matcher } from '../catalogue/matcher';
import type { Realm } from '../core/realm';
import type { CategoryId } from '../core/types';

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
