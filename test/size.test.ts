// The byte gate is `npm run size` (size-limit and its file plugin, configured by .size-limit.js), which `npm test`
// runs right after the build: any file over its budget fails the test command. These tests hold the gate itself to
// account: it covers every file a page can download, its limits are the budgets of docs/architecture.md, it counts
// bytes as the bench and the README do, and it fails a file over its limit.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LANGUAGES } from '../src/core/language';
import { BUDGET, CEILING, DIST, gatedFiles, measure, ROOT, sizeLimitChecks } from './bench/sizes.js';

interface Check {
  name: string;
  passed: boolean;
  size: number;
  sizeLimit: number;
}

/** size-limit's own CLI, as `npm run size` runs it (the project's .size-limit.js unless `config` names another). */
function sizeLimit(config?: string) {
  const bin = join(ROOT, 'node_modules/size-limit/bin.js');
  const run = spawnSync(process.execPath, [bin, '--json', ...(config ? ['--config', config] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout);
  return { status: run.status, checks: report as Check[], error: report.error as string | undefined };
}

/** The ES build's files: consentry.mjs and every chunk it imports, followed through the chunks' own imports. */
function esmFiles(dist: string) {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const [, dep] of readFileSync(join(dist, name), 'utf8').matchAll(
      /(?:from|import\()\s*["']\.\/([^"']+)["']/g,
    )) {
      visit(dep);
    }
  };
  visit('consentry.mjs');
  return seen;
}

describe('the size gate (npm run size)', { timeout: 60_000 }, () => {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });

  /** A dist/ of the given files, each `bytes` of random data (which gzip cannot shrink), and a size-limit config for it. */
  function fakeDist(files: Record<string, number>) {
    const dir = mkdtempSync(join(tmpdir(), 'consentry-size-'));
    dirs.push(dir);
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dist, name), randomBytes(bytes));
    const config = join(dir, 'size-limit.mjs');
    const sizes = pathToFileURL(join(ROOT, 'test/bench/sizes.js')).href;
    writeFileSync(
      config,
      `import { sizeLimitChecks } from '${sizes}';\nexport default sizeLimitChecks(${JSON.stringify(dist)});\n`,
    );
    return { dist, config };
  }

  it('gates each file at its ceiling, which is its budget unless the build is over it', () => {
    const limits = Object.fromEntries(gatedFiles().map((g) => [basename(g.file), g.limit]));
    expect(limits).toMatchObject({
      'consentry.js': CEILING.loader,
      'consentry-ui.js': CEILING.ui,
      'consentry-later.js': CEILING.later,
    });
    for (const lang of LANGUAGES) expect(limits[`consentry-${lang}.js`], lang).toBe(CEILING.language);
    for (const key of ['loader', 'ui', 'language', 'serviceWorker', 'later'] as const) {
      expect(CEILING[key], key).toBeGreaterThanOrEqual(BUDGET[key]);
    }
  });

  it('holds a ceiling above a budget within 64 B of the largest file it gates (a ratchet, not headroom)', () => {
    const largest = (limit: number) =>
      Math.max(
        ...gatedFiles()
          .filter((g) => g.limit == limit)
          .map((g) => measure(readFileSync(g.file)).gzip),
      );
    for (const key of ['loader', 'ui', 'language', 'later'] as const) {
      if (CEILING[key] > BUDGET[key]) expect(CEILING[key] - largest(CEILING[key]), key).toBeLessThanOrEqual(64);
    }
  });

  it('budgets the loader at 10,240 B, the UI chunk at 6,400 B and each language file at 1,280 B of gzip', () => {
    expect(BUDGET).toMatchObject({ loader: 10_240, ui: 6_400, language: 1_280 });
  });

  it('shares the 7,680 B budget of the UI chunk and one language file between the two, to the byte', () => {
    expect(BUDGET.ui + BUDGET.language).toBe(BUDGET.uiWithLanguage);
    expect(BUDGET.uiWithLanguage).toBe(7_680);
  });

  it('leaves no file that a page can download from dist/ ungated', () => {
    const gated = new Set(gatedFiles().map((g) => basename(g.file)));
    // Not budgeted: type declarations, the Node side, and the ES build (input for an app's bundler).
    const exempt = new Set(['types', 'node', ...esmFiles(DIST)]);
    const ungated = readdirSync(DIST).filter((name) => !gated.has(name) && !exempt.has(name));
    expect(ungated).toEqual([]);
  });

  it('counts every gated file as the bench and the README do (zlib gzip at level 9)', () => {
    const { checks } = sizeLimit();
    const gated = gatedFiles();
    expect(checks.map((c) => c.name)).toEqual(sizeLimitChecks().map((c) => c.name));
    checks.forEach((check, i) => {
      expect(check.size, check.name).toBe(measure(readFileSync(gated[i].file)).gzip);
      expect(check.sizeLimit, check.name).toBe(gated[i].limit);
    });
  });

  it('fails when one file is over its limit, naming that file', () => {
    const { config } = fakeDist({
      'consentry.js': CEILING.loader + 200,
      'consentry-ui.js': 100,
      'consentry-later.js': 100,
      'consentry-en.js': 100,
    });
    const { status, checks } = sizeLimit(config);
    expect(status).toBe(1);
    expect(checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['loader (dist/consentry.js)']);
    expect(checks[0].size).toBeGreaterThan(CEILING.loader);
  });

  it('passes when every file is within its limit (the control for the test above)', () => {
    const { config } = fakeDist({
      'consentry.js': 9_000,
      'consentry-ui.js': 100,
      'consentry-later.js': 100,
      'consentry-en.js': 100,
    });
    const { status, checks } = sizeLimit(config);
    expect(checks.map((c) => c.passed)).toEqual([true, true, true, true]);
    expect(status).toBe(0);
  });

  it('gates the service worker at its ceiling when the build writes one, and only then', () => {
    const files = { 'consentry.js': 100, 'consentry-ui.js': 100, 'consentry-later.js': 100, 'consentry-en.js': 100 };
    expect(gatedFiles(fakeDist(files).dist).map((g) => g.name)).not.toContain('service worker');
    const { dist, config } = fakeDist({ ...files, 'consentry-sw.js': CEILING.serviceWorker + 100 });
    expect(gatedFiles(dist).find((g) => g.name == 'service worker')?.limit).toBe(CEILING.serviceWorker);
    const { status, checks } = sizeLimit(config);
    expect(status).toBe(1);
    expect(checks.filter((c) => !c.passed).map((c) => c.name)).toEqual(['service worker (dist/consentry-sw.js)']);
  });

  it('fails, never skips, when the loader or every language file is missing', () => {
    expect(() =>
      gatedFiles(fakeDist({ 'consentry-ui.js': 100, 'consentry-later.js': 100, 'consentry-en.js': 100 }).dist),
    ).toThrow(/consentry\.js is missing/);
    const { dist, config } = fakeDist({ 'consentry.js': 100, 'consentry-ui.js': 100, 'consentry-later.js': 100 });
    expect(() => gatedFiles(dist)).toThrow(/no language file/);
    const { status, error } = sizeLimit(config);
    expect(status).toBe(1);
    expect(error).toMatch(/no language file/);
  });
});
