// The measurements of `npm run bench`, one Section each; run.js runs them in the order of its SECTIONS list.
//
// A Section is { id, title, browser?, run(ctx), print(data), budgets?(data) }:
// - `id` names it in results.json (`sections.<id>`) and in BENCH_ONLY;
// - `browser: true` when it needs ctx.browser and ctx.origin;
// - `run(ctx)` measures and returns what results.json keeps (plain JSON);
// - `print(data)` prints its tables;
// - `budgets(data)` returns its rows of the closing budget table: { measure, figure, budget, met, peers? }, `met`
//   true, false, or null when the row has no budget of its own.
// ctx is { browser, origin, runs, interleaved }: `origin` is the bench's no-cache server (every load downloads
// the tools), `runs` the page loads per variant (BENCH_RUNS), `interleaved(label, variants, runs, fn)` the
// round-robin runner every timing goes through.
import {
  FLOORS_HEAD,
  floorRows,
  floorsTitle,
  LOADER_BYTES_HEAD,
  LOADER_BYTES_TITLE,
  loaderBytes,
  loaderBytesRows,
} from './bytes.js';
import { bannerRun, fcpRun, heavyRun, microRun, SLOW_PHONE, startupRun, toolBytes } from './measure.js';
import { MICRO_OPS } from './pages.js';
import { int, iqr, median, ms, range, ratio, signed, spread, table } from './report.js';
import { startServer } from './server.js';
import { BUDGET, consentrySizes, peerSizes } from './sizes.js';

export const NAMES = {
  none: 'no tool',
  consentry: 'Consentry',
  'consentry-rejected': 'Consentry, returning, rejected all',
  'consentry-accepted': 'Consentry, returning, accepted all',
  'consentry-preload': 'Consentry behind its middleware (preloadBanner)',
  cc: 'vanilla-cookieconsent',
  klaro: 'klaro',
  yett: 'yett',
};

const within = (figure, limit) => Number.isFinite(figure) && figure <= limit;

/** 1. Bytes on disk, compressed as a CDN would. */
const bytes = {
  id: 'bytes',
  title: 'Bytes shipped',
  run: async () => ({ budget: BUDGET, consentry: consentrySizes(), peers: peerSizes() }),
  print({ consentry: ours, peers }) {
    const rows = [
      ['Consentry loader (dist/consentry.js)', ours.loader],
      ['Consentry UI chunk (dist/consentry-ui.js)', ours.ui],
      ['Consentry largest language file (dist/consentry-<lang>.js)', ours.lang],
      ['Consentry total', ours.total],
      ...(ours.serviceWorker ? [['Consentry service worker (dist/consentry-sw.js, opt-in)', ours.serviceWorker]] : []),
      ...Object.entries(peers).map(([name, p]) => [
        `${name} (${p.files.map((f) => f.file.split('/').pop()).join(' + ')})`,
        p.total,
      ]),
    ];
    table(
      'Bytes shipped (gzip = zlib level 9, brotli = quality 11)',
      ['file(s)', 'raw', 'gzip', 'brotli'],
      rows.map(([n, s]) => [n, int(s.raw), int(s.gzip), int(s.brotli)]),
    );
  },
  budgets: ({ consentry: ours }) => [
    {
      measure: 'loader, gzip -9 (render-blocking, every page view)',
      figure: `${int(ours.loader.gzip)} B`,
      budget: `≤ ${int(BUDGET.loader)} B (stretch 8,192)`,
      met: within(ours.loader.gzip, BUDGET.loader),
    },
    {
      measure: 'UI chunk + largest language file, gzip -9',
      figure: `${int(ours.ui.gzip)} + ${int(ours.lang.gzip)} B`,
      budget: `≤ ${int(BUDGET.uiWithLanguage)} B (${int(BUDGET.ui)} + ${int(BUDGET.language)})`,
      met: within(ours.ui.gzip, BUDGET.ui) && within(ours.lang.gzip, BUDGET.language),
    },
  ],
};

/** 2. Where the loader's bytes go, by part, from a source map (also `npm run bench:bytes`). */
const loaderBytesSection = {
  id: 'loaderBytes',
  title: 'Loader bytes by part',
  run: () => loaderBytes(),
  print(data) {
    table(LOADER_BYTES_TITLE, LOADER_BYTES_HEAD, loaderBytesRows(data));
    table(floorsTitle(BUDGET.loader), FLOORS_HEAD, floorRows(data, BUDGET.loader));
    if (data.dist != 'same') console.log(`note: dist/consentry.js ${data.dist} from this build of src/.`);
  },
};

/** 3. What each visit downloads of the tool's own files, as Chromium received them. */
const visits = {
  id: 'visits',
  title: 'Tool bytes per visit',
  browser: true,
  async run({ browser, origin }) {
    const out = {};
    for (const tool of ['consentry', 'cc', 'klaro']) out[tool] = await toolBytes(browser, origin, tool);
    // yett has no banner and stores no choice: every visit is the same.
    out.yett = await toolBytes(browser, origin, 'yett', { accept: false });
    return out;
  },
  print(data) {
    table(
      'Tool bytes per visit, as received (encoded body; server offers br/gzip, never cached)',
      ['tool', 'first visit', 'returning visitor', 'files on return', 'banner again?'],
      Object.entries(data).map(([t, v]) => [
        NAMES[t],
        int(v.first.bytes),
        int(v.returning.bytes),
        v.returning.files.map((f) => `${f.file.split('/').pop()} (${f.encoding})`).join(' + '),
        v.returning.bannerShown ? 'yes (!)' : 'no',
      ]),
    );
  },
};

/** 4. Main-thread cost on a DOM-heavy page, first visit and returning visitors of both kinds. */
const HEAVY_VARIANTS = ['none', 'consentry', 'consentry-rejected', 'consentry-accepted', 'yett'];
const heavy = {
  id: 'heavy',
  title: 'DOM-heavy page',
  browser: true,
  async run({ browser, origin, runs, interleaved }) {
    const samples = await interleaved('heavy', HEAVY_VARIANTS, runs, (v) => heavyRun(browser, origin, v));
    // Which natives each variant replaced (the same on every load): kept once, not per sample.
    const patchedNames = {};
    for (const [v, list] of Object.entries(samples)) {
      patchedNames[v] = list[0].patchedNames;
      for (const r of list) delete r.patchedNames;
    }
    const keys = ['startup', 'workload', 'total', 'wall', 'warm', 'patched'];
    const stats = Object.fromEntries(
      Object.entries(samples).map(([v, list]) => [
        v,
        Object.fromEntries(keys.map((k) => [k, spread(list.map((r) => r[k]))])),
      ]),
    );
    const base = stats.none;
    const variants = Object.fromEntries(
      Object.entries(stats).map(([v, s]) => [
        v,
        {
          ...s,
          workloadRatio: s.workload.median / base.workload.median,
          totalRatio: s.total.median / base.total.median,
          warmRatio: s.warm.median / base.warm.median,
          patchedNames: patchedNames[v],
        },
      ]),
    );
    return { variants, samples };
  },
  print({ variants }) {
    const base = variants.none;
    table(
      'DOM-heavy page: script CPU time, medians (ms; ratio to the bare page; p25–p75 of the first pass)',
      [
        'variant',
        'first pass',
        'p25–p75',
        'ratio',
        'extra',
        'script before',
        'whole page',
        'ratio',
        'again, warm',
        'ratio',
        'extra',
        'patched natives',
      ],
      Object.entries(variants).map(([v, x]) => [
        NAMES[v],
        ms(x.workload.median),
        iqr(x.workload),
        ratio(x.workload.median, base.workload.median),
        signed(x.workload.median - base.workload.median),
        ms(x.startup.median),
        ms(x.total.median),
        ratio(x.total.median, base.total.median),
        ms(x.warm.median),
        ratio(x.warm.median, base.warm.median),
        signed(x.warm.median - base.warm.median),
        `${x.patched.min}–${x.patched.max}`,
      ]),
    );
    console.log(
      '"first pass" is the page\'s own script on a fresh page; "script before" all script CPU until the page settled' +
        ' (the tool and, on a first visit, its banner); "patched natives" the platform functions the tool replaced.',
    );
  },
  budgets({ variants }) {
    const ours = variants.consentry.workloadRatio;
    const yett = variants.yett.workloadRatio;
    const accepted = variants['consentry-accepted'];
    const noise = (variants.none.workload.q3 - variants.none.workload.q1) / variants.none.workload.median;
    return [
      {
        measure: 'DOM-heavy page, script CPU, first pass, ratio to no tool',
        figure: ratio(ours, 1),
        budget: `≤ 1.15× and ≤ yett's (${ratio(yett, 1)})`,
        met: within(ours, 1.15) && within(ours, yett),
        peers: `yett ${ratio(yett, 1)}`,
      },
      {
        measure: 'the same, returning visitor who accepted all',
        figure: `${ratio(accepted.workloadRatio, 1)}, ${accepted.patched.max} natives patched`,
        budget: `1.00× within the bare page's spread (±${(100 * noise).toFixed(1)} %), none patched`,
        met: within(accepted.workloadRatio, 1 + noise) && accepted.patched.max == 0,
        peers: `rejected all ${ratio(variants['consentry-rejected'].workloadRatio, 1)}`,
      },
    ];
  },
};

/** 5. The tool's own start-up CPU, from a trace per load (see startupRun). */
const STARTUP_VARIANTS = ['consentry-rejected', 'consentry-accepted', 'consentry', 'yett'];
const startup = {
  id: 'startup',
  title: 'Tool start-up',
  browser: true,
  async run({ browser, origin, runs, interleaved }) {
    const samples = await interleaved('startup', STARTUP_VARIANTS, runs, (v) => startupRun(browser, origin, v));
    const variants = {};
    for (const [v, list] of Object.entries(samples)) {
      const files = [...new Set(list.flatMap((r) => Object.keys(r)))];
      variants[v] = Object.fromEntries(
        files.map((f) => [
          f,
          {
            main: spread(list.map((r) => r[f]?.main ?? 0)),
            background: spread(list.map((r) => r[f]?.background ?? 0)),
          },
        ]),
      );
    }
    return { variants, samples };
  },
  print({ variants }) {
    const rows = [];
    for (const [v, files] of Object.entries(variants)) {
      for (const [file, x] of Object.entries(files)) {
        rows.push([NAMES[v], file, ms(x.main.median, 2), iqr(x.main, 2), range(x.main, 2), ms(x.background.median, 2)]);
      }
    }
    table(
      "Tool start-up: main-thread CPU in the tool's own files, from a Chromium trace (ms; medians)",
      ['variant', 'file', 'main thread', 'p25–p75', 'min–max', 'off-thread compile'],
      rows,
    );
    console.log(
      'main thread = EvaluateScript (compile + top-level run) + later tasks entering the file, until settled; ' +
        'off-thread = V8 script streaming (parse + compile), which the parser waits for.',
    );
  },
  budgets({ variants }) {
    const loader = (v) => variants[v]['consentry.js'].main.median;
    return ['consentry-rejected', 'consentry-accepted'].map((v) => ({
      measure: `loader start-up CPU, ${NAMES[v].replace('Consentry, ', '')}`,
      figure: `${ms(loader(v), 2)} ms`,
      budget: '≤ 4 ms',
      met: within(loader(v), 4),
      peers: `yett ${ms(variants.yett['yett.min.js'].main.median, 2)} ms`,
    }));
  },
};

/** 6. Time to a visible banner, and layout shift. */
const banner = {
  id: 'banner',
  title: 'Banner',
  browser: true,
  async run({ browser, origin, runs, interleaved }) {
    const samples = await interleaved('banner', ['consentry', 'consentry-preload', 'cc', 'klaro'], runs, (t) =>
      bannerRun(browser, origin, t),
    );
    const tools = {};
    for (const [tool, list] of Object.entries(samples)) {
      tools[tool] = {
        visibleMs: spread(list.map((r) => r.visible)),
        cls: spread(list.map((r) => r.cls)),
        shiftSources: [...new Set(list.flatMap((r) => r.shifts.flatMap((s) => s.sources)))],
      };
    }
    return {
      tools,
      samples: Object.fromEntries(
        Object.entries(samples).map(([t, list]) => [t, list.map((r) => ({ visible: r.visible, cls: r.cls }))]),
      ),
    };
  },
  print({ tools }) {
    const ours = tools.consentry.visibleMs.median;
    table(
      'Banner: navigation start → first frame with the banner visible (ms), and layout shift',
      ['tool', 'median', 'p25–p75', 'min–max', 'Consentry ÷ tool', 'CLS median', 'CLS max'],
      Object.entries(tools).map(([t, b]) => [
        NAMES[t],
        ms(b.visibleMs.median, 0),
        iqr(b.visibleMs, 0),
        range(b.visibleMs, 0),
        ratio(ours, b.visibleMs.median),
        b.cls.median.toFixed(4),
        b.cls.max.toFixed(4),
      ]),
    );
  },
  budgets({ tools }) {
    const r = tools.consentry.visibleMs.median / tools.cc.visibleMs.median;
    return [
      {
        measure: 'time to a visible banner, ratio to vanilla-cookieconsent',
        figure: Number.isFinite(r) ? `${r.toFixed(3)}×` : 'n/a', // three places: 0.604 is not within 0.6
        budget: '≤ 0.6×',
        met: within(r, 0.6),
        peers: `klaro ${ratio(tools.klaro.visibleMs.median, tools.cc.visibleMs.median)}`,
      },
      {
        measure: 'the same, the page behind consentry/middleware with preloadBanner',
        figure: `${(tools['consentry-preload'].visibleMs.median / tools.cc.visibleMs.median).toFixed(3)}×`,
        budget: '≤ 0.6×',
        met: within(tools['consentry-preload'].visibleMs.median / tools.cc.visibleMs.median, 0.6),
      },
      {
        measure: 'layout shift from the banner',
        figure: tools.consentry.cls.max.toFixed(4),
        budget: '0',
        met: tools.consentry.cls.max == 0,
      },
    ];
  },
};

/** 7. A new visitor's first contentful paint on a slow phone, served as a real site serves. */
const FCP_TOOLS = ['none', 'consentry', 'consentry-preload', 'cc', 'klaro', 'yett'];
const fcp = {
  id: 'fcp',
  title: 'First contentful paint, first visit, Slow 4G + 4× CPU',
  browser: true,
  async run({ browser, runs, interleaved }) {
    const site = await startServer({ caching: true });
    let samples;
    try {
      samples = await interleaved('fcp', FCP_TOOLS, runs, (t) => fcpRun(browser, site.origin, t));
    } finally {
      await site.close();
    }
    // Throttling that did not apply would make every figure here meaningless: the ~100 kB hero image alone needs
    // half a second at 1.6 Mbps, and the page's HTML a round trip.
    const bare = median(samples.none.map((r) => r.html));
    if (!(bare >= SLOW_PHONE.network.latency)) {
      throw new Error(`the bare page's HTML arrived after ${ms(bare)} ms: network throttling did not apply`);
    }
    // Paired by round: each round loads every tool back to back, so its differences share the machine's load.
    const delta = (tool, key) => samples[tool].map((r, i) => r[key] - samples.none[i][key]);
    const tools = {};
    for (const tool of FCP_TOOLS) {
      tools[tool] = {
        fcp: spread(samples[tool].map((r) => r.fcp)),
        delta: spread(delta(tool, 'fcp')),
        lastBlocking: spread(samples[tool].map((r) => r.lastBlocking)),
        lastBlockingDelta: spread(delta(tool, 'lastBlocking')),
        blockingFiles: [...new Set(samples[tool].flatMap((r) => r.blocking.map((b) => b.url)))],
        banner: samples[tool][0].banner == null ? null : spread(samples[tool].map((r) => r.banner)),
      };
    }
    return { conditions: SLOW_PHONE, tools, samples };
  },
  print({ tools }) {
    const cc = tools.cc.delta.median;
    table(
      'First-visit FCP, Slow 4G (150 ms RTT, 1.6 Mbps down, 750 kbps up) + 4× CPU, HTTP/1.1 with br/gzip (ms)',
      [
        'tool',
        'FCP median',
        'p25–p75',
        'delta to no tool',
        'p25–p75',
        'min–max',
        '÷ cc delta',
        'last render-blocking byte',
        'delta',
        'banner visible',
        '÷ cc',
      ],
      Object.entries(tools).map(([t, x]) => [
        NAMES[t],
        ms(x.fcp.median, 0),
        iqr(x.fcp, 0),
        t == 'none' ? '' : signed(x.delta.median, 0),
        t == 'none' ? '' : iqr(x.delta, 0),
        t == 'none' ? '' : range(x.delta, 0),
        t == 'none' || t == 'cc' ? '' : cc > 0 ? ratio(x.delta.median, cc) : 'n/a',
        ms(x.lastBlocking.median, 0),
        t == 'none' ? '' : signed(x.lastBlockingDelta.median, 0),
        x.banner ? `${ms(x.banner.median, 0)} (${iqr(x.banner, 0)})` : '',
        x.banner && t != 'cc' ? ratio(x.banner.median, tools.cc.banner.median) : '',
      ]),
    );
    console.log(
      'delta = median of the per-round differences to the bare page (each round loads every tool back to back);\n' +
        'banner visible = first frame with the banner shown, ms from navigation start (median, p25–p75).',
    );
  },
  budgets({ tools }) {
    const ours = tools.consentry.delta.median;
    const preloaded = tools['consentry-preload'].delta.median;
    const cc = tools.cc.delta.median;
    return [
      {
        measure: 'first-visit FCP cost, Slow 4G + 4× CPU, median delta to no tool',
        figure: `${signed(ours, 0)} ms`,
        budget: `≤ +100 ms and ≤ 1.5× vanilla-cookieconsent's (${signed(1.5 * cc, 0)})`,
        met: within(ours, 100) && within(ours, 1.5 * cc),
        peers: ['cc', 'klaro', 'yett'].map((t) => `${NAMES[t]} ${signed(tools[t].delta.median, 0)}`).join(', '),
      },
      {
        measure: 'the same, the page behind consentry/middleware with preloadBanner',
        figure: `${signed(preloaded, 0)} ms`,
        budget: `≤ +100 ms and ≤ 1.5× vanilla-cookieconsent's (${signed(1.5 * cc, 0)})`,
        met: within(preloaded, 100) && within(preloaded, 1.5 * cc),
        peers: `banner ${ms(tools['consentry-preload'].banner.median, 0)} ms vs ${ms(tools.consentry.banner.median, 0)} ms without`,
      },
    ];
  },
};

/** 8. Guard micro-costs, per call. */
const MICRO_BATCHES = 5;
const micro = {
  id: 'micro',
  title: 'Guards, per call',
  browser: true,
  async run({ browser, origin, runs, interleaved }) {
    const pages = Math.max(3, Math.ceil(runs / 3));
    const samples = await interleaved('micro', ['none', 'consentry'], pages, (t) =>
      microRun(browser, origin, t, MICRO_OPS, MICRO_BATCHES),
    );
    const ops = {};
    for (const op of Object.keys(MICRO_OPS)) {
      const native = median(samples.none.map((p) => p[op].cpu));
      const guarded = median(samples.consentry.map((p) => p[op].cpu));
      ops[op] = { nativeNs: native, guardedNs: guarded, ratio: guarded / native, callsPerBatch: MICRO_OPS[op] };
    }
    return { pagesPerVariant: pages, batchesPerPage: MICRO_BATCHES, ops, samples };
  },
  print({ ops }) {
    table(
      'Guards, per call: CPU ns, medians (native = no tool; guarded = Consentry loaded, no consent)',
      ['call', 'native', 'guarded', 'extra', 'ratio'],
      Object.entries(ops).map(([op, x]) => [
        op,
        int(x.nativeNs),
        int(x.guardedNs),
        signed(x.guardedNs - x.nativeNs, 0),
        ratio(x.guardedNs, x.nativeNs),
      ]),
    );
  },
};

export const BUILT_IN = { bytes, loaderBytes: loaderBytesSection, visits, heavy, startup, banner, fcp, micro };
