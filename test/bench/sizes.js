// One way to measure bytes, shared by the benchmark and the size gate (test/size.test.ts),
// so the README's figures and the CI budget can never disagree about what "10 kB gzip" means.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = join(ROOT, 'dist');
const MODULES = join(ROOT, 'node_modules');

/**
 * The budgets of docs/architecture.md ("Budgets"), in bytes of gzip -9 (as `gzip` below counts them), one per
 * shipped file, so a change that costs bytes shows in the part it touched. The UI chunk and one language file are
 * downloaded together and share one budget of 7,680 B: the UI chunk gets 6,400 of it and each language file 1,280,
 * a fifth, because a language file is one table of strings whose length varies by language (the largest today is
 * 997 B, Traditional Chinese, whose characters are 3 bytes each), and a language added later must fit too.
 * The service worker is opt-in and never render-blocking: it is registered once and runs off the page.
 */
export const BUDGET = {
  loader: 10 * 1024,
  ui: 6400,
  language: 1280,
  uiWithLanguage: 7.5 * 1024,
  serviceWorker: 16 * 1024,
  // Placeholders, purge and receipts: fetched on a page's first blocked embed, withdrawal or receipt, never
  // render-blocking; a budget of its own so that what moved out of the loader does not grow unnoticed.
  later: 1536,
};

/**
 * The gate of `npm test`, per file: the budget where the build meets it, otherwise the size the build has reached
 * (a ratchet: a change that adds a byte to a file over its budget fails, and a change that saves bytes lowers the
 * ceiling in the same commit). The bench reports every file against BUDGET, so an unmet budget stays visible.
 * Lower a ceiling when you save bytes; never raise one without saying in the commit what the bytes buy.
 */
export const CEILING = {
  // Measured after each change (zlib -9): 12,596 B once js-cookie left; +480 B for the shield's page side
  // (src/loader/service-worker.ts: registering the worker after load with its config, unregistering it when switched
  // off, its refusals in blocked(), each decision told to it, re-activation waiting for its ack); +163 B for guards
  // that parse as the platform does: cookie attributes read as RFC 6265bis does with held deletions sent ending in
  // Max-Age=0 (54 B), cookieStore.set naming the cookie by the first argument's text, read once (7 B), record fields
  // checked as strings (7 B), the matcher reading percent-encoded paths and an empty query as the server does (58 B),
  // ping and srcset split on ASCII whitespace (16 B), a cross-tab record checked against the cookie (20 B), looked
  // at again for up to two seconds while this tab's cookie jar catches up (24 B).
  // +1,277 B for the fetching doors: the tag table from the HTML standard and SVG 2, setters found up the prototype
  // chain, XLink attributes, attribute nodes, new Audio(url), meta refresh (668 B); worklets, FontFace, Cache,
  // WebTransport, RTCPeerConnection ICE servers, window.open and form submission (609 B).
  // +586 B for no broken pages: a refused WebSocket/EventSource failing as a refused connection does (error, close
  // 1006, CLOSED) instead of throwing, and constructors whose parent is not the native; network URLs read once as the
  // native converts them (a Request by its native getter) and handed on as that string; natives called through a
  // captured Reflect.apply; a parked element's URL properties reading back the URL given; the cookie wrappers keeping
  // the natives' names (the placeholder drawn beside its iframe moved a line out of the loader into the later chunk).
  // +813 B for markup and realms (13,248 -> 14,061): template content and DOMParser/parseHTMLUnsafe trees checked on import,
  // adoption and every insertion method, setHTMLUnsafe/setHTML/execCommand scrubbed with declarative shadow roots,
  // one tag split over document.write calls, half-marked tags parked, object/frame documents and popups guarded, a
  // start-up that cannot read the cookie still guarding (607 B); iframes set through markup guarded for `window[name]`,
  // data:/javascript: frame markup checked, a parked element re-parked when inserted again (206 B).
  // All merged: 16,031 B (one replaceConstructor; the URL read-back also covers the doors' attributes; the
  // shield's API read where it can throw). cookieStore.set's options read once, member by member (84 B): 16,115 B.
  // +242 B for guards a page cannot switch off or bypass: every native called through the captured Reflect.apply and
  // every pattern of the matcher and the guards read through RegExp's captured exec (158 B); location, navigation
  // .navigate() and scripted link clicks to a tracker refused through the Navigation API (36 B); an attribute node's
  // nodeValue and textContent guarded (48 B): 16,357 B. Re-activation entering open shadow roots (50 B): 16,407 B.
  // document.write after load left to the native (only re-activated tags' writes are diverted): 16,381 B.
  // Speculation rules scripts read and held when their list rules name a tracker (110 B); a parked iframe set
  // through markup or given its src before it is appended, after DOMContentLoaded, announced for its placeholder
  // (18 B): 16,509 B. The floating button's label fetched after the page's load, which it held back (19 B): 16,528 B.
  // A parked iframe announced for its placeholder by whichever insertion puts it into the document, also inside a
  // box appended later (40 B): 16,568 B. Hot paths without a new array per call (one shared empty argument list,
  // textContent of other nodes passing the caller's arguments on, no iterator per insertion) (17 B): 16,585 B.
  // A first visit's banner files requested before the guards go in, a string URL not tried as a Request, one element
  // per tag to find the URL properties' owners (setters and read-back in one loop) (4 B): 16,589 B.
  // +260 B for a returning visitor's page view that fetches nothing but the loader: the open button's label in the 13
  // built-in languages (src/loader/open-button-labels.ts), where a language file was fetched for it (0.85-0.89 ms of
  // CPU and a request on every such view): 16,849 B. +199 B for markup parsed only when a word of it names a tracker
  // host (the matcher's mayNameIn; innerHTML of first-party markup 35-60 -> 5-20 us of overhead per call), with a
  // refresh's `content` now checked in markup and a ping list that holds no tracker left as written: 17,048 B.
  loader: 17_050,
  ui: 7_680,
  // The largest (ja) is 1,362 B since the language files carry no compile hint: they run one function (-27 B);
  // 1,350 B without the open button's label, which the loader carries.
  language: 1_350,
  // Over budget because it marks navigations: parse5's tokenizer and the HTML entity table cost 32.4 kB of its
  // 40.4 kB (the marked form's wider tag table included); judging, consent and reports alone are 7.8 kB. Opt-in, off
  // the page, downloaded once per update. +115 B: the shared matcher reads its patterns through RegExp's captured exec.
  // +155 B: the shared matcher's mayNameIn, which tells encoded URLs itself (the worker builds the page's matcher;
  // it never calls that method).
  serviceWorker: 40_700,
  // 84 B over its budget since the placeholder is drawn beside its iframe (which stays in its parent, hidden) and
  // watches it, so a widget's removeChild(iframe) works and takes the placeholder with it.
  later: 1_625,
};

/**
 * zlib at level 9, the setting of `gzip -9`: a CDN's best effort. zlib's output is a little larger than GNU gzip's at
 * the same level (the loader: 12,777 B here, 12,741 B from `gzip -9 -n`), so this count errs on the strict side.
 */
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
/** The opt-in service worker, when the build writes one. */
export const SERVICE_WORKER = join(DIST, 'consentry-sw.js');
/**
 * The language files the build wrote (one per entry of LANGUAGES in src/core/language.ts): every `consentry-<x>.js`
 * that is not the UI chunk, the later chunk or the service worker. One is downloaded with the UI chunk; the largest counts.
 */
export const languageFiles = (dist = DIST) =>
  existsSync(dist)
    ? readdirSync(dist)
        .filter((name) => /^consentry-(?!ui\.|sw\.|later\.).+\.js$/.test(name))
        .map((name) => join(dist, name))
    : [];

/**
 * Every file a page can download from `dist` with its limit: the loader, the UI chunk, each language file, and the
 * service worker when the build wrote one. dist/node/ (Node side) and the ES build (consentry.mjs and its chunks,
 * input for an app's bundler, whose output is what pages load) are not budgeted. Throws when a required file is
 * missing, because a gate that skips what is not there lets a broken build through.
 */
export function gatedFiles(dist = DIST) {
  const required = [
    { name: 'loader', file: join(dist, 'consentry.js'), limit: CEILING.loader },
    { name: 'UI chunk', file: join(dist, 'consentry-ui.js'), limit: CEILING.ui },
    { name: 'later chunk', file: join(dist, 'consentry-later.js'), limit: CEILING.later },
  ];
  for (const { file } of required) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  const languages = languageFiles(dist);
  if (!languages.length) throw new Error(`no language file in ${dist}: run \`npm run build\` first.`);
  const sw = join(dist, basename(SERVICE_WORKER));
  return [
    ...required,
    ...languages.map((file) => ({ name: `language file ${basename(file)}`, file, limit: CEILING.language })),
    ...(existsSync(sw) ? [{ name: 'service worker', file: sw, limit: CEILING.serviceWorker }] : []),
  ];
}

/**
 * The size-limit checks (.size-limit.js) for `gatedFiles(dist)`. `gzip: true` makes @size-limit/file count zlib
 * level 9, the `gzip` above: the gate and the README's figures are the same number.
 */
export const sizeLimitChecks = (dist = DIST) =>
  gatedFiles(dist).map(({ name, file, limit }) => ({
    name: `${name} (dist/${basename(file)})`,
    path: file,
    gzip: true,
    limit: `${limit} B`,
  }));

/**
 * Reads the built Consentry files. Throws (never returns a partial result) when dist/ is missing,
 * because a gate that skips when nothing was built lets an oversized build through.
 */
export function consentrySizes() {
  gatedFiles(); // throws "run `npm run build`" when a required file is missing
  const loader = measure(readFileSync(CONSENTRY.loader));
  const ui = measure(readFileSync(CONSENTRY.ui));
  const lang = languageFiles()
    .map((f) => measure(readFileSync(f)))
    .reduce((a, b) => (b.gzip > a.gzip ? b : a));
  const total = {
    raw: loader.raw + ui.raw + lang.raw,
    gzip: loader.gzip + ui.gzip + lang.gzip,
    brotli: loader.brotli + ui.brotli + lang.brotli,
  };
  const serviceWorker = existsSync(SERVICE_WORKER) ? measure(readFileSync(SERVICE_WORKER)) : null;
  return { loader, ui, lang, total, serviceWorker };
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
