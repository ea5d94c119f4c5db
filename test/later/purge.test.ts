import { guardCookies } from '../../src/block/cookies';
import { createGate } from '../../src/block/gate';
import type { BlockedItem } from '../../src/core/types';
import { cookieDomains, cookiePaths, purgeCookies } from '../../src/later/purge';
import { KEEP as keep, cookieMatcher as matcher, openRecordingPage, type RecordingPage } from '../fixtures/cookie-jar';

// The purge runs against a page whose native cookie setter records what is written, and, in one test, through the
// cookie guard (src/block/cookies.ts), which must let its deletions pass.
let page: RecordingPage | undefined;
let win: any;
let writes: string[];
let reported: BlockedItem[];

const open = (url: string) => {
  page = openRecordingPage(url);
  ({ win, writes } = page);
};

beforeEach(() => {
  reported = [];
});
afterEach(() => {
  page?.close();
  page = undefined;
});

const guard = () =>
  guardCookies(win, createGate({ matcher, allowed: () => false, report: (item) => reported.push(item), keep }));

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
