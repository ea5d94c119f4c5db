/**
 * The URLs that tags in a page's HTML name (`src`, `href`, `srcset`, `poster`, `data`): the static markup that the
 * browser may fetch before any script runs. The audit uses it to say which leaks a marked tag would stop.
 * A regular expression, not a parser: it only ever confirms a URL that a request already showed.
 */
const TAG = /<(?:script|img|iframe|frame|link|source|embed|object|video|audio|input|track)\b[^>]*>/gi;
const ATTR = /\s(src|href|srcset|imagesrcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const decode = (s: string) =>
  s.replace(/&(amp|quot|apos|lt|gt|#(\d+)|#x([\da-f]+));/gi, (all, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }[name.toLowerCase()] ?? all;
  });

export function tagUrls(html: string, base: string): Set<string> {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(TAG)) {
    for (const [, name, ...values] of tag.matchAll(ATTR)) {
      const value = decode(values.find((v) => v !== undefined) ?? '');
      const parts = /srcset$/i.test(name) ? value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [value.trim()];
      for (const part of parts) {
        try {
          const url = new URL(part, base);
          url.hash = '';
          urls.add(url.href);
        } catch {
          // not a URL: nothing to confirm
        }
      }
    }
  }
  return urls;
}
