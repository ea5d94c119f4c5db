import { resolveConfig } from '../../src/core/config';
import { createSession } from '../../src/core/session';
import { captureCookieWrites, clearCookies, makeApi } from './harness';

const config = resolveConfig({});
let writes: string[];
const capture = () => {
  writes = captureCookieWrites();
};

beforeEach(() => {
  (window as any).happyDOM.setURL('https://example.com/');
  clearCookies();
  writes = [];
});
afterEach(() => vi.restoreAllMocks());

it('login() writes a session-only cookie: no Expires, no Max-Age', () => {
  capture();
  createSession(config).login('abc');
  expect(writes[0]).not.toMatch(/expires|max-age/i);
});

it('login() writes Path=/, SameSite=Lax and, on https, Secure by default', () => {
  capture();
  createSession(config).login('abc');
  expect(writes[0]).toMatch(/^consentry_session=abc; path=\/; sameSite=Lax; secure$/);
});

it('the session cookie is not Secure on plain http', () => {
  (window as any).happyDOM.setURL('http://example.com/');
  capture();
  createSession(config).login('abc');
  expect(writes[0]).not.toMatch(/secure/i);
});

it('the session cookie takes its name from the config and its attributes from the call', () => {
  capture();
  createSession(resolveConfig({ session: { name: 'sid' } })).login('v', {
    path: '/app',
    domain: 'example.com',
    sameSite: 'Strict',
  });
  expect(writes[0]).toBe('sid=v; path=/app; domain=example.com; sameSite=Strict; secure');
});

it('get() reads the value back', () => {
  const s = createSession(config);
  s.login('user 1');
  expect(s.get()).toBe('user 1');
});

it('logout() removes the cookie on the path and domain it was written with', () => {
  const s = createSession(config);
  s.login('abc', { path: '/' });
  capture();
  s.logout();
  expect(s.get()).toBeUndefined();
  expect(writes[0]).toMatch(/^consentry_session=; path=\/;.*expires=/);
});

it('the session cookie survives rejectAll and reset through the API', () => {
  const { api } = makeApi();
  api.session.login('abc');
  api.acceptAll();
  api.rejectAll();
  api.reset();
  expect(api.session.get()).toBe('abc');
});
