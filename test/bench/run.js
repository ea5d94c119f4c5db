// `npm run bench`: Consentry beside its peers in one run, so every figure in the README is a ratio
// anyone can reproduce on their own machine. Timings never gate CI; test/size.test.ts gates the bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { bannerRun, heavyRun, launch, median, microRun, toolBytes } from './measure.js';
import { MICRO_OPS } from './pages.js';
import { startServer } from './server.js';
import { BUDGET, consentrySizes, peerSizes, peerVersion, ROOT } from './sizes.js';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const MICRO_PAGES = Math.max(3, Math.ceil(RUNS / 3));
const MICRO_BATCHES = 5;
const OUT = join(ROOT, 'test/bench/results.json');

const NAMES = {
  none: 'no tool',
  consentry: 'Consentry',
  'consentry-returning': 'Consentry, returning',
  cc: 'vanilla-cookieconsent',
  klaro: 'klaro',
  yett: 'yett',
};

const log = (...a) => process.stderr.write(a.join(' ') + '\n');

/**
 * Runs `fn(variant)` `runs` times per variant, round-robin, starting each round one variant later, so that
 * drift in machine load (and any first-or-last bias) spreads evenly over the variants.
 */
async function interleaved(label, variants, runs, fn) {
  const t0 = Date.now();
  const out = Object.fromEntries(variants.map((v) => [v, []]));
  for (const v of variants) await fn(v); // warm-up: the browser's own first-use costs land on nobody
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(r + i) % variants.length];
      out[v].push(await fn(v));
    }
    log(`  ${label}: round ${r + 1}/${runs}`);
  }
  log(`  ${label}: ${Math.round((Date.now() - t0) / 1000)} s`);
  return out;
}

function table(title, head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ');
  console.log(`\n${title}\n${line(cells[0])}\n${width.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of cells.slice(1)) console.log(line(r));
}

const int = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a');
const signed = (n, d = 1) => (n >= 0 ? '+' : '') + n.toFixed(d);

async function main() {
  const started = Date.now();
  const ours = consentrySizes(); // throws "run `npm run build`" when dist/ is missing
  const peers = peerSizes();
  const server = await startServer();
  const browser = await launch();
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    chromium: browser.version(),
    node: process.version,
    date: new Date().toISOString(),
  };
  const versions = {
    consentry: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    'vanilla-cookieconsent': peerVersion('vanilla-cookieconsent'),
    klaro: peerVersion('klaro'),
    yett: peerVersion('yett'),
  };
  log(`bench: ${RUNS} runs per variant on ${machine.cpu} (${machine.cores} cores), Chromium ${machine.chromium}`);

  try {
    log('returning-visitor bytes');
    const visits = {};
    for (const tool of ['consentry', 'cc', 'klaro']) visits[tool] = await toolBytes(browser, server.origin, tool);
    // yett has no banner and stores no choice: every visit is the same.
    visits.yett = await toolBytes(browser, server.origin, 'yett', { accept: false });

    log('DOM-heavy page');
    const heavy = await interleaved('heavy', ['none', 'consentry', 'consentry-returning', 'yett'], RUNS, (t) =>
      heavyRun(browser, server.origin, t),
    );

    log('time to banner and layout shift');
    const banner = await interleaved('banner', ['consentry', 'cc', 'klaro'], RUNS, (t) =>
      bannerRun(browser, server.origin, t),
    );

    log('guard micro-costs');
    const micro = await interleaved('micro', ['none', 'consentry'], MICRO_PAGES, (t) =>
      microRun(browser, server.origin, t, MICRO_OPS, MICRO_BATCHES),
    );

    const results = report({ machine, versions, ours, peers, visits, heavy, banner, micro });
    results.durationSeconds = Math.round((Date.now() - started) / 1000);
    writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
    console.log(
      `\n${machine.cpu}, ${machine.cores} cores, Chromium ${machine.chromium}, Node ${machine.node}, ${machine.date}`,
    );
    console.log(
      `${RUNS} page loads per variant (micro: ${MICRO_PAGES} pages × ${MICRO_BATCHES} batches); ${results.durationSeconds} s; written to test/bench/results.json`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

function report({ machine, versions, ours, peers, visits, heavy, banner, micro }) {
  // 1. Bytes on disk, compressed as a CDN would.
  const sizeRows = [
    ['Consentry loader (dist/consentry.js)', ours.loader],
    ['Consentry UI chunk (dist/consentry-ui.js)', ours.ui],
    ['Consentry largest language file (dist/consentry-<lang>.js)', ours.lang],
    ['Consentry total', ours.total],
    ...Object.entries(peers).map(([name, p]) => [
      `${name} (${p.files.map((f) => f.file.split('/').pop()).join(' + ')})`,
      p.total,
    ]),
  ];
  table(
    'Bytes shipped (gzip = zlib level 9, brotli = quality 11)',
    ['file(s)', 'raw', 'gzip', 'brotli'],
    sizeRows.map(([n, s]) => [n, int(s.raw), int(s.gzip), int(s.brotli)]),
  );
  console.log(
    `budget: loader ${int(ours.loader.gzip)} / ${int(BUDGET.loader)} B gzip, UI + language ${int(ours.ui.gzip + ours.lang.gzip)} / ${int(BUDGET.uiWithLanguage)} B gzip`,
  );

  // 2. What each visit downloads of the tool's own files, as Chromium received them.
  table(
    'Tool bytes per visit, as received (encoded body; server offers br/gzip, never cached)',
    ['tool', 'first visit', 'returning visitor', 'files on return', 'banner again?'],
    Object.entries(visits).map(([t, v]) => [
      NAMES[t],
      int(v.first.bytes),
      int(v.returning.bytes),
      v.returning.files.map((f) => `${f.file.split('/').pop()} (${f.encoding})`).join(' + '),
      v.returning.bannerShown ? 'yes (!)' : 'no',
    ]),
  );

  // 3. Main-thread cost on a DOM-heavy page.
  const stat = (runs, key) => median(runs.map((r) => r[key]));
  const medians = (runs) =>
    Object.fromEntries(['startup', 'workload', 'total', 'wall', 'warm'].map((k) => [k, stat(runs, k)]));
  const base = medians(heavy.none);
  const mainThread = {};
  for (const [tool, runs] of Object.entries(heavy)) {
    const m = medians(runs);
    mainThread[tool] = {
      median: m,
      workloadRatio: m.workload / base.workload,
      workloadExtraMs: m.workload - base.workload,
      totalRatio: m.total / base.total,
      totalExtraMs: m.total - base.total,
      wallRatio: m.wall / base.wall,
      warmRatio: m.warm / base.warm,
      warmExtraMs: m.warm - base.warm,
    };
  }
  table(
    'DOM-heavy page: script CPU time, medians (ms; ratio to the bare page)',
    [
      'variant',
      'page workload',
      'ratio',
      'extra',
      'tool startup',
      'whole page',
      'ratio',
      'extra',
      'workload wall',
      'again, warm',
      'ratio',
      'extra',
    ],
    Object.entries(mainThread).map(([t, x]) => [
      NAMES[t],
      ms(x.median.workload),
      ratio(x.median.workload, base.workload),
      signed(x.workloadExtraMs),
      ms(x.median.startup),
      ms(x.median.total),
      ratio(x.median.total, base.total),
      signed(x.totalExtraMs),
      ms(x.median.wall),
      ms(x.median.warm),
      ratio(x.median.warm, base.warm),
      signed(x.warmExtraMs),
    ]),
  );

  // 4 and 5. Banner timing and layout shift.
  const bannerOut = {};
  for (const [tool, runs] of Object.entries(banner)) {
    const v = runs.map((r) => r.visible);
    const cls = runs.map((r) => r.cls);
    bannerOut[tool] = {
      visibleMs: { median: median(v), min: Math.min(...v), max: Math.max(...v) },
      cls: { median: median(cls), max: Math.max(...cls) },
      shiftSources: [...new Set(runs.flatMap((r) => r.shifts.flatMap((s) => s.sources)))],
    };
  }
  const firstBanner = bannerOut.consentry.visibleMs.median;
  table(
    'Banner: navigation start → first frame with the banner visible (ms), and layout shift',
    ['tool', 'median', 'min', 'max', 'vs Consentry', 'CLS median', 'CLS max'],
    Object.entries(bannerOut).map(([t, b]) => [
      NAMES[t],
      ms(b.visibleMs.median, 0),
      ms(b.visibleMs.min, 0),
      ms(b.visibleMs.max, 0),
      ratio(b.visibleMs.median, firstBanner),
      b.cls.median.toFixed(4),
      b.cls.max.toFixed(4),
    ]),
  );

  // 6. Guard micro-costs.
  const microOut = {};
  for (const op of Object.keys(MICRO_OPS)) {
    const native = median(micro.none.map((p) => p[op].cpu));
    const guarded = median(micro.consentry.map((p) => p[op].cpu));
    microOut[op] = {
      nativeNs: native,
      guardedNs: guarded,
      ratio: guarded / native,
      extraNs: guarded - native,
      callsPerBatch: MICRO_OPS[op],
    };
  }
  table(
    'Guards, per call: CPU ns, medians (native = no tool; guarded = Consentry loaded, no consent)',
    ['call', 'native', 'guarded', 'extra', 'ratio'],
    Object.entries(microOut).map(([op, x]) => [
      op,
      int(x.nativeNs),
      int(x.guardedNs),
      signed(x.extraNs, 0),
      ratio(x.guardedNs, x.nativeNs),
    ]),
  );

  return {
    machine,
    versions,
    runs: {
      pageLoadsPerVariant: RUNS,
      microPagesPerVariant: MICRO_PAGES,
      microBatchesPerPage: MICRO_BATCHES,
      microCallsPerBatch: MICRO_OPS,
    },
    bytes: { budget: BUDGET, consentry: ours, peers },
    visits,
    mainThread,
    banner: bannerOut,
    micro: microOut,
    samples: {
      heavy,
      banner: Object.fromEntries(
        Object.entries(banner).map(([t, runs]) => [t, runs.map((r) => ({ visible: r.visible, cls: r.cls }))]),
      ),
      micro,
    },
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
