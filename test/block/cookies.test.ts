import { guardCookies } from '../../src/block/cookies';
import { createGate } from '../../src/block/gate';
import type { BlockedItem } from '../../src/core/types';
import { KEEP as keep, cookieMatcher as matcher, openRecordingPage, type RecordingPage } from '../fixtures/cookie-jar';
import { chromiumOutcome, rfcOutcome } from '../fixtures/cookie-line';

let page: RecordingPage | undefined;
let win: any;
let writes: string[];
let allowed: Set<string>;
let reported: BlockedItem[];

const open = (url: string) => {
  page = openRecordingPage(url);
  ({ win, writes } = page);
};

beforeEach(() => {
  allowed = new Set();
  reported = [];
});
afterEach(() => {
  page?.close();
  page = undefined;
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
    expect(Object.getOwnPropertyDescriptor(page!.holder, 'cookie')!.get).toBe(page!.native.get);
  });

  it('cookieStore.set of a tracking cookie resolves without writing', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await expect(win.cookieStore.set('_ga', '1')).resolves.toBeUndefined();
    await expect(win.cookieStore.set({ name: '_fbp', value: '1' })).resolves.toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(reported.map((i) => i.url)).toEqual(['_ga', '_fbp']);
  });

  it('cookieStore.set(name, value) with a String object as the name is held like the text it reads as', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await expect(win.cookieStore.set(new String('_ga'), '1')).resolves.toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(reported.map((item) => item.url)).toEqual(['_ga']);
  });

  it('cookieStore.set(name, value) reads the name once and hands the native that text', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    let reads = 0;
    const shifty = { toString: () => (reads++ ? '_ga' : 'theme') };
    await win.cookieStore.set(shifty, 'dark');
    expect(set).toHaveBeenCalledWith('theme', 'dark');
    expect(reads).toBe(1);
  });

  it('cookieStore.set(options) reads each option once: a name getter cannot show the guard one name and the native another', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    let reads = 0;
    const shifty = {
      get name() {
        return reads++ ? '_ga' : 'theme';
      },
      value: '1',
    };
    await win.cookieStore.set(shifty);
    expect(set).toHaveBeenCalledWith({ name: 'theme', value: '1' });
    expect(reads).toBe(1);
  });

  it('cookieStore.set(options) reads the expiry once: one that looks past to the guard cannot write a tracking cookie', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    let reads = 0;
    const shifty = { valueOf: () => (reads++ ? 4102444800000 : 0) };
    await win.cookieStore.set({ name: '_ga', value: '1', expires: shifty });
    expect(set).toHaveBeenCalledWith({ name: '_ga', value: '1', expires: 0 });
    expect(reads).toBe(1);
  });

  it('cookieStore.set(options) hands the native every option it was given, its own or inherited, the name as text and the expiry as a number', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    const inherited = Object.create({ path: '/shop' });
    Object.assign(inherited, {
      name: 'theme',
      value: 7,
      domain: null,
      expires: new Date(4102444800000),
      partitioned: 1,
    });
    await win.cookieStore.set(inherited);
    expect(set).toHaveBeenCalledWith({
      name: 'theme',
      value: 7,
      domain: null,
      path: '/shop',
      expires: 4102444800000,
      partitioned: 1,
    });
  });

  it('cookieStore.set with a function as the options is judged by its name, as the platform reads it', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await expect(win.cookieStore.set(Object.assign(function _ga() {}, { value: '1' }))).resolves.toBeUndefined();
    expect(set).not.toHaveBeenCalled();
    expect(reported.map((item) => item.url)).toEqual(['_ga']);
  });

  it('cookieStore.set with one string argument goes to the native, which reads it as options (and rejects it)', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await win.cookieStore.set('_ga');
    expect(set).toHaveBeenCalledWith('_ga');
  });

  it('cookieStore.set of an allowed or expired cookie reaches the native one', async () => {
    const set = vi.spyOn(win.CookieStore.prototype, 'set').mockResolvedValue(undefined);
    guard();
    await win.cookieStore.set('theme', 'dark');
    await win.cookieStore.set({ name: '_ga', value: '', expires: 0 });
    expect(set).toHaveBeenCalledTimes(2);
  });
});

describe('the cookie attributes, read as RFC 6265bis reads them', () => {
  beforeEach(() => open('https://www.shop.test/'));
  const PAST = 'Thu, 01 Jan 1970 00:00:00 GMT';
  const FUTURE = 'Fri, 01 Jan 2100 00:00:00 GMT';

  it('the last Max-Age wins: an early Max-Age=-1 does not make a later two-year Max-Age a deletion', () => {
    guard();
    win.document.cookie = '_ga=1; max-age=-1; max-age=63072000';
    expect(writes).toEqual([]);
    expect(reported.map((item) => item.url)).toEqual(['_ga']);
  });

  it('the last Max-Age wins the other way round too: a later Max-Age=0 deletes', () => {
    guard();
    win.document.cookie = '_ga=; max-age=63072000; max-age=0';
    expect(writes).toHaveLength(1);
    expect(reported).toEqual([]);
  });

  it('a Max-Age that is not all digits is ignored, so the write is a session cookie and is dropped', () => {
    guard();
    for (const value of ['-1x', '-', '', '- 1', '0.5', '-1e3']) win.document.cookie = `_ga=1; max-age=${value}`;
    expect(writes).toEqual([]);
  });

  it('an ignored Max-Age leaves Expires to decide: a past Expires still deletes', () => {
    guard();
    win.document.cookie = `_ga=; max-age=soon; expires=${PAST}`;
    expect(writes).toHaveLength(1);
  });

  it('an Expires that does not parse is ignored, so the write is a session cookie and is dropped', () => {
    guard();
    win.document.cookie = '_ga=1; expires=never';
    win.document.cookie = '_ga=1; expires=';
    expect(writes).toEqual([]);
  });

  it('the last Expires that parses wins: a past one followed by a future one is a write, dropped', () => {
    guard();
    win.document.cookie = `_ga=1; expires=${PAST}; expires=${FUTURE}`;
    expect(writes).toEqual([]);
  });

  it('Max-Age wins over Expires in either order', () => {
    guard();
    win.document.cookie = `_ga=1; max-age=60; expires=${PAST}`;
    win.document.cookie = `_ga=1; expires=${PAST}; max-age=60`;
    expect(writes).toEqual([]);
    win.document.cookie = `_ga=; expires=${FUTURE}; max-age=0`;
    expect(writes).toHaveLength(1);
  });

  it('attribute names are read in any case and with spaces around them', () => {
    guard();
    win.document.cookie = '_ga=1;MAX-AGE = -1 ;  Max-Age\t=\t120';
    expect(writes).toEqual([]);
  });

  it('a held deletion goes out ending in Max-Age=0, so no browser can read it as a write', () => {
    guard();
    // `expires=1` parses as a date in 2001 for Date.parse, but not as a cookie-date: a browser would keep a session
    // cookie for this line as written.
    expect(rfcOutcome('_ga=1; expires=1')).toBe('session');
    win.document.cookie = '_ga=1; expires=1';
    expect(writes).toEqual(['_ga=1; expires=1;max-age=0']);
    expect(rfcOutcome(writes[0])).toBe('deletion');
    expect(chromiumOutcome(writes[0])).toBe('deletion');
  });

  it('a write the guard does not hold goes out exactly as written', () => {
    guard();
    win.document.cookie = 'theme=dark; expires=1';
    win.document.cookie = 'theme=; max-age=0';
    expect(writes).toEqual(['theme=dark; expires=1', 'theme=; max-age=0']);
  });
});
