import fc from 'fast-check';
import { catalogue } from '../../src/catalogue/catalogue';
import { createMatcher, type MatcherOptions } from '../../src/catalogue/matcher';

// Property tests of the URL matcher against the platform's own URL parser (Node's WHATWG URL, as in browsers):
// every way of writing a URL that the browser resolves to a catalogue host (and path) matches; no other host does.
const RUNS = 10_000;
const BASE = 'https://shop.example/products/list?page=2';
const make = (options: Partial<MatcherOptions> = {}) =>
  createMatcher({ rules: [], allow: [], cookies: [], base: BASE, ...options });
const matcher = make();

/** Every catalogue entry as [host, path prefix ('' for any path)]. */
const ENTRIES = catalogue.flatMap(([, , hosts]) =>
  hosts.split(' ').map((entry) => {
    const slash = entry.search(/[/?]/);
    return slash < 0 ? [entry, ''] : [entry.slice(0, slash), entry.slice(slash).replace(/^\//, '')];
  }),
);
const HOSTS = new Set(ENTRIES.map(([host]) => host));
const HOST_ONLY = ENTRIES.filter(([, path]) => !path).map(([host]) => host);
/** True when `host` is a catalogue host or below one. */
const underCatalogue = (host: string) => host.split('.').some((_, i, labels) => HOSTS.has(labels.slice(i).join('.')));

const UNRESERVED = /[\w.~-]/;
const hex = (c: string) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0');
const label = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'),
  minLength: 1,
  maxLength: 10,
});

/** The host written another way the URL parser reads as the same: case, one letter percent-encoded or full-width. */
const hostSpelling = (host: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: host.length, maxLength: host.length }),
      fc.nat(host.length - 1),
      fc.nat(2),
    )
    .map(([upper, at, how]) => {
      const cased = [...host].map((c, i) => (upper[i] ? c.toUpperCase() : c));
      if (/[a-z]/i.test(cased[at]))
        cased[at] =
          how == 0 ? hex(cased[at]) : how == 1 ? String.fromCharCode(cased[at].charCodeAt(0) + 0xfee0) : cased[at];
      return cased.join('');
    });
/** The path prefix with some unreserved characters percent-encoded (the server reads them as the same path). */
const pathSpelling = (path: string) =>
  fc
    .array(fc.boolean(), { minLength: path.length, maxLength: path.length })
    .map((encode) => [...path].map((c, i) => (encode[i] && UNRESERVED.test(c) ? hex(c) : c)).join(''));

const scheme = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'wss://',
  'ws://',
  '//',
  'https:\\\\',
  '\\\\',
  'https:/\\',
);
const userinfo = fc.constantFrom('', 'user@', 'user:secret@', '%40@');
const port = fc.constantFrom('', ':443', ':80', ':8443');
const subdomain = fc.oneof(
  fc.constant(''),
  label.map((l) => l + '.'),
);
const trailingDot = fc.constantFrom('', '.');
const rest = fc.constantFrom('', 'x', 'x?y=1', '#frag', '/deep/er?q=%2F');
const whitespace = fc.constantFrom('', ' ', '\t', '\n', ' \t\r\n');

/** A catalogue URL, written in any of the ways above, with what it must resolve to. */
const catalogueUrl = fc.constantFrom(...ENTRIES).chain(([host, path]) =>
  fc.record({
    host: fc.constant(host),
    path: fc.constant(path),
    text: fc
      .tuple(
        whitespace,
        scheme,
        userinfo,
        subdomain,
        hostSpelling(host),
        trailingDot,
        port,
        pathSpelling(path),
        rest,
        whitespace,
      )
      .map(([lead, s, user, sub, h, dot, p, encodedPath, tail, trail]) => {
        const url = `${s}${user}${sub}${h}${dot}${p}/${encodedPath}${path.endsWith('?') && tail.startsWith('/') ? '' : tail}`;
        return lead + url + trail;
      }),
  }),
);

/** What the browser makes of it: host without trailing dots, and the path and query as the server decodes them. */
const resolved = (text: string, base = BASE) => {
  const url = new URL(text, base);
  const query = /^[^#]*\?/.test(url.href) ? '?' + url.search.slice(1) : '';
  return { host: url.hostname.replace(/\.+$/, ''), path: decodeURIComponent(url.pathname + query).slice(1) };
};

describe('the URL matcher (10,000 URLs each)', () => {
  it('a URL the browser resolves to a catalogue host (and path) always matches', () => {
    fc.assert(
      fc.property(catalogueUrl, ({ host, path, text }) => {
        const browser = resolved(text);
        // The generator's own check: the browser does read it as the catalogue host and path.
        expect(browser.host == host || browser.host.endsWith('.' + host)).toBe(true);
        expect(browser.path.startsWith(path)).toBe(true);
        expect(matcher.url(text)).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a relative URL on a page of a catalogue host matches, resolved against that page', () => {
    const pageMatchers = new Map<string, ReturnType<typeof make>>();
    const relative = fc.constantFrom('p.gif', './p', '../a/b.js', '?q=1', '#f', '/abs', '', '%2e%2e/x', 'a/%2E./b');
    fc.assert(
      fc.property(fc.constantFrom(...HOST_ONLY), relative, (host, text) => {
        const base = `https://${host}/dir/page.html`;
        expect(resolved(text, base).host).toBe(host);
        let onPage = pageMatchers.get(host);
        if (!onPage) pageMatchers.set(host, (onPage = make({ base })));
        expect(onPage.url(text)).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it('a host that is not a catalogue host or below one never matches, whatever its path', () => {
    const tld = fc.constantFrom('com', 'net', 'cn', 'example', 'co.uk');
    const nearMiss = fc
      .constantFrom(...HOSTS)
      .chain((known) =>
        fc.constantFrom(
          'x' + known,
          known + '.evil.example',
          known.replace('.', '-'),
          known + 'x',
          known.replace(/\.[^.]+$/, '.evil'),
        ),
      );
    const host = fc
      .oneof(
        fc
          .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
          .map(([labels, top]) => [...labels, top].join('.')),
        nearMiss,
      )
      .filter((h) => !/^-|-$|\.-|-\./.test(h) && !underCatalogue(h));
    const anyPath = fc.oneof(fc.constantFrom(...ENTRIES.map(([, path]) => path)), fc.webPath());
    fc.assert(
      fc.property(scheme, host, anyPath, (s, h, path) => {
        const text = `${s}${h}/${path}`;
        expect(underCatalogue(resolved(text).host)).toBe(false);
        expect(matcher.url(text)).toBeUndefined();
      }),
      { numRuns: RUNS },
    );
  });
});
