// @vitest-environment node
import { crawlScope, scan, unclassifiedPath } from '../../src/node/scan';

describe('crawlScope', () => {
  const start = new URL('https://www.shop.example/');

  it('follows links on the start URL’s origin only, by default', () => {
    const inScope = crawlScope(start, false);
    expect(inScope(new URL('https://www.shop.example/tea?page=2'))).toBe(true);
    expect(inScope(new URL('http://www.shop.example/'))).toBe(false);
    expect(inScope(new URL('https://blog.shop.example/'))).toBe(false);
    expect(inScope(new URL('https://elsewhere.example/'))).toBe(false);
  });

  it('follows links to any host of the same site with --same-site, and never another site or scheme', () => {
    const inScope = crawlScope(start, true);
    expect(inScope(new URL('https://blog.shop.example/'))).toBe(true);
    expect(inScope(new URL('http://shop.example/'))).toBe(true);
    expect(inScope(new URL('https://shop.example.net/'))).toBe(false);
    expect(inScope(new URL('ftp://www.shop.example/'))).toBe(false);
  });
});

describe('unclassifiedPath', () => {
  it('puts the list beside the config', () => {
    expect(unclassifiedPath('site/consentry.json')).toBe('site/consentry.unclassified.json');
    expect(unclassifiedPath('config')).toBe('config.unclassified.json');
  });
});

describe('the scan command', () => {
  const run = async (...argv: string[]) => {
    let out = '',
      err = '';
    const code = await scan(argv, { out: (line) => (out += line + '\n'), err: (line) => (err += line + '\n') });
    return { code, out, err };
  };

  it('prints its usage for --help, with exit code 0', async () => {
    expect(await run('--help')).toEqual({
      code: 0,
      out: expect.stringMatching(/^consentry scan <url> \[--max-pages/),
      err: '',
    });
  });

  it('refuses a bad --max-pages with one line and exit code 2', async () => {
    expect(await run('http://x.example/', '--max-pages', '0')).toEqual({
      code: 2,
      out: '',
      err: 'consentry scan: --max-pages must be a whole number ≥ 1, got "0"\n',
    });
  });
});
