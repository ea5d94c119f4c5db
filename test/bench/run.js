// `npm run bench`: Consentry beside its peers in one run, so every figure in the README is a ratio anyone can
// reproduce on their own machine. Timings never gate CI; `npm run size` gates the bytes.
//
// Each measurement is a Section (sections.js says what one is), run in the order of SECTIONS below; its data lands
// in results.json under `sections.<id>` and its budgets in the closing table. `BENCH_RUNS=5` is a quick run (page
// loads per variant; 15 by default); `BENCH_ONLY=heavy,fcp` runs only those sections and writes no results.json.

import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { mark } from './mark.js';
import { launch } from './measure.js';
import { log, table } from './report.js';
import { BUILT_IN } from './sections.js';
import { startServer } from './server.js';
import { shield } from './shield.js';
import { peerVersion, ROOT } from './sizes.js';

const { bytes, loaderBytes, visits, heavy, startup, banner, fcp, micro } = BUILT_IN;

/** Every section, in the order it runs and prints. A new measurement is a module exporting a Section, and a line here. */
const SECTIONS = [bytes, loaderBytes, visits, heavy, startup, banner, fcp, micro, mark, shield];

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS) || 15);
const ONLY = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const OUT = join(ROOT, 'test/bench/results.json');

/**
 * Runs `fn(variant)` `runs` times per variant, round-robin, starting each round one variant later, so that
 * drift in machine load (and any first-or-last bias) spreads evenly over the variants. Sample i of every variant
 * comes from round i, so per-round differences pair loads made back to back.
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

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

async function main() {
  const started = Date.now();
  const sections = ONLY ? SECTIONS.filter((s) => ONLY.includes(s.id)) : SECTIONS;
  if (ONLY && sections.length != ONLY.length) {
    throw new Error(`BENCH_ONLY names a section that does not exist; sections: ${SECTIONS.map((s) => s.id)}`);
  }
  const needsBrowser = sections.some((s) => s.browser);
  const server = needsBrowser ? await startServer() : null;
  const browser = needsBrowser ? await launch() : null;
  const machine = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    chromium: browser?.version() ?? 'not launched',
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: load(),
  };
  const versions = {
    consentry: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    'vanilla-cookieconsent': peerVersion('vanilla-cookieconsent'),
    klaro: peerVersion('klaro'),
    yett: peerVersion('yett'),
  };
  const machineLine = () =>
    `${machine.cpu}, ${machine.cores} cores, Chromium ${machine.chromium}, Node ${machine.node}, ${machine.date}`;
  log(`bench: ${RUNS} runs per variant on ${machineLine()}; load average ${machine.loadAverageAtStart} (1/5/15 min)`);

  const ctx = { browser, origin: server?.origin, runs: RUNS, interleaved };
  const results = { machine, versions, runs: { pageLoadsPerVariant: RUNS }, sections: {}, budgets: [] };
  try {
    for (const section of sections) {
      log(section.title);
      const t0 = Date.now();
      const data = await section.run(ctx);
      results.sections[section.id] = { seconds: Math.round((Date.now() - t0) / 1000), ...data };
      section.print(data);
      results.budgets.push(...(section.budgets?.(data) ?? []));
    }
  } finally {
    await browser?.close();
    await server?.close();
  }

  if (results.budgets.length) {
    table(
      'Budgets (docs/architecture.md), this run',
      ['measure', 'Consentry', 'budget', 'within?', 'peers, same run'],
      results.budgets.map((b) => [
        b.measure,
        b.figure,
        b.budget,
        b.met == null ? '' : b.met ? 'yes' : 'NO',
        b.peers ?? '',
      ]),
    );
  }
  machine.loadAverageAtEnd = load();
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  console.log(`\n${machineLine()}`);
  console.log(
    `load average ${machine.loadAverageAtStart} at the start, ${machine.loadAverageAtEnd} at the end (1/5/15 min); ` +
      `${RUNS} page loads per variant; ${results.durationSeconds} s`,
  );
  if (ONLY) {
    console.log(`BENCH_ONLY=${ONLY}: test/bench/results.json not written.`);
  } else {
    writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
    console.log('written to test/bench/results.json');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
