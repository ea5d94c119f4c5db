// @vitest-environment node
import { resolveConfig } from '../../src/core/config';
import { createClassifier } from '../../src/node/classify';

const PAGE = 'https://shop.example/';
const classifier = (config: unknown = {}) => createClassifier(resolveConfig(config), PAGE);

describe('requests', () => {
  it('names a catalogue tracker by category and vendor', () => {
    expect(classifier().request('https://www.googletagmanager.com/gtag/js?id=G-1')).toEqual({
      category: 'analytics',
      vendor: 'Google Analytics',
    });
    expect(classifier().request('https://www.facebook.com/tr?id=1&ev=PageView')).toEqual({
      category: 'marketing',
      vendor: 'Meta Pixel',
    });
  });

  it('says nothing about the page’s own URLs', () => {
    expect(classifier().request('https://shop.example/app.js')).toBeUndefined();
    expect(classifier().request('https://cdn.shop.example/logo.png')).toBeUndefined();
  });

  it('names an unknown third party by its host, without a category', () => {
    expect(classifier().request('https://px.unknown.example/p.gif')).toEqual({ vendor: 'px.unknown.example' });
  });

  it('follows the config: a site rule names a host, an allow entry lets one through, before the catalogue', () => {
    const c = classifier({
      rules: [{ match: 'px.unknown.example', category: 'marketing', vendor: 'Pixel Co' }],
      allow: ['www.googletagmanager.com/gtag/js'],
    });
    expect(c.request('https://px.unknown.example/p.gif')).toEqual({ category: 'marketing', vendor: 'Pixel Co' });
    expect(c.request('https://www.googletagmanager.com/gtag/js?id=G-1')).toEqual({
      vendor: 'www.googletagmanager.com/gtag/js',
      allowListed: true,
    });
    expect(c.request('https://www.googletagmanager.com/gtm.js?id=GTM-1')?.category).toBe('analytics');
  });

  it('marks the Google tags that Consent Mode advanced loads with consent denied', () => {
    expect(classifier({ consentMode: 'advanced' }).request('https://www.googletagmanager.com/gtag/js?id=G-1')).toEqual({
      category: 'analytics',
      vendor: 'Google Analytics',
      consentMode: true,
    });
    expect(
      classifier({ consentMode: 'advanced' }).request('https://connect.facebook.net/en_US/fbevents.js'),
    ).not.toHaveProperty('consentMode');
  });
});

describe('cookies', () => {
  it('calls the consent record and the session cookie necessary, with their configured names', () => {
    const c = classifier({ cookie: { name: 'choice' }, session: { name: 'login' } });
    expect(c.cookie({ name: 'choice', domain: 'shop.example' })).toEqual({
      category: 'necessary',
      vendor: 'Consentry',
    });
    expect(c.cookie({ name: 'login', domain: '.shop.example' })).toEqual({
      category: 'necessary',
      vendor: 'Consentry',
    });
    expect(c.cookie({ name: 'consentry', domain: 'shop.example' }).category).toBeUndefined();
  });

  it('names first-party cookies by the catalogue, the config’s tables first', () => {
    const c = classifier({ categories: { preferences: { cookies: [{ name: '_ga', provider: 'Us' }] } } });
    expect(c.cookie({ name: '_fbp', domain: 'shop.example' })).toEqual({ category: 'marketing', vendor: 'Meta Pixel' });
    expect(c.cookie({ name: '_ga', domain: 'shop.example' })).toEqual({ category: 'preferences', vendor: 'Us' });
  });

  it('names a third party’s cookie by who set it, then by its domain', () => {
    const c = classifier();
    expect(c.cookie({ name: 'fr', domain: '.facebook.com', setBy: 'https://www.facebook.com/tr?id=1' })).toEqual({
      category: 'marketing',
      vendor: 'Meta Pixel',
    });
    expect(c.cookie({ name: 'IDE', domain: '.doubleclick.net' })).toEqual({
      category: 'marketing',
      vendor: 'DoubleClick',
    });
  });

  it('leaves an unknown cookie without a category: never necessary by default', () => {
    expect(classifier().cookie({ name: 'sid', domain: 'shop.example' })).toEqual({ vendor: 'shop.example' });
    expect(classifier().cookie({ name: 'uid', domain: '.unknown.example' })).toEqual({ vendor: 'unknown.example' });
  });
});
