/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * One config, one build per mode (`vite build --mode loader|ui|lang-<lang>|esm`), all into dist/:
 * - loader:      dist/consentry.js, the classic IIFE pasted first in <head>;
 * - ui:          dist/consentry-ui.js, the Preact banner, fetched by the loader only when it must show something;
 * - lang-<lang>: dist/consentry-<lang>.js, the banner's strings in one language, fetched beside the UI chunk;
 * - esm:         dist/consentry.mjs (+ lazy UI and language chunks) for apps that bundle Consentry.
 */
const langs = ['en', 'zh-Hant', 'zh-Hans'];
const entries: Record<string, { entry: string; formats: ('iife' | 'es')[]; fileName(): string; lang?: string }> = {
  loader: { entry: 'src/loader/index.ts', formats: ['iife'], fileName: () => 'consentry.js' },
  ui: { entry: 'src/ui/chunk.ts', formats: ['iife'], fileName: () => 'consentry-ui.js' },
  ...Object.fromEntries(
    langs.map((lang) => [
      'lang-' + lang,
      { entry: 'src/ui/i18n/file.ts', formats: ['iife'], fileName: () => `consentry-${lang}.js`, lang },
    ]),
  ),
  esm: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'consentry.mjs' },
};

export default defineConfig(({ mode }) => {
  const { lang, ...lib } = entries[mode] ?? entries.loader;
  return {
    publicDir: false,
    // A language build: src/ui/i18n/file.ts announces ./<lang>.ts.
    ...(lang && { resolve: { alias: { 'consentry-lang': `/src/ui/i18n/${lang}.ts` } } }),
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2020',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { ...lib, name: 'consentry', formats: [...lib.formats] },
      rolldownOptions:
        mode === 'esm'
          ? { external: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'js-cookie'] }
          : // V8's explicit compile hint: nearly every function of these files runs as soon as they load, so compiling
            // them all at once beats a pre-parse now and a full parse on each first call. Measured for a returning
            // visitor (loader only, fresh browser context): start-up 13.5 → 11.3 ms of script CPU.
            { output: { postBanner: '//# allFunctionsCalledOnLoad' } },
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'happy-dom',
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
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
