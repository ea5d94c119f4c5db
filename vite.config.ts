/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * One config, three builds (`vite build --mode loader|ui|esm`), all into dist/:
 * - loader: dist/consentry.js, the classic IIFE pasted first in <head>;
 * - ui:     dist/consentry-ui.js, the Preact banner, fetched by the loader only when it must show something;
 * - esm:    dist/consentry.mjs (+ a lazy UI chunk) for apps that bundle Consentry.
 */
const entries = {
  loader: { entry: 'src/loader/index.ts', formats: ['iife'], fileName: () => 'consentry.js' },
  ui: { entry: 'src/ui/chunk.ts', formats: ['iife'], fileName: () => 'consentry-ui.js' },
  esm: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'consentry.mjs' },
} as const;

export default defineConfig(({ mode }) => {
  const lib = entries[mode as keyof typeof entries] ?? entries.loader;
  return {
    publicDir: false,
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: 'dist',
      emptyOutDir: mode === 'loader',
      target: 'es2020',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { ...lib, name: 'consentry', formats: [...lib.formats] },
      rolldownOptions: mode === 'esm' ? { external: ['preact', 'preact/hooks', 'preact/jsx-runtime', 'js-cookie'] } : {},
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
