// @vitest-environment node
/**
 * `consentry/vite` in a real Vite build and dev server, as a site installs it (the built dist/node/vite.js; `npm
 * test` builds before it runs vitest). The leak corpus built with it runs in Chromium in test/browser/mark.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';

// Real Vite builds: seconds each, more on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

type ViteModule = typeof import('../../src/node/vite');
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const plugin = async () => ((await import(join(ROOT, 'dist/node/vite.js'))) as ViteModule).default;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Shop</title>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>
</head><body><iframe src="https://www.youtube.com/embed/x"></iframe><script type="module" src="./main.js"></script></body></html>`;
const config = { rules: [{ match: 'cdn.example-tracker.com', category: 'analytics' }] };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-vite-'));
  mkdirSync(join(dir, 'public'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  writeFileSync(join(dir, 'main.js'), 'console.log("shop");');
  writeFileSync(join(dir, 'public/static.html'), '<img src="https://cdn.example-tracker.com/p.gif">');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('vite build: pages marked, the loader and its config injected first in <head>, the loader files emitted', async () => {
  const consentry = await plugin();
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [consentry({ config })] });
  const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
  const head = html.slice(html.indexOf('<head>') + 6).trimStart();
  expect(
    head.startsWith(`<script type="application/json" id="consentry-config">${JSON.stringify(config)}</script>`),
  ).toBe(true);
  expect(html.indexOf('<script src="/consentry.js"></script>')).toBeLessThan(html.indexOf('<meta charset'));
  expect(html).toContain(
    '<script type="text/plain" data-consent="analytics" data-consentry-vendor="Google Analytics" async',
  );
  expect(html).toContain('data-src="https://www.youtube.com/embed/x"');
  // Vite's own module script is not a tracker: untouched.
  expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
  // A page copied from public/ skips every Vite hook; the plugin marks it with the site's own rules.
  expect(readFileSync(join(dir, 'dist/static.html'), 'utf8')).toContain(
    'data-src="https://cdn.example-tracker.com/p.gif"',
  );
  for (const f of ['consentry.js', 'consentry-ui.js', 'consentry-later.js', 'consentry-en.js'])
    expect(existsSync(join(dir, 'dist', f))).toBe(true);
});

test('vite build with inject: false leaves the head alone and still marks', async () => {
  const consentry = await plugin();
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [consentry({ inject: false })] });
  const html = readFileSync(join(dir, 'dist/index.html'), 'utf8');
  expect(html).not.toContain('consentry.js');
  expect(html).toContain('data-src="https://www.youtube.com/embed/x"');
});

test('the dev server serves pages marked and the loader from the site root', async () => {
  const consentry = await plugin();
  const server = await createServer({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1' },
    plugins: [consentry({ config })],
  });
  await server.listen();
  try {
    const origin = server.resolvedUrls!.local[0].replace(/\/$/, '');
    const page = await (await fetch(origin + '/')).text();
    expect(page).toContain('data-src="https://www.youtube.com/embed/x"');
    expect(page).toContain('<script src="/consentry.js"></script>');
    const publicPage = await (await fetch(origin + '/static.html')).text();
    expect(publicPage).toContain('data-src="https://cdn.example-tracker.com/p.gif"');
    const loader = await fetch(origin + '/consentry.js');
    expect(loader.headers.get('content-type')).toMatch(/javascript/);
    expect((await loader.text()).length).toBeGreaterThan(1000);
  } finally {
    await server.close();
  }
});
