import { cookieDomains, cookiePaths } from '../../src/block/cookies';

test('a host yields itself and each parent down to the registrable domain', () => {
  expect(cookieDomains('a.b.example.com')).toEqual(['a.b.example.com', 'b.example.com', 'example.com']);
});

test('a listed second-level public suffix is never used as a domain', () => {
  expect(cookieDomains('a.shop.example.co.uk')).toEqual([
    'a.shop.example.co.uk',
    'shop.example.co.uk',
    'example.co.uk',
  ]);
  expect(cookieDomains('www.example.com.cn')).toEqual(['www.example.com.cn', 'example.com.cn']);
});

test('an unlisted multi-label suffix is still tried, since browsers ignore a Domain= on a public suffix', () => {
  expect(cookieDomains('www.example.com.mx')).toEqual(['www.example.com.mx', 'example.com.mx', 'com.mx']);
});

test('a registrable domain yields only itself', () => {
  expect(cookieDomains('example.com')).toEqual(['example.com']);
});

test('a single-label host or an IP address yields only itself', () => {
  expect(cookieDomains('localhost')).toEqual(['localhost']);
  expect(cookieDomains('127.0.0.1')).toEqual(['127.0.0.1']);
  expect(cookieDomains('[::1]')).toEqual(['[::1]']);
});

test('paths are / and every prefix of the pathname, with and without a trailing slash', () => {
  expect(cookiePaths('/a/b/c')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/', '/a/b/c']);
});

test('a pathname ending in a slash adds no duplicate', () => {
  expect(cookiePaths('/a/b/')).toEqual(['/', '/a', '/a/', '/a/b', '/a/b/']);
});

test('the root path yields only /', () => {
  expect(cookiePaths('/')).toEqual(['/']);
});
