// @vitest-environment node
import { parseCookieWrite } from '../../src/node/set-cookie';

describe('parseCookieWrite', () => {
  it('reads the name and the attributes of a Set-Cookie line, and never the value', () => {
    const w = parseCookieWrite('sid=s3cr3t; Path=/shop; Domain=.Example.com; HttpOnly; Secure; SameSite=Lax');
    expect(w).toEqual({
      name: 'sid',
      path: '/shop',
      domain: '.example.com',
      httpOnly: true,
      secure: true,
      sameSite: 'Lax',
      lifetime: undefined,
      deletion: false,
    });
    expect(JSON.stringify(w)).not.toContain('s3cr3t');
  });

  it('takes Max-Age over Expires, as browsers do', () => {
    expect(parseCookieWrite('a=1; Expires=Wed, 01 Jan 2031 00:00:00 GMT; Max-Age=60')?.lifetime).toBe(60);
  });

  it('reads Expires relative to when it was written', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseCookieWrite('a=1; expires=Thu, 02 Jan 2030 00:00:00 GMT', now)?.lifetime).toBe(86_400);
  });

  it('calls a write whose expiry has passed a deletion', () => {
    expect(parseCookieWrite('a=; Max-Age=0')?.deletion).toBe(true);
    expect(parseCookieWrite('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT')?.deletion).toBe(true);
  });

  it('reads a document.cookie string the same way', () => {
    expect(parseCookieWrite('_ga=GA1.1.1; path=/; max-age=63072000; SameSite=Lax')).toMatchObject({
      name: '_ga',
      path: '/',
      lifetime: 63072000,
      httpOnly: false,
    });
  });

  it('returns undefined for a line without a name', () => {
    expect(parseCookieWrite('=1; Path=/')).toBeUndefined();
    expect(parseCookieWrite('')).toBeUndefined();
  });
});
