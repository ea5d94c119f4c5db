import { Window } from 'happy-dom';
import { cookieDomains, cookiePaths, guardCookies, purgeCookies } from '../../src/block/cookies';
import { createGate } from '../../src/block/gate';
import type { Matcher } from '../../src/catalogue/matcher';
import type { BlockedItem } from '../../src/core/types';

// A stand-in for the catalogue: _ga* is analytics, _fbp marketing; the consent record and the session cookie
// are deliberately matched too, to prove that `keep` wins over the matcher.
const matcher: Matcher = {
  url: () => undefined,
  cookie: (n) =>
    n.startsWith('_ga') || n == 'consentry' || n == 'sid'
      ? { category: 'analytics', vendor: 'Google Analytics' }
      : n == '_fbp'
        ? { category: 'marketing', vendor: 'Meta' }
        : undefined,
};
const keep = ['consentry', 'sid'];

let win: any;
let allowed: Set<string>;
let reported: BlockedItem[];
let writes: string[];
let holder: object;
let native: PropertyDescriptor;

// The accessor may sit on any prototype of the document; spy on the native setter where it is. happy-dom's jar does
// not model Domain= and Max-Age=0 faithfully, so purge tests read the strings written (Chromium checked the jar).
const cookieHolder = (d: object) => {
  let p: any = d;
  while (!Object.getOwnPropertyDescriptor(p, 'cookie')) p = Object.getPrototypeOf(p);
  return p;
};

/** Opens a page at `url` whose native cookie setter records every string written (undone in afterEach). */
const open = (url: string) => {
  win = new Window({ url });
  holder = cookieHolder(win.document);
  native = Object.getOwnPropertyDescriptor(holder, 'cookie')!;
  writes = [];
  Object.defineProperty(holder, 'cookie', {
    ...native,
    set(v: string) {
      writes.push(v);
      native.set!.call(this, v);
    },
  });
};

beforeEach(() => {
  allowed = new Set();
  reported = [];
});
afterEach(() => {
  if (win) {
    Object.defineProperty(holder, 'cookie', native);
    win.happyDOM.close();
    win = undefined;
  }
  vi.restoreAllMocks();
});

const guard = () =>
  guardCookies(
    win,
    createGate({ matcher, allowed: (c) => allowed.has(c), report: (item) => reported.push(item), keep }),
  );

describe('guardCookies', () => {
  beforeEach(() => open('https://www.shop.test/'));

  it('writing _ga before consent is dropped', () => {
    guard();
    win.document.cookie = '_ga=GA1.1.123; path=/; max-age=63072000';
    expect(writes).toEqual([]);
    expect(win.document.cookie).toBe('');
    expect(reported).toMatchObject([{ kind: 'cookie', url: '_ga', category: 'analytics', vendor: 'Google Analytics' }]);
  });

  it('a dropped cookie is reported once however often it is written', () => {
    guard();
    win.document.cookie = '_ga=1';
    win.document.cookie = '_ga=2';
    expect(reported).toHaveLength(1);
  });

  it('writing _ga after analytics is allowed is kept', () => {
    guard();
    allowed.add('analytics');
    win.document.cookie = '_ga=GA1.1.123; path=/';
    expect(win.document.cookie).toBe('_ga=GA1.1.123');
    expect(reported).toEqual([]);
  });

  it('a cookie the catalogue does not know is kept', () => {
    guard();
    win.document.cookie = 'theme=dark';
    expect(writes).toEqual(['theme=dark']);
  });

  it('the consent record and session cookies are never dropped', () => {
    guard();
    win.document.cookie = 'consentry=%7B%7D; path=/';
    win.document.cookie = 'sid=abc; path=/';
    expect(writes).toEqual(['consentry=%7B%7D; path=/', 'sid=abc; path=/']);
  });

  it('deleting a tracking cookie is always allowed', () => {
    guard();
    win.document.cookie = '_ga=; Max-Age=0; path=/';
    win.document.cookie = '_fbp=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(writes).toHaveLength(2);
    expect(reported).toEqual([]);
  });

  it('a future expiry is not mistaken for a deletion', () => {
    guard();
    win.document.cookie = '_ga=1; expires=Fri, 01 Jan 2100 00:00:00 GMT';
    win.document.cookie = '_ga=1; max-age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT';
    expect(writes).toEqual([]);
  });

  it('an exception in the matcher drops the write (fail closed)', () => {
    vi.spyOn(matcher, 'cookie').mockImplementation(() => {
      throw new Error('matcher failed');
    });
    guard();
    win.document.cookie = 'anything=1';
    expect(writes).toEqual([]);
  });

  it('leaves the document.cookie getter native', () => {
    guard();
    expect(Object.getOwnPropertyDescriptor(holder, 'cookie')!.get).toBe(native.get);
  });

  it('cookieStore.set of a tracking cookie resolves without writing', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await expect(win.cookieStore.set('_ga', '1')).resolves.toBeUndefined();
    await expect(win.cookieStore.set({ name: '_fbp', value: '1' })).resolves.toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(reported.map((i) => i.url)).toEqual(['_ga', '_fbp']);
  });

  it('cookieStore.set of an allowed or expired cookie reaches the native one', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await win.cookieStore.set('theme', 'dark');
    await win.cookieStore.set({ name: '_ga', value: '', expires: 0 });
    expect(set).toHaveBeenCalledTimes(2);
  });
});

describe('purgeCookies', () => {
  beforeEach(() => open('https://www.shop.test/'));

  it('never touches the session cookie or the consent record', () => {
    win.document.cookie = 'sid=abc';
    win.document.cookie = 'consentry=x';
    win.document.cookie = '_fbp=fb.1';
    writes.length = 0;
    expect(purgeCookies(win, matcher, ['analytics', 'marketing'], keep)).toEqual(['_fbp']);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((c) => !c.startsWith('_fbp='))).toEqual([]);
  });

  it('leaves the cookies of categories still allowed', () => {
    win.document.cookie = '_ga=1';
    win.document.cookie = '_fbp=1';
    writes.length = 0;
    expect(purgeCookies(win, matcher, ['marketing'], keep)).toEqual(['_fbp']);
    expect(writes.filter((c) => !c.startsWith('_fbp='))).toEqual([]);
  });

  it('writes through the cookie guard, which lets its deletions pass', () => {
    win.document.cookie = '_ga=1';
    writes.length = 0;
    guard();
    purgeCookies(win, matcher, ['analytics'], keep);
    // www.shop.test: host-only, www.shop.test, shop.test; path /.
    expect(writes).toHaveLength(3);
    expect(reported).toEqual([]);
  });
});

describe('purgeCookies on a page deep below a registrable domain', () => {
  beforeEach(() => open('https://a.shop.example.co.uk/en/cart'));

  it('deletes a cookie on every parent domain and every path prefix of the page', () => {
    win.document.cookie = '_ga=GA1.1.123; path=/';
    writes.length = 0;
    expect(purgeCookies(win, matcher, ['analytics'], keep)).toEqual(['_ga']);
    const paths = ['/', '/en', '/en/', '/en/cart'];
    const domains = ['', ';domain=a.shop.example.co.uk', ';domain=shop.example.co.uk', ';domain=example.co.uk'];
    expect(writes.sort()).toEqual(domains.flatMap((d) => paths.map((p) => `_ga=;max-age=0;path=${p}${d}`)).sort());
  });
});

describe('cookieDomains', () => {
  it('yields the host itself and each parent down to the registrable domain', () => {
    expect(cookieDomains('a.b.example.com')).toEqual(['a.b.example.com', 'b.example.com', 'example.com']);
  });

  it('never yields a listed second-level public suffix', () => {
    expect(cookieDomains('a.shop.example.co.uk')).toEqual([
      'a.shop.example.co.uk',
      'shop.example.co.uk',
      'example.co.uk',
    ]);
    expect(cookieDomains('www.example.com.cn')).toEqual(['www.example.com.cn', 'example.com.cn']);
  });

  it('still yields an unlisted multi-label suffix, since browsers ignore a Domain= on a public suffix', () => {
    expect(cookieDomains('www.example.com.mx')).toEqual(['www.example.com.mx', 'example.com.mx', 'com.mx']);
  });

  it('yields only the host for a registrable domain', () => {
    expect(cookieDomains('example.com')).toEqual(['example.com']);
  });

  it('yields only the host for a single-label host or an IP address', () => {
    expect(cookieDomains('localhost')).toEqual(['localhost']);
    expect(cookieDomains('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(cookieDomains('[::1]')).toEqual(['[::1]']);
  });
});

describe('cookiePaths', () => {
  it('yields / and every prefix of the pathname, with and without a trailing slash', () => {
    expect(cookiePaths('/a/b/c')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/', '/a/b/c']);
  });

  it('adds no duplicate for a pathname that ends in a slash', () => {
    expect(cookiePaths('/a/b/')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/']);
  });

  it('yields only / for the root path', () => {
    expect(cookiePaths('/')).toEqual(['/']);
  });
});
