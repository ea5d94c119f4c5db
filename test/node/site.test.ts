// @vitest-environment node
import { sameSite, siteOf } from '../../src/node/site';

describe('siteOf', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['a.b.example.com', 'example.com'],
    ['example.com', 'example.com'],
    ['shop.co.uk', 'shop.co.uk'],
    ['www.shop.co.uk', 'shop.co.uk'],
    ['static.example.com.cn', 'example.com.cn'],
    ['WWW.Example.COM.', 'example.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s is on the site %s', (host, site) => {
    expect(siteOf(host)).toBe(site);
  });
});

describe('sameSite', () => {
  it('puts subdomains of one site together and other sites apart', () => {
    expect(sameSite('www.example.com', 'cdn.example.com')).toBe(true);
    expect(sameSite('example.com', 'example.net')).toBe(false);
    expect(sameSite('a.co.uk', 'b.co.uk')).toBe(false);
    expect(sameSite('127.0.0.1', 'localhost')).toBe(false);
  });

  it('known limit: two apps under a private suffix count as one site (no Public Suffix List)', () => {
    expect(sameSite('alice.github.io', 'tracker.github.io')).toBe(true);
  });
});
