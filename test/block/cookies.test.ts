import { Window } from 'happy-dom';
import { guardCookies, purgeCookies } from '../../src/block/cookies';
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

let w: any, allowed: Set<string>, reported: BlockedItem[], writes: string[], holder: object, native: PropertyDescriptor;

// The accessor may sit on any prototype of the document; spy on the native setter where it is. happy-dom's jar does
// not model Domain= and Max-Age=0 faithfully, so purge tests read the strings written (Chromium checked the jar).
const cookieHolder = (d: object) => {
  let p: any = d;
  while (!Object.getOwnPropertyDescriptor(p, 'cookie')) p = Object.getPrototypeOf(p);
  return p;
};

const open = (url: string) => {
  w = new Window({ url });
  holder = cookieHolder(w.document);
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
  open('https://www.shop.test/');
  allowed = new Set();
  reported = [];
});
afterEach(() => {
  Object.defineProperty(holder, 'cookie', native);
  vi.restoreAllMocks();
  w.happyDOM.close();
});

const guard = () =>
  guardCookies(w, createGate({ matcher, allowed: (c) => allowed.has(c), report: (item) => reported.push(item), keep }));

test('writing _ga before consent is dropped', () => {
  guard();
  w.document.cookie = '_ga=GA1.1.123; path=/; max-age=63072000';
  expect(writes).toEqual([]);
  expect(w.document.cookie).toBe('');
  expect(reported).toMatchObject([{ kind: 'cookie', url: '_ga', category: 'analytics', vendor: 'Google Analytics' }]);
});

test('a dropped cookie is reported once however often it is written', () => {
  guard();
  w.document.cookie = '_ga=1';
  w.document.cookie = '_ga=2';
  expect(reported).toHaveLength(1);
});

test('writing _ga after analytics is allowed is kept', () => {
  guard();
  allowed.add('analytics');
  w.document.cookie = '_ga=GA1.1.123; path=/';
  expect(w.document.cookie).toBe('_ga=GA1.1.123');
  expect(reported).toEqual([]);
});

test('a cookie the catalogue does not know is kept', () => {
  guard();
  w.document.cookie = 'theme=dark';
  expect(writes).toEqual(['theme=dark']);
});

test('the consent record and session cookies are never dropped', () => {
  guard();
  w.document.cookie = 'consentry=%7B%7D; path=/';
  w.document.cookie = 'sid=abc; path=/';
  expect(writes).toEqual(['consentry=%7B%7D; path=/', 'sid=abc; path=/']);
});

test('deleting a tracking cookie is always allowed', () => {
  guard();
  w.document.cookie = '_ga=; Max-Age=0; path=/';
  w.document.cookie = '_fbp=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  expect(writes).toHaveLength(2);
  expect(reported).toEqual([]);
});

test('a future expiry is not mistaken for a deletion', () => {
  guard();
  w.document.cookie = '_ga=1; expires=Fri, 01 Jan 2100 00:00:00 GMT';
  w.document.cookie = '_ga=1; max-age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT';
  expect(writes).toEqual([]);
});

test('an exception in the matcher drops the write (fail closed)', () => {
  vi.spyOn(matcher, 'cookie').mockImplementation(() => {
    throw new Error('matcher failed');
  });
  guard();
  w.document.cookie = 'anything=1';
  expect(writes).toEqual([]);
});

test('reading document.cookie stays native', () => {
  guard();
  expect(Object.getOwnPropertyDescriptor(holder, 'cookie')!.get).toBe(native.get);
});

test('cookieStore.set of a tracking cookie resolves without writing', async () => {
  const set = vi.spyOn(w.CookieStore.prototype, 'set').mockResolvedValue(undefined);
  guard();
  await expect(w.cookieStore.set('_ga', '1')).resolves.toBeUndefined();
  await expect(w.cookieStore.set({ name: '_fbp', value: '1' })).resolves.toBeUndefined();
  expect(set).not.toHaveBeenCalled();
  expect(reported.map((i) => i.url)).toEqual(['_ga', '_fbp']);
});

test('cookieStore.set of an allowed or expired cookie reaches the native one', async () => {
  const set = vi.spyOn(w.CookieStore.prototype, 'set').mockResolvedValue(undefined);
  guard();
  await w.cookieStore.set('theme', 'dark');
  await w.cookieStore.set({ name: '_ga', value: '', expires: 0 });
  expect(set).toHaveBeenCalledTimes(2);
});

test('purge deletes on every parent domain and path', () => {
  Object.defineProperty(holder, 'cookie', native);
  w.happyDOM.close();
  open('https://a.shop.example.co.uk/en/cart');
  w.document.cookie = '_ga=GA1.1.123; path=/';
  writes.length = 0;
  expect(purgeCookies(w, matcher, ['analytics'], keep)).toEqual(['_ga']);
  const paths = ['/', '/en', '/en/', '/en/cart'];
  const domains = ['', ';domain=a.shop.example.co.uk', ';domain=shop.example.co.uk', ';domain=example.co.uk'];
  expect(writes.sort()).toEqual(domains.flatMap((d) => paths.map((p) => `_ga=;max-age=0;path=${p}${d}`)).sort());
});

test('purge never touches the session cookie or the consent record', () => {
  w.document.cookie = 'sid=abc';
  w.document.cookie = 'consentry=x';
  w.document.cookie = '_fbp=fb.1';
  writes.length = 0;
  expect(purgeCookies(w, matcher, ['analytics', 'marketing'], keep)).toEqual(['_fbp']);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.filter((c) => !c.startsWith('_fbp='))).toEqual([]);
});

test('purge leaves cookies of categories still allowed', () => {
  w.document.cookie = '_ga=1';
  w.document.cookie = '_fbp=1';
  writes.length = 0;
  expect(purgeCookies(w, matcher, ['marketing'], keep)).toEqual(['_fbp']);
  expect(writes.filter((c) => !c.startsWith('_fbp='))).toEqual([]);
});

test('purge goes through the guard, which lets its deletions pass', () => {
  w.document.cookie = '_ga=1';
  writes.length = 0;
  guard();
  purgeCookies(w, matcher, ['analytics'], keep);
  // www.shop.test: host-only, www.shop.test, shop.test; path /.
  expect(writes).toHaveLength(3);
  expect(reported).toEqual([]);
});
