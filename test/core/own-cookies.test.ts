import { readCookie, removeCookie, writeCookie } from '../../src/core/own-cookies';
import { captureCookieWrites, clearCookies } from './harness';

let writes: string[];

beforeEach(() => {
  (window as any).happyDOM.setURL('https://example.com/');
  clearCookies();
  writes = captureCookieWrites();
});
afterEach(() => vi.restoreAllMocks());

it('a cookie without days is a session cookie with Path=/, SameSite=Lax and, on https, Secure', () => {
  writeCookie('a', 'b', {});
  expect(writes).toEqual(['a=b; path=/; sameSite=Lax; secure']);
});

it('a cookie with days expires that many days from now', () => {
  const now = Date.now();
  writeCookie('a', 'b', {}, 2);
  const expires = Date.parse(writes[0].split('; expires=')[1]);
  expect(Math.abs(expires - (now + 2 * 864e5))).toBeLessThan(2000);
});

it('a value keeps the characters a cookie allows and encodes the others', () => {
  writeCookie('a', 'user:1@site/x; y=z,"q"', {});
  expect(writes[0]).toMatch(/^a=user:1@site\/x%3B%20y=z%2C%22q%22;/);
});

it('a path or domain cannot add attributes of its own', () => {
  writeCookie('a', 'b', { path: '/app; domain=evil.example', domain: 'example.com; secure' }, undefined);
  expect(writes[0]).toBe('a=b; path=/app; domain=example.com; sameSite=Lax; secure');
});

it('a cookie written on plain http is not Secure unless asked', () => {
  (window as any).happyDOM.setURL('http://example.com/');
  writeCookie('a', 'b', {});
  writeCookie('c', 'd', { secure: true });
  expect(writes).toEqual(['a=b; path=/; sameSite=Lax', 'c=d; path=/; sameSite=Lax; secure']);
});

it('a value reads back as it was written', () => {
  writeCookie('a', 'user 1:é;x', {});
  expect(readCookie('a')).toBe('user 1:é;x');
});

it('reading a cookie that is not there gives undefined, and an undecodable one is skipped', () => {
  document.cookie = 'a=%E0%A4%A';
  expect(readCookie('a')).toBeUndefined();
  expect(readCookie('missing')).toBeUndefined();
});

it('removing a cookie writes it empty with a date in the past, on the same path and domain', () => {
  writeCookie('a', 'b', { path: '/app' });
  removeCookie('a', { path: '/app' });
  expect(writes[1]).toMatch(/^a=; path=\/app; sameSite=Lax; secure; expires=/);
  expect(Date.parse(writes[1].split('; expires=')[1])).toBeLessThan(Date.now());
});
