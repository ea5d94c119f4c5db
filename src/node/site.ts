/**
 * "Same site" without the Public Suffix List: a site is the last two labels of a host, or three under a
 * country's generic second level (`shop.co.uk`, `example.com.cn`, `ne.jp`). IP addresses and one-label hosts
 * (`localhost`) are their own site. Private suffixes (github.io, herokuapp.com) are not known: two apps there count
 * as one site, so the audit's own first-party requests to a sibling app there are not listed. Written down in the
 * README as a limit.
 */
const SECOND_LEVEL = /^(com|net|org|gov|edu|ac|co|ne|or|go|gob|mil|nic)$/;

export function siteOf(host: string): string {
  host = host.toLowerCase().replace(/\.+$/, '');
  if (/^[\d.]+$|:|^\[/.test(host)) return host;
  const labels = host.split('.');
  const keep = labels.length > 2 && /^[a-z]{2}$/.test(labels.at(-1)!) && SECOND_LEVEL.test(labels.at(-2)!) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

export const sameSite = (a: string, b: string): boolean => siteOf(a) === siteOf(b);

/** The host a cookie's Domain attribute (or the jar's `domain`, which starts with a dot for a domain cookie) names. */
export const cookieHost = (domain: string): string => domain.replace(/^\./, '');
