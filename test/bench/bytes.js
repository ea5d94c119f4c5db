// `npm run bench:bytes` (also a section of `npm run bench`): where the loader's bytes go. Builds the loader once
// more, with a source map, into a temporary directory (dist/ is left alone), gives every byte of the minified file
// to the source file it came from, and reports each part's raw bytes and its gzip cost. A second or so, no browser.
//
// The gzip cost of a part is its marginal cost: gzip of the whole file minus gzip of the file without that part's
// bytes, which is what deleting the part would save. Parts compress against each other, so the marginal costs add
// up to less than the whole; the difference is printed as "shared".
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { int, table } from './report.js';
import { BUDGET, CONSENTRY, gzip, ROOT } from './sizes.js';

/** The groups of the report, first match wins; `file` is relative to the repository. */
const GROUPS = [
  ['catalogue', (file) => file == 'src/catalogue/catalogue.ts'],
  ['matcher', (file) => file.startsWith('src/catalogue/')],
  ['guards', (file) => file.startsWith('src/block/')],
  ['core', (file) => file.startsWith('src/core/') || file.startsWith('src/loader/')],
  ['signals', (file) => file.startsWith('src/signals/')],
  ['dependencies', (file) => file.startsWith('node_modules/')],
];
/** Bytes no source maps to: the bundle's wrapper, V8's compile hint, line breaks between statements. */
const UNMAPPED = '(unmapped)';

export const groupOf = (file) =>
  file == UNMAPPED ? UNMAPPED : (GROUPS.find(([, test]) => test(file))?.[0] ?? `other: ${file}`);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * A source map v3 `mappings` string decoded to one list per generated line of [column, source index] pairs (-1 for a
 * segment that maps to no source). Only the generated column and the source matter here: which file a byte is from.
 */
export function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        if (digit < 0) throw new Error(`bad base64 VLQ digit "${char}" in source map`);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
        } else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = shift = 0;
        }
      }
      column += fields[0];
      if (fields.length >= 4) source += fields[1];
      segments.push([column, fields.length >= 4 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * Splits `code` into runs of characters, each with the source file it came from. A character belongs to the last
 * segment at or before it; a line that starts with no segment continues the previous line's source, because the
 * minifier keeps template literals (the catalogue is one) with their line breaks, so one mapped string spans lines.
 * The line break itself belongs to the source of the text it ends.
 */
export function attribute(code, map, mapDir) {
  const files = map.sources.map((s) => relative(ROOT, resolve(mapDir, map.sourceRoot ?? '', s)));
  const lines = decodeMappings(map.mappings);
  const runs = [];
  let current = UNMAPPED;
  const push = (text, file) => {
    if (!text) return;
    const last = runs[runs.length - 1];
    if (last && last.file == file) last.text += text;
    else runs.push({ file, text });
  };
  code.split('\n').forEach((line, i, all) => {
    let at = 0;
    for (const [column, source] of lines[i] ?? []) {
      push(line.slice(at, column), current);
      current = source < 0 ? UNMAPPED : files[source];
      at = column;
    }
    push(line.slice(at) + (i < all.length - 1 ? '\n' : ''), current);
  });
  return runs;
}

const byteLength = (text) => Buffer.byteLength(text, 'utf8');
const gzipLength = (text) => gzip(Buffer.from(text, 'utf8')).length;

/** Raw bytes and marginal gzip of every part (`key(file)` names the part a run belongs to). */
function parts(runs, key, whole) {
  const names = [...new Set(runs.map((r) => key(r.file)))];
  return names.map((name) => {
    let raw = 0;
    let rest = '';
    for (const r of runs) {
      if (key(r.file) == name) raw += byteLength(r.text);
      else rest += r.text;
    }
    return { name, raw, gzip: whole.gzip - gzipLength(rest) };
  });
}

/** Builds the loader with a source map in a temporary directory; returns its code and map. */
async function buildWithMap() {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'consentry-bytes-'));
  try {
    await build({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'loader',
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: true },
    });
    const file = join(outDir, 'consentry.js');
    const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
    return { code, map: JSON.parse(readFileSync(`${file}.map`, 'utf8')), mapDir: outDir };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The loader's bytes by group and by file, from a fresh build of src/. */
export async function loaderBytes() {
  const { code, map, mapDir } = await buildWithMap();
  const runs = attribute(code, map, mapDir);
  if (runs.map((r) => r.text).join('') !== code) throw new Error('bytes.js lost or doubled a byte of the loader');
  const whole = { raw: byteLength(code), gzip: gzipLength(code) };
  const groups = parts(runs, groupOf, whole);
  const files = parts(runs, (file) => file, whole);
  let dist = 'missing';
  try {
    dist = readFileSync(CONSENTRY.loader, 'utf8') === code ? 'same' : 'differs';
  } catch {}
  return {
    whole,
    floors: floors(runs),
    // dist/consentry.js compared with this build: "differs" means dist/ is older than src/ (run `npm run build`).
    dist,
    groups: groups
      .sort((a, b) => b.raw - a.raw)
      .map((g) => ({
        ...g,
        files: files.filter((f) => groupOf(f.name) == g.name).sort((a, b) => b.raw - a.raw),
      })),
  };
}

/**
 * Loader files that need not run before the page's next script, each with why, taken as generously as possible: a
 * split could move them to a later file (at the price of an extra request, or a decision that becomes asynchronous).
 * What they leave behind is the most a split could achieve.
 */
export const COULD_RUN_LATER = {
  'src/loader/open-button.ts': 'drawn after the page has loaded',
  'src/loader/open-button-labels.ts': "the open button's label, drawn after the page has loaded",
  'src/loader/service-worker.ts': 'registers the opt-in shield, after the page has loaded',
  'src/loader/ui.ts': 'fetches the UI chunk, which cannot draw before the body exists',
  'src/core/language.ts': 'picks the banner language, needed only by the UI',
  'src/core/sync.ts': 'follows other tabs, needed only once one decides',
  'src/core/own-cookies.ts': 'writes the record, needed only when the visitor decides',
  'src/core/session.ts': 'the login-cookie API, asked for by site code later',
  'src/core/events.ts': 'announces changes, which happen only on a decision',
  'src/core/ui-contract.ts': 'shared with the UI chunk',
  'src/core/shield-contract.ts': 'shared with the service worker',
  'src/core/later-contract.ts': 'shared with the later chunk',
};

/**
 * The least the loader could weigh, each floor the gzip of only the bytes it keeps (so compressed on their own):
 * - the guards with the catalogue and matcher they judge by, which must be in place before the page's next script
 *   for every channel to stay closed;
 * - the whole loader less every file of COULD_RUN_LATER.
 * A budget below the first cannot be met by any split that keeps every channel.
 */
export function floors(runs, later = COULD_RUN_LATER) {
  const files = new Set(runs.map((r) => r.file));
  const gone = Object.keys(later).filter((file) => !files.has(file));
  // a file renamed or moved would otherwise stay in the floor unnoticed
  if (gone.length) throw new Error(`COULD_RUN_LATER names files the loader no longer has: ${gone.join(', ')}`);
  const kept = (keep) =>
    gzipLength(
      runs
        .filter((r) => keep(r.file))
        .map((r) => r.text)
        .join(''),
    );
  return [
    {
      name: 'guards + catalogue + matcher, alone',
      gzip: kept((file) => file.startsWith('src/block/') || file.startsWith('src/catalogue/')),
    },
    { name: 'the loader without the files that could run later', gzip: kept((file) => !(file in later)) },
  ];
}

const percent = (n, of) => `${((100 * n) / of).toFixed(1)} %`;

/** The report as table rows: each group, then its files indented under it. */
export function loaderBytesRows({ whole, groups }) {
  const rows = [];
  for (const g of groups) {
    rows.push([g.name, int(g.raw), percent(g.raw, whole.raw), int(g.gzip), percent(g.gzip, whole.gzip)]);
    if (g.files.length > 1 || g.files[0].name != g.name) {
      for (const f of g.files) rows.push([`  ${f.name}`, int(f.raw), '', int(f.gzip), '']);
    }
  }
  const marginal = groups.reduce((n, g) => n + g.gzip, 0);
  rows.push(['shared (gzip of the whole minus the groups’ marginal costs)', '', '', int(whole.gzip - marginal), '']);
  rows.push(['the loader, built with a source map', int(whole.raw), '100 %', int(whole.gzip), '100 %']);
  return rows;
}

/** The floors as table rows, against the loader's budget (gzip bytes). */
export const floorRows = ({ floors: list }, budget) =>
  list.map((f) => [f.name, int(f.gzip), f.gzip <= budget ? 'yes' : 'NO']);

export const FLOORS_HEAD = ['floor (gzip of only these bytes)', 'gzip', 'fits the budget?'];
export const floorsTitle = (budget) =>
  `The least a split could leave in the loader, against its budget of ${int(budget)} B (zlib level 9)`;

export const LOADER_BYTES_HEAD = ['part', 'raw', 'share', 'gzip (marginal)', 'share'];
export const LOADER_BYTES_TITLE =
  'Loader bytes by part, from a source-mapped build (gzip = what removing the part saves, zlib level 9)';

if (process.argv[1] && resolve(process.argv[1]) == fileURLToPath(import.meta.url)) {
  const result = await loaderBytes();
  table(LOADER_BYTES_TITLE, LOADER_BYTES_HEAD, loaderBytesRows(result));
  table(floorsTitle(BUDGET.loader), FLOORS_HEAD, floorRows(result, BUDGET.loader));
  if (result.dist != 'same') console.log(`\nnote: dist/consentry.js ${result.dist} from this build of src/.`);
}
