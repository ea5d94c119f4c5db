// What `npm run build` writes into dist/, beyond its size (test/size.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONSENTRY } from './bench/sizes.js';

describe('the classic bundles', () => {
  // V8 then compiles every function at once instead of pre-parsing now and parsing again on each first call
  // (`npm run bench`: a returning visitor's start-up CPU fell by about a sixth).
  it.each(Object.entries(CONSENTRY))("%s begins with V8's compile hint", (_, file) => {
    expect(readFileSync(file, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true);
  });
});

describe('the UI chunk', () => {
  // An older CSS target would rewrite `inset-inline` and `float: inline-end` into left/right plus :lang() guesses.
  it('keeps the stylesheet on logical sides, as written', () => {
    const chunk = readFileSync(CONSENTRY.ui, 'utf8');
    expect(chunk).toContain('inset-inline:1em');
    expect(chunk).not.toMatch(/[{;](left|right):|:lang\(/);
  });
});

describe('the runtime bundles', () => {
  // The audit and the scan drive Chromium from Node; none of that may reach a page.
  it('never contain playwright-core or the site-owner tools', () => {
    const dist = dirname(CONSENTRY.loader);
    const runtime = readdirSync(dist).filter((name) => /\.m?js$/.test(name));
    expect(runtime).toContain('consentry.js');
    for (const name of runtime)
      expect(readFileSync(join(dist, name), 'utf8')).not.toMatch(/playwright|consentry audit|consentry scan/);
  });
});

describe('the Node bundle', () => {
  // An optional peer: the CLI imports it when audit or scan runs, so it must stay an import, not be bundled in.
  it('imports playwright-core on demand and carries none of it', () => {
    const node = join(dirname(CONSENTRY.loader), 'node');
    const code = readdirSync(node)
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(node, name), 'utf8'))
      .join('\n');
    expect(code).toMatch(/import\(["']playwright-core["']\)/);
    expect(code).not.toMatch(/^import .* from ["']playwright-core["']/m);
    expect(code).not.toContain('chromium.launchPersistentContext');
  });
});
