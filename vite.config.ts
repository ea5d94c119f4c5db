/// <reference types="vitest/config" />
import { rmSync } from 'node:fs';
import { build, defineConfig, type LibraryFormats, type Plugin } from 'vite';
import { LANGUAGES } from './src/core/language';

/**
 * `vite build` builds every target below into dist/, one after the other (`vite build --mode <target>` builds one):
 * - loader:      dist/consentry.js, the classic IIFE pasted first in <head>;
 * - ui:          dist/consentry-ui.js, the Preact banner, fetched by the loader only when it must show something;
 * - later:       dist/consentry-later.js, what runs only once something happened (placeholders, purge, receipts);
 * - lang-<lang>: dist/consentry-<lang>.js, the banner's strings in one language, fetched beside the UI chunk, one
 *                per entry of LANGUAGES (src/core/language.ts);
 * - esm:         dist/consentry.mjs (+ lazy UI and language chunks) for apps that bundle Consentry;
 * - sw:          dist/consentry-sw.js, the opt-in service worker (the shield), a classic script so that a site's own
 *                worker can `importScripts` it;
 * - node:        dist/node/, what runs in Node (Node 20, ES modules, dependencies and node:* left as imports): the
 *                `consentry` CLI (bin.js: mark, audit, scan), `consentry/mark` (mark.js), `consentry/vite` (vite.js)
 *                and `consentry/middleware` (middleware.js); `npm run types:node` writes their .d.ts beside them.
 */
interface Target {
  entry: string;
  format: LibraryFormats;
  fileName: string;
  /** A language build: the language file src/ui/language-file.ts hands over. */
  lang?: string;
}

const TARGETS: Record<string, Target> = {
  loader: { entry: 'src/loader/index.ts', format: 'iife', fileName: 'consentry.js' },
  ui: { entry: 'src/ui/chunk.ts', format: 'iife', fileName: 'consentry-ui.js' },
  later: { entry: 'src/later/chunk.ts', format: 'iife', fileName: 'consentry-later.js' },
  ...Object.fromEntries(
    LANGUAGES.map((lang) => [
      'lang-' + lang,
      { entry: 'src/ui/language-file.ts', format: 'iife', fileName: `consentry-${lang}.js`, lang },
    ]),
  ),
  esm: { entry: 'src/index.ts', format: 'es', fileName: 'consentry.mjs' },
  sw: { entry: 'src/sw/index.ts', format: 'iife', fileName: 'consentry-sw.js' },
};

/** The whole build: dist/ emptied once, then every other target after the first one's bundle is written. */
const everyTarget = (): Plugin => ({
  name: 'consentry:every-target',
  apply: 'build',
  buildStart: () => rmSync('dist', { recursive: true, force: true }),
  async closeBundle() {
    for (const mode of [...Object.keys(TARGETS).slice(1), 'node']) await build({ mode, logLevel: 'warn' });
  },
});

/** The Node target: its own shape (several entries, nothing minified, no browser in sight). */
const node = defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist/node',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: {
        bin: 'src/node/bin.ts',
        mark: 'src/mark/index.ts',
        vite: 'src/node/vite.ts',
        middleware: 'src/node/middleware.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      // playwright-core stays an import: an optional peer, loaded only by audit and scan (src/node/browser.ts).
      external: [/^node:/, /^parse5(\/|$)/, /^vite(\/|$)/, /^playwright-core(\/|$)/],
      output: { banner: (chunk) => (chunk.name === 'bin' ? '#!/usr/bin/env node' : '') },
    },
  },
});

export default defineConfig(({ command, mode }) => {
  if (mode === 'node') return node;
  const target = TARGETS[mode];
  const { entry, format, fileName, lang } = target ?? TARGETS.loader;
  // The compile hint suits files whose functions nearly all run at once; the worker's mostly wait for events, and a
  // language file is one call handing over its strings (without the hint its start-up measured 1.78 -> 1.51 ms).
  const compileHint = format == 'iife' && mode != 'sw' && !lang;
  return {
    publicDir: false,
    plugins: command == 'build' && !target ? [everyTarget()] : [],
    ...(lang && { resolve: { alias: { 'consentry-language': `/src/ui/i18n/${lang}.ts` } } }),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      // The service worker runs only where service workers do: class fields stay as written there (350 B gzip less
      // than es2020's lowering of parse5's tokenizer; no static blocks or private names in its output).
      target: mode == 'sw' ? 'es2022' : 'es2020',
      // The stylesheet uses logical properties (inset-inline, float: inline-end) on purpose: right-to-left follows
      // `dir` with no rules of its own. An older CSS target would rewrite them into left/right plus :lang() guesses.
      cssTarget: 'esnext',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry, name: 'consentry', formats: [format], fileName: () => fileName },
      rolldownOptions: {
        // parse5's modules only define things, but its package does not say so: without this the service worker
        // would carry its tree builder and serializer (1,350 B gzip) for a tokenizer.
        treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/parse5/') },
        ...(format == 'es' && { external: ['preact', 'preact/hooks', 'preact/jsx-runtime'] }),
        // V8's explicit compile hint: nearly every function of these files runs as soon as they load, so compiling
        // them all at once beats a pre-parse now and a full parse on each first call. Measured for a returning
        // visitor (loader only, fresh browser context): start-up 13.5 → 11.3 ms of script CPU.
        ...(compileHint && { output: { postBanner: '//# allFunctionsCalledOnLoad' } }),
      },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
            // The unit project runs first, then the browser project (each with its own worker count).
            sequence: { groupOrder: 0 },
            // No unit test is timed; some build, spawn a CLI or run axe, which takes seconds on a busy machine.
            testTimeout: 20_000,
            // The UI's stylesheet is imported as text (`styles.css?inline`): process it as the build does.
            css: true,
            globals: true,
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/browser/**', 'test/bench/**', 'node_modules/**'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            environment: 'node',
            globals: true,
            include: ['test/browser/**/*.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            sequence: { groupOrder: 1 },
            // Two files at a time, each with its own Chromium; inside a file, pages run side by side where the file
            // says so (test.concurrent), three at most. Most of a browser test's time is spent waiting for a page to
            // go quiet, so two files share a 2-core machine well.
            maxWorkers: 2,
            maxConcurrency: 3,
          },
        },
      ],
    },
  };
});
