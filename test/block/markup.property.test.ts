import fc from 'fast-check';
import { createGate } from '../../src/block/gate';
import { scrubMarkup, scrubTree } from '../../src/block/markup';
import { catalogue } from '../../src/catalogue/catalogue';
import { siteMatcher } from '../../src/catalogue/site-matcher';
import { resolveConfig } from '../../src/core/config';

// scrubMarkup sends markup whose words name no tracker host to the native call unparsed. The property: that shortcut
// never changes the outcome. For markup built from the URLs a page or a vendor writes (catalogue hosts in any case,
// under subdomains, with userinfo, ports and trailing dots, split by tabs and newlines, quoted or not, in srcset,
// ping and refresh lists, or spelled with character references, percent-encoding and full-width dots), scrubMarkup
// returns exactly what a parse of every string would.
const RUNS = 10_000;
const PAGE = 'https://shop.example/products/list';

const HOSTS = [
  ...new Set(catalogue.flatMap(([, , hosts]) => hosts.split(' ').map((entry) => entry.split(/[/?]/)[0]))),
  'shop.example',
  'cdn.example.net',
  'www.google.com',
];
const PATHS = ['', '/', '/collect?v=2', '/gtag/js?id=G-1', '/tr?ev=PageView', '/pagead/1', '/x.gif'];

/** One character of the text, spelled the way markup or a URL may hide it; `plain` leaves it as it is. */
const spell = (text: string, how: string) =>
  how == 'plain'
    ? text
    : how == 'upper'
      ? text.toUpperCase()
      : how == 'reference'
        ? text.replace('.', '&#46;')
        : how == 'percent'
          ? text.replace('.', '%2E')
          : text.replace('.', '\uFF0E');

const whitespaceAt = fc.tuple(fc.nat(60), fc.constantFrom('\t', '\n', '\r', '\r\n'));
const url = fc
  .record({
    scheme: fc.constantFrom('https://', 'http://', '//', 'HTTP://', 'http:', 'wss://', '', '/', './'),
    userinfo: fc.constantFrom('', 'u@', 'u:p@'),
    sub: fc.constantFrom('', 'www.', 'region1.', 'a-b.'),
    host: fc.constantFrom(...HOSTS),
    spelling: fc.constantFrom('plain', 'plain', 'plain', 'upper', 'reference', 'percent', 'full-width'),
    dots: fc.constantFrom('', '', '.', '..'),
    port: fc.constantFrom('', '', ':443', ':8080'),
    path: fc.constantFrom(...PATHS),
    breaks: fc.array(whitespaceAt, { maxLength: 2 }),
  })
  .map(({ scheme, userinfo, sub, host, spelling, dots, port, path, breaks }) => {
    let text = scheme + userinfo + spell(sub + host, spelling) + dots + port + path;
    for (const [at, space] of breaks) text = text.slice(0, at) + space + text.slice(at);
    return text;
  });

const quote = fc.constantFrom('"', "'", '');
const element = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('img src', 'script src', 'iframe src', 'link href', 'a href', 'a ping', 'object data'),
      quote,
      url,
    )
    .map(([tag, q, u]) => `<${tag}=${q}${u}${q}>`),
  fc.tuple(url, url, quote).map(([a, b, q]) => `<img srcset=${q}${a} 1x, ${b} 2x${q}>`),
  fc
    .tuple(url, quote, fc.constantFrom(' ', '\n', '\t', '\r\n'))
    .map(([u, q, space]) => `<img src=${q}${u}${q}${space}alt=x>`),
  fc.tuple(url, quote).map(([u, q]) => `<meta http-equiv=refresh content=${q}0;url=${u}${q}>`),
  fc.tuple(url, quote).map(([u, q]) => `<svg><image xlink:href=${q}${u}${q}></image></svg>`),
  fc.constantFrom('<p>Card 1 ', '</p>', '<a href="/card/1">open</a>', '<img width="1" src="/img/c1.gif">', 'text'),
);
const markup = fc
  .array(fc.tuple(element, fc.constantFrom('', ' ', '\n', '\t', ' alt=x ')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([part, gap]) => part + gap).join(''));

/** What scrubMarkup returned before its shortcut: every string carrying a URL parsed and checked. */
const scrubbedByParsing = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return scrubTree(gate, template.content) ? template.innerHTML : html;
};

const gate = createGate({
  matcher: siteMatcher(resolveConfig({}), PAGE),
  allowed: (category) => category == 'necessary',
  report: () => {},
  keep: [],
});

it('returns for every markup exactly what parsing it would', () => {
  fc.assert(
    fc.property(markup, (html) => {
      expect(scrubMarkup(document, gate, html)).toBe(scrubbedByParsing(html));
    }),
    { numRuns: RUNS },
  );
});

it('leaves markup that names no tracker host unparsed (the control: the shortcut is taken)', () => {
  const parse = vi.spyOn(document, 'createElement');
  const html = '<p>Card 1 <a href="/card/1">open</a></p><img width="1" src="https://cdn.example.net/c1.gif">';
  expect(scrubMarkup(document, gate, html)).toBe(html);
  expect(parse).not.toHaveBeenCalled();
  parse.mockRestore();
});
