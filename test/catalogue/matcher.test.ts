import { createMatcher, type MatcherOptions } from '../../src/catalogue/matcher';

/** How one URL or cookie name becomes a category: site allow list, then site rules, then the catalogue. */

const make = (o: Partial<MatcherOptions> = {}) =>
  createMatcher({ rules: [], allow: [], cookies: [], base: 'https://shop.example.com/products/list?page=2', ...o });

const GA = { category: 'analytics', vendor: 'Google Analytics' };

describe('URLs', () => {
  it('a catalogue host matches itself', () => {
    expect(make().url('https://google-analytics.com/analytics.js')).toEqual(GA);
  });

  it('a subdomain of a catalogue host matches', () => {
    expect(make().url('https://region1.google-analytics.com/g/collect?v=2')).toEqual(GA);
  });

  it('a host that merely ends with the same letters does not match (notgoogle-analytics.com)', () => {
    expect(make().url('https://notgoogle-analytics.com/analytics.js')).toBeUndefined();
    expect(make().url('https://google-analytics.com.evil.example/x.js')).toBeUndefined();
  });

  it('a host+path entry matches only below its path', () => {
    const m = make();
    expect(m.url('https://www.facebook.com/tr?id=1&ev=PageView')?.vendor).toBe('Meta Pixel');
    expect(m.url('https://www.facebook.com/somepage')).toBeUndefined();
  });

  it('a host+path entry matches when the path spells unreserved characters percent-encoded (/embed.j%73 is /embed.js)', () => {
    expect(make().url('https://www.instagram.com/embed.j%73')?.vendor).toBe('Instagram');
    expect(make().url('https://www.facebook.com/%74r?id=1')?.vendor).toBe('Meta Pixel');
  });

  it('a percent-encoded reserved character is not decoded (/tr%3Fid=1 is a path, not tr?)', () => {
    expect(make().url('https://www.facebook.com/tr%3Fid=1')).toBeUndefined();
  });

  it('a host+path entry ending in ? matches a URL with an empty query (www.facebook.com/tr?)', () => {
    expect(make().url('https://www.facebook.com/tr?')?.vendor).toBe('Meta Pixel');
    expect(make().url('//www.facebook.com/tr?#x')?.vendor).toBe('Meta Pixel');
  });

  it("a page's own path with percent-encoded dot segments is read as the browser resolves it", () => {
    const m = make({ rules: [{ match: 'shop.example.com/collect', category: 'analytics' }] });
    expect(m.url('/a/%2e%2e/collect')?.category).toBe('analytics');
    expect(m.url('/a/%2E%2E/collect?x=1')?.category).toBe('analytics');
    expect(m.url('/%63ollect')?.category).toBe('analytics');
  });

  it('the longest path prefix wins', () => {
    const m = make();
    expect(m.url('https://www.googletagmanager.com/gtag/js?id=AW-1')?.vendor).toBe('Google Ads');
    expect(m.url('https://www.googletagmanager.com/gtag/js?id=G-1')?.vendor).toBe('Google Analytics');
  });

  it('a host whose path entries all miss falls through to a parent host that blocks every path', () => {
    expect(make().url('https://www.googletagmanager.com/gtm.js?id=GTM-1')?.vendor).toBe('Google Tag Manager');
  });

  it('the most specific host wins over its parent', () => {
    const m = make({
      rules: [
        { match: 'example.net', category: 'marketing' },
        { match: 'stats.example.net', category: 'analytics' },
      ],
    });
    expect(m.url('https://a.stats.example.net/x')?.category).toBe('analytics');
    expect(m.url('https://cdn.example.net/x')?.category).toBe('marketing');
  });

  it('a site rule matches a host that is not in the catalogue', () => {
    const m = make({ rules: [{ match: 'tracker.example.net', category: 'marketing', vendor: 'Example Ads' }] });
    expect(m.url('https://tracker.example.net/p.gif')).toEqual({ category: 'marketing', vendor: 'Example Ads' });
  });

  it('a site rule without a vendor is named by its match', () => {
    const m = make({ rules: [{ match: 'tracker.example.net', category: 'marketing' }] });
    expect(m.url('https://tracker.example.net/p.gif')?.vendor).toBe('tracker.example.net');
  });

  it('a site rule wins over the catalogue', () => {
    const m = make({ rules: [{ match: 'google-analytics.com', category: 'marketing', vendor: 'Our GA' }] });
    expect(m.url('https://www.google-analytics.com/analytics.js')).toEqual({ category: 'marketing', vendor: 'Our GA' });
  });

  it('a site rule on a parent host wins over a more specific catalogue host', () => {
    const m = make({ rules: [{ match: 'doubleclick.net', category: 'analytics' }] });
    expect(m.url('https://googleads.g.doubleclick.net/pagead/x')?.category).toBe('analytics');
  });

  it('a site rule may be a custom category', () => {
    const m = make({ rules: [{ match: 'widgets.example.net', category: 'social' }] });
    expect(m.url('https://widgets.example.net/w.js')?.category).toBe('social');
  });

  it('a site rule written with a scheme, a leading *. or a leading dot means the same host', () => {
    const m = make({
      rules: [
        { match: 'https://a.example.net/t', category: 'marketing' },
        { match: '*.b.example.net', category: 'analytics' },
        { match: '.c.example.net', category: 'preferences' },
      ],
    });
    expect(m.url('https://a.example.net/t.js')?.category).toBe('marketing');
    expect(m.url('https://x.b.example.net/')?.category).toBe('analytics');
    expect(m.url('https://c.example.net/')?.category).toBe('preferences');
  });

  it('a site rule host is read case-insensitively, and may be followed by a query prefix alone', () => {
    const m = make({ rules: [{ match: 'Stats.Example.NET?track=', category: 'analytics' }] });
    expect(m.url('https://stats.example.net/?track=1')?.category).toBe('analytics');
    expect(m.url('https://stats.example.net/?other=1')).toBeUndefined();
  });

  it('an allow entry wins over everything', () => {
    const m = make({
      rules: [{ match: 'stats.example.net', category: 'analytics' }],
      allow: ['google-analytics.com', 'stats.example.net'],
    });
    expect(m.url('https://www.google-analytics.com/analytics.js')).toBeUndefined();
    expect(m.url('https://stats.example.net/s.js')).toBeUndefined();
  });

  it('an allow entry with a path only lets that path through', () => {
    const m = make({ allow: ['connect.facebook.net/en_US/sdk.js'] });
    expect(m.url('https://connect.facebook.net/en_US/sdk.js')).toBeUndefined();
    expect(m.url('https://connect.facebook.net/en_US/fbevents.js')?.vendor).toBe('Meta Pixel');
  });

  it('relative URLs resolve against the page', () => {
    const m = make({ rules: [{ match: 'shop.example.com/collect', category: 'analytics', vendor: 'Own stats' }] });
    expect(m.url('/collect?x=1')?.vendor).toBe('Own stats');
    expect(m.url('/products/collect')).toBeUndefined();
    expect(m.url('../collect')?.vendor).toBe('Own stats');
    expect(m.url('collect')).toBeUndefined(); // /products/collect
  });

  it('relative URLs of an allowed first-party path are never matched', () => {
    const m = make({ rules: [{ match: 'example.com', category: 'marketing' }], allow: ['shop.example.com/api/'] });
    expect(m.url('/api/cart')).toBeUndefined();
    expect(m.url('/pixel.gif')?.category).toBe('marketing');
  });

  it('a protocol-relative URL matches like an https one', () => {
    expect(make().url('//www.google-analytics.com/analytics.js')).toEqual(GA);
  });

  it('upper-case hosts and explicit ports still match', () => {
    const m = make();
    expect(m.url('HTTPS://WWW.Google-Analytics.COM:443/analytics.js')).toEqual(GA);
    expect(m.url('http://hm.baidu.com:8080/hm.js?1')?.vendor).toBe('Baidu Tongji');
  });

  it('userinfo before the host is skipped', () => {
    expect(make().url('https://user:pw@www.google-analytics.com/analytics.js')).toEqual(GA);
    expect(make().url('https://www.google-analytics.com@shop.example.com/x')).toBeUndefined();
  });

  it('a fully qualified host with a trailing dot still matches', () => {
    expect(make().url('https://www.google-analytics.com./analytics.js')).toEqual(GA);
  });

  it('the fragment is not part of the path', () => {
    const m = make({ rules: [{ match: 'shop.example.com/t?', category: 'analytics' }] });
    expect(m.url('/t#?x')).toBeUndefined();
    expect(m.url('https://www.facebook.com/x#/tr?id=1')).toBeUndefined();
  });

  it('URLs the browser would read differently are read as the browser does', () => {
    const m = make();
    expect(m.url(' https://www.google-analytics.com/analytics.js ')).toEqual(GA);
    expect(m.url('https:\\\\www.google-analytics.com\\analytics.js')).toEqual(GA);
    expect(m.url('https://www.google-analy\ntics.com/analytics.js')).toEqual(GA);
    expect(m.url('https:///www.google-analytics.com/analytics.js')).toEqual(GA);
    expect(m.url('https://www.google-%61nalytics.com/analytics.js')).toEqual(GA);
    expect(m.url('https://www.facebook.com/x/../tr?id=1')?.vendor).toBe('Meta Pixel');
  });

  it('WebSocket URLs match like http ones', () => {
    expect(make().url('wss://ws.hotjar.com/api/v2/client/ws')?.vendor).toBe('Hotjar');
  });

  it('data: and blob: URLs never match', () => {
    const m = make({ rules: [{ match: 'shop.example.com', category: 'marketing' }] });
    expect(m.url('data:text/javascript,google-analytics.com')).toBeUndefined();
    expect(m.url('blob:https://shop.example.com/0b1c-22')).toBeUndefined();
    expect(m.url('javascript:void(0)')).toBeUndefined();
    expect(m.url('about:blank')).toBeUndefined();
  });

  it('an unparsable URL does not match and does not throw', () => {
    expect(make().url('https://exa mple.com:99999999/x')).toBeUndefined();
    expect(make().url('http://[::1/')).toBeUndefined();
  });

  it('a page without a usable base resolves relative URLs to nothing', () => {
    const m = make({ base: 'not a url', rules: [{ match: 'example.com', category: 'marketing' }] });
    expect(m.url('/x.js')).toBeUndefined();
    expect(m.url('https://www.google-analytics.com/analytics.js')).toEqual(GA);
  });
});

describe('cookies', () => {
  it('a cookie matches by its exact name', () => {
    expect(make().cookie('_gid')).toEqual(GA);
  });

  it('a cookie matches a prefix pattern', () => {
    expect(make().cookie('_ga_ABC123')).toEqual(GA);
    expect(make().cookie('Hm_lvt_0123abcd')).toEqual({ category: 'analytics', vendor: 'Baidu Tongji' });
  });

  it('a cookie matches a pattern with a star in the middle', () => {
    expect(make().cookie('mp_0123abc_mixpanel')?.vendor).toBe('Mixpanel');
    expect(make().cookie('mp_0123abc')).toBeUndefined();
  });

  it('a prefix pattern matches the bare prefix but not a shorter name', () => {
    expect(make().cookie('_ga_')).toEqual(GA);
    expect(make().cookie('_g')).toBeUndefined();
  });

  it('an exact name wins over a pattern', () => {
    const m = make({
      cookies: [
        { name: 'own_*', category: 'analytics' },
        { name: 'own_consent', category: 'necessary' },
      ],
    });
    expect(m.cookie('own_consent')?.category).toBe('necessary');
    expect(m.cookie('own_x')?.category).toBe('analytics');
  });

  it('the longest pattern wins', () => {
    const m = make({
      cookies: [
        { name: 'ab*', category: 'analytics' },
        { name: 'abc*', category: 'marketing' },
      ],
    });
    expect(m.cookie('abcd')?.category).toBe('marketing');
    expect(m.cookie('abd')?.category).toBe('analytics');
  });

  it('a site cookie rule wins', () => {
    const m = make({ cookies: [{ name: '_ga*', category: 'marketing', vendor: 'Our GA' }] });
    expect(m.cookie('_ga')).toEqual({ category: 'marketing', vendor: 'Our GA' });
    expect(m.cookie('_ga_X')).toEqual({ category: 'marketing', vendor: 'Our GA' });
  });

  it('a site cookie rule without a vendor is named by its pattern', () => {
    expect(make({ cookies: [{ name: 'cart_*', category: 'preferences' }] }).cookie('cart_1')?.vendor).toBe('cart_*');
  });

  it('an unknown cookie does not match', () => {
    expect(make().cookie('cart')).toBeUndefined();
    expect(make().cookie('PHPSESSID')).toBeUndefined();
    expect(make().cookie('')).toBeUndefined();
  });

  it('cookie names are case-sensitive', () => {
    expect(make().cookie('_GA')).toBeUndefined();
  });
});

describe('whether markup may name a host (mayNameIn)', () => {
  it('is false for markup whose URLs are all first-party', () => {
    expect(make().mayNameIn('<p>Card 1 <a href="/card/1">open</a></p><img width="1" src="/img/c1.gif">')).toBe(false);
  });

  it('is false for absolute URLs of hosts no entry names', () => {
    expect(make().mayNameIn('<a href="https://example.org/x">x</a><img src=//cdn.example.net/a.png>')).toBe(false);
  });

  it('is true for a catalogue host in any case, with a subdomain, userinfo, a port or a trailing dot', () => {
    const m = make();
    for (const url of [
      'https://WWW.Google-Analytics.COM/g/collect',
      '//region1.google-analytics.com./x',
      'http://user:pass@google-analytics.com:8080/x',
      'http:google-analytics.com',
    ])
      expect(m.mayNameIn(`<img src="${url}">`), url).toBe(true);
  });

  it('is true for a URL not written as it loads: a character reference, percent-encoding, a backslash, non-ASCII', () => {
    const m = make();
    for (const url of [
      '//cdn&#46;example.net/a',
      '//cdn%2Eexample.net/a',
      'https:\\\\cdn.example.net',
      '//cdn\uFF0Eexample.net',
    ])
      expect(m.mayNameIn(`<img src="${url}">`), url).toBe(true);
  });

  it('is true for a host that a newline inside the quoted value splits, which the URL parser joins', () => {
    expect(make().mayNameIn('<img src="https://www.google-analy\ntics.com/collect">')).toBe(true);
  });

  it('is true for a host that ends an unquoted value before a newline and the next attribute', () => {
    expect(make().mayNameIn('<img src=//www.google-analytics.com\nalt=x>')).toBe(true);
  });

  it("is true for any markup when an entry names the page's own host (a relative URL can then be named)", () => {
    const m = make({ rules: [{ match: 'shop.example.com/track', category: 'analytics' }] });
    expect(m.mayNameIn('<img src="/track/pixel.gif">')).toBe(true);
    expect(m.mayNameIn('<p>no URL at all</p>')).toBe(true);
  });

  it('is true for any markup when an entry names a host that ends in a number (167772161 is 10.0.0.1)', () => {
    const m = make({ rules: [{ match: '10.0.0.1', category: 'analytics' }] });
    expect(m.url('http://167772161/x')?.category).toBe('analytics');
    expect(m.mayNameIn('<img src="http://167772161/x">')).toBe(true);
  });

  it('is true for a site rule host among the words', () => {
    const m = make({ rules: [{ match: 'metrics.example.net', category: 'analytics' }] });
    expect(m.mayNameIn('<script src="https://metrics.example.net/m.js"></script>')).toBe(true);
    expect(m.mayNameIn('<script src="https://cdn.example.net/m.js"></script>')).toBe(false);
  });
});
