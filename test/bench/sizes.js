// One way to measure bytes, shared by the benchmark and the size gate (test/size.test.ts),
// so the README's figures and the CI budget can never disagree about what "10 kB gzip" means.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
const MODULES = join(ROOT, 'node_modules');

/** The budgets of docs/architecture.md ("Budgets"), in bytes of gzip -9: the loader, and the UI chunk with one language file. */
export const BUDGET = { loader: 10 * 1024, uiWithLanguage: 7.5 * 1024 };

/** Same settings as `gzip -9`: a CDN's best effort, and what peers.md section 4 used. */
export const gzip = (buf) => gzipSync(buf, { level: 9 });
export const brotli = (buf) =>
  brotliCompressSync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      // Text mode is what static-asset compressors pick for JS and CSS.
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });

export function measure(buf) {
  return { raw: buf.length, gzip: gzip(buf).length, brotli: brotli(buf).length };
}

export const CONSENTRY = { loader: join(DIST, 'consentry.js'), ui: join(DIST, 'consentry-ui.js') };
/**
 * The language files the build wrote (one per entry of LANGUAGES in src/core/language.ts): every `consentry-<x>.js`
 * that is not the UI chunk or the service worker. One is downloaded with the UI chunk; the largest counts.
 */
export const languageFiles = () =>
  existsSync(DIST)
    ? readdirSync(DIST)
        .filter((name) => /^consentry-(?!ui\.|sw\.).+\.js$/.test(name))
        .map((name) => join(DIST, name))
    : [];

/**
 * Interim ceilings while the budgets are not met (README "Size and speed"): the gate keeps the bytes from growing
 * and fails on any regression; lower them with every saving until they reach BUDGET. Raised once, by the visitor-rights
 * change: the loader's floating open button (about 440 B) and the ten new languages (the largest file, Japanese, is
 * 1.4 kB).
 */
export const CEILING = { loader: 13 * 1024, total: 22 * 1024 };

/**
 * Reads the built Consentry files. Throws (never returns a partial result) when dist/ is missing,
 * because a gate that skips when nothing was built lets an oversized build through.
 */
export function consentrySizes() {
  const languages = languageFiles();
  for (const file of Object.values(CONSENTRY)) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  if (!languages.length) throw new Error('no language file in dist/: run `npm run build` first.');
  const loader = measure(readFileSync(CONSENTRY.loader));
  const ui = measure(readFileSync(CONSENTRY.ui));
  const lang = languages.map((f) => measure(readFileSync(f))).reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const total = {
    raw: loader.raw + ui.raw + lang.raw,
    gzip: loader.gzip + ui.gzip + lang.gzip,
    brotli: loader.brotli + ui.brotli + lang.brotli,
  };
  return { loader, ui, lang, total };
}

/**
 * Each peer's shipped files: what a site must serve for the tool to work as documented.
 * Klaro's main build inlines its CSS, so klaro.js alone is the whole tool; its split build is listed for fairness.
 */
export const PEER_FILES = {
  'vanilla-cookieconsent': [
    'vanilla-cookieconsent/dist/cookieconsent.umd.js',
    'vanilla-cookieconsent/dist/cookieconsent.css',
  ],
  klaro: ['klaro/dist/klaro.js'],
  'klaro (no-css + min.css)': ['klaro/dist/klaro-no-css.js', 'klaro/dist/klaro.min.css'],
  yett: ['yett/dist/yett.min.js'],
};

export const modulePath = (rel) => join(MODULES, rel);

export function peerSizes() {
  const out = {};
  for (const [name, files] of Object.entries(PEER_FILES)) {
    const parts = files.map((rel) => ({ file: rel, ...measure(readFileSync(modulePath(rel))) }));
    out[name] = {
      files: parts,
      total: {
        raw: sum(parts, 'raw'),
        gzip: sum(parts, 'gzip'),
        brotli: sum(parts, 'brotli'),
      },
    };
  }
  return out;
}

const sum = (list, key) => list.reduce((n, x) => n + x[key], 0);

export function peerVersion(pkg) {
  return JSON.parse(readFileSync(join(MODULES, pkg, 'package.json'), 'utf8')).version;
}
