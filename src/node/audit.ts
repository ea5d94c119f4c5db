import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Cookie, Page, Request } from 'playwright-core';
import type { CategoryId, ConsentRecord, ResolvedConfig } from '../core/types';
import { count, pageUrl, parseCommand } from './args';
import { renderHtml } from './audit-html';
import { renderText } from './audit-report';
import {
  type AuditReport,
  type CookieEvidence,
  type HeldBack,
  type PageResult,
  PHASES,
  type PhaseId,
  type PhaseResult,
  type RequestEvidence,
} from './audit-types';
import { launchChromium } from './browser';
import { type Classifier, createClassifier } from './classify';
import type { Output } from './cli';
import { readConfigFile, readPageConfig } from './config-file';
import { tagUrls } from './html-urls';
import { EXIT, lines, UserError } from './io';
import { open, reload, watchNetwork } from './navigate';
import { cookieHost } from './site';

/**
 * `consentry audit <url>`: each page in a fresh browser context, three phases (before consent, after Reject all
 * and a reload, after Accept all and a reload), every third-party request and every cookie recorded and judged by
 * the loader's own matcher. Decisions go through `window.consentry`, so any language and any theme work.
 */

export const AUDIT_USAGE =
  'consentry audit <url> [--pages /,/shop,/blog] [--json FILE] [--html FILE] [--config consentry.json] [--timeout 15000] [--quiet 500]';

const OPTIONS = {
  pages: { type: 'string' },
  json: { type: 'string' },
  html: { type: 'string' },
  config: { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface AuditOptions {
  /** Absolute URLs, audited in this order. */
  pages: string[];
  /** Classify with this config instead of each page's own. */
  config?: { path: string; config: ResolvedConfig };
  /** ms a page has to fire `load`. */
  timeout: number;
  /** ms of network silence that ends a wait (a wait lasts at most 5 s, or twice `quiet` when that is longer). */
  quiet: number;
  /** Keep a screenshot of each page's first view (for the HTML report). */
  screenshot?: boolean;
  /** Progress, one line per phase: `page 1 of 3 /shop: after Reject all`. */
  progress?: (line: string) => void;
}

/**
 * What a test (or a program) may inject, and the CLI does not expose: a browser to reuse, and a hook that runs on
 * each new context before its page opens (e.g. `context.route` answering tracker hosts locally). In a site's CI
 * the audit needs neither: it loads the site's local server and lets trackers be contacted (or fail offline,
 * which still shows the attempt).
 */
export interface BrowserHooks {
  browser?: Browser;
  prepare?: (context: BrowserContext) => Promise<unknown>;
}

type Win = Window & {
  consentry?: {
    get(): ConsentRecord | null;
    blocked(): HeldBack[];
    acceptAll(): void;
    rejectAll(): void;
  };
};

interface Raw {
  url: string;
  method: string;
  type: string;
  frame?: string;
  time: number;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function frameOf(request: Request, page: Page): string | undefined {
  try {
    const frame = request.frame();
    return frame === page.mainFrame() ? undefined : frame.url();
  } catch {
    return undefined; // a service worker's request has no frame
  }
}

/** Judge one phase's requests and cookies. */
function judge(
  phase: PhaseId,
  raw: Raw[],
  jar: Cookie[],
  classifier: Classifier,
  record: ConsentRecord | null,
  inHtml: Set<string>,
): Pick<PhaseResult, 'requests' | 'cookies' | 'leaks'> {
  const allowed = (c: CategoryId) => c === 'necessary' || record?.categories[c] === true;
  const counts = phase !== 'accept';
  const requests: RequestEvidence[] = [];
  for (const r of raw) {
    const label = classifier.request(r.url);
    if (!label) continue;
    const status = label.allowListed
      ? 'allow-list'
      : !label.category
        ? 'unknown'
        : allowed(label.category)
          ? 'allowed'
          : label.consentMode
            ? 'consent-mode'
            : 'leak';
    const url = new URL(r.url);
    const bare = r.url.split('#')[0];
    requests.push({
      url: r.url,
      host: url.hostname,
      method: r.method,
      initiatorType: r.type,
      ...(r.frame && { frame: r.frame }),
      time: r.time,
      ...(label.category && { category: label.category }),
      vendor: label.vendor,
      status,
      ...(inHtml.has(bare) && { inHtml: true as const }),
    });
  }
  const cookies: CookieEvidence[] = jar.map((c) => {
    const label = classifier.cookie(c);
    const status = label.allowListed
      ? 'allow-list'
      : !label.category
        ? 'unclassified'
        : allowed(label.category)
          ? 'allowed'
          : 'leak';
    return {
      name: c.name,
      domain: c.domain,
      path: c.path,
      expires: c.expires < 0 ? 'session' : new Date(c.expires * 1000).toISOString(),
      httpOnly: c.httpOnly,
      secure: c.secure,
      ...(c.sameSite && { sameSite: c.sameSite }),
      thirdParty: classifier.thirdParty(cookieHost(c.domain)),
      ...(label.category && { category: label.category }),
      vendor: label.vendor,
      status,
    };
  });
  const leaks = counts
    ? requests.filter((r) => r.status === 'leak' || r.status === 'unknown').length +
      cookies.filter((c) => c.status === 'leak').length
    : 0;
  return { requests, cookies, leaks };
}

async function auditPage(
  browser: Browser,
  url: string,
  where: string,
  o: AuditOptions,
  hooks: BrowserHooks,
): Promise<PageResult> {
  const started = Date.now();
  const result: PageResult = { url, durationMs: 0, phases: [], console: [] };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await hooks.prepare?.(context);
    const network = watchNetwork(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      const text = m.text();
      if (/^(error|warning)$/.test(m.type()) && /^Consentry\b/.test(text) && !result.console.includes(text))
        result.console.push(text);
    });
    let raw: Raw[] = [];
    let phaseStart = Date.now();
    context.on('request', (r) => {
      if (/^(https?|wss?):/.test(r.url()))
        raw.push({
          url: r.url(),
          method: r.method(),
          type: r.resourceType(),
          frame: frameOf(r, page),
          time: Date.now() - phaseStart,
        });
    });
    page.on('websocket', (ws) =>
      raw.push({ url: ws.url(), method: 'GET', type: 'websocket', time: Date.now() - phaseStart }),
    );

    const inHtml = new Set<string>();
    const settle = () => network.settle(o.quiet);
    const loaded = async (response: Awaited<ReturnType<typeof open>>) => {
      const html = await response.text().catch(() => '');
      for (const u of tagUrls(html, page.url())) inHtml.add(u);
      await settle();
    };
    const decide = async (call: 'rejectAll' | 'acceptAll') => {
      // A withdrawal may reload the page itself (reloadOnWithdraw): the evaluation then ends with the old document.
      await page.evaluate((c) => (window as Win).consentry![c](), call).catch(() => {});
      await page.waitForLoadState('load', { timeout: o.timeout }).catch(() => {});
      await settle();
      await loaded(await reload(page, o.timeout));
    };

    let classifier: Classifier | undefined;
    const captured: {
      id: PhaseId;
      label: string;
      raw: Raw[];
      record: ConsentRecord | null;
      heldBack: HeldBack[];
      jar: Cookie[];
    }[] = [];
    for (const { id, label } of PHASES) {
      o.progress?.(`${where}: ${label}`);
      phaseStart = Date.now();
      raw = [];
      if (id === 'before') {
        const response = await open(page, url, o.timeout);
        const own = await readPageConfig(page);
        if (!own)
          throw new UserError(
            `no Consentry loader on ${url}: window.consentry is missing (its <script> must come first in <head>)`,
          );
        result.loader = own.version;
        result.config = o.config ? o.config.path : 'page';
        classifier = createClassifier(o.config?.config ?? own.config, page.url());
        await loaded(response);
        if (o.screenshot) {
          await page
            .locator('#consentry-root')
            .waitFor({ state: 'attached', timeout: 2000 })
            .catch(() => {});
          await settle();
          result.screenshot = (await page.screenshot({ type: 'jpeg', quality: 70 })).toString('base64');
        }
      } else await decide(id === 'reject' ? 'rejectAll' : 'acceptAll');

      const record = await page.evaluate(() => (window as Win).consentry?.get() ?? null).catch(() => null);
      const heldBack = await page
        .evaluate(() =>
          ((window as Win).consentry?.blocked() ?? []).map((item) => ({
            kind: item.kind,
            url: item.url,
            category: item.category,
            vendor: item.vendor,
          })),
        )
        .catch(() => []);
      captured.push({ id, label, raw, record, heldBack, jar: await context.cookies() });
    }
    // Judged once the page is closed: a request sent after a phase's snapshot, before the next decision, still
    // belongs to that phase (its array keeps filling until the next phase starts), and none is lost after the last.
    await page.close();
    for (const c of captured)
      result.phases.push({
        phase: c.id,
        label: c.label,
        record: c.record,
        heldBack: c.heldBack,
        ...judge(c.id, c.raw, c.jar, classifier!, c.record, inHtml),
      });
  } catch (e) {
    result.error = e instanceof UserError ? e.message : `unexpected error: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await context.close().catch(() => {});
    result.durationMs = Date.now() - started;
  }
  return result;
}

/** Runs the audit; the report holds the verdict and the exit code. */
export async function runAudit(o: AuditOptions, hooks: BrowserHooks = {}): Promise<AuditReport> {
  const browser = hooks.browser ?? (await launchChromium());
  const started = new Date().toISOString();
  const version = `Chromium ${browser.version()}`;
  const pages: PageResult[] = [];
  try {
    for (const [i, url] of o.pages.entries()) {
      const where = `page ${i + 1} of ${o.pages.length} ${new URL(url).pathname}`;
      const result = await auditPage(browser, url, where, o, hooks);
      o.progress?.(`${where}: ${result.error ? 'could not be audited' : 'done'} in ${seconds(result.durationMs)}`);
      pages.push(result);
    }
  } finally {
    if (!hooks.browser) await browser.close();
  }
  return {
    tool: 'consentry audit',
    url: o.pages[0],
    started,
    browser: version,
    ...summarise(pages),
    pages,
  };
}

/**
 * The verdict over all pages. A leak wins over a page that could not be audited: what was seen leaking is a finding
 * whatever else happened; with no leak, one unaudited page makes the proof incomplete.
 */
export function summarise(pages: PageResult[]): Pick<AuditReport, 'verdict' | 'exitCode' | 'leaks' | 'unknown'> {
  const leaks = pages.reduce((n, p) => n + p.phases.reduce((m, ph) => m + ph.leaks, 0), 0);
  const hosts = [
    ...new Set(
      pages.flatMap((p) =>
        p.phases.flatMap((ph) => ph.requests.filter((r) => r.status === 'unknown').map((r) => r.host)),
      ),
    ),
  ].sort();
  const verdict = leaks ? 'leak' : pages.some((p) => p.error) ? 'incomplete' : 'pass';
  return {
    verdict,
    exitCode: verdict === 'leak' ? EXIT.leak : verdict === 'incomplete' ? EXIT.failed : EXIT.ok,
    leaks,
    unknown: {
      hosts,
      // Blocked as marketing until the owner says otherwise: the closed choice.
      rules: hosts.map((match) => ({ match, category: 'marketing', vendor: match })),
      allow: hosts,
    },
  };
}

/**
 * The CLI command. `argv` is what follows `consentry audit`. Exit code: 0 nothing left the page that should not
 * have, 1 a leak (before consent or after Reject all), 2 the audit could not be done (one line on stderr says why).
 */
export async function audit(argv: string[], output: Output, hooks: BrowserHooks = {}): Promise<number> {
  try {
    const { values, url } = parseCommand(argv, OPTIONS, AUDIT_USAGE);
    if (values.help) {
      output.out(AUDIT_USAGE);
      return EXIT.ok;
    }
    const start = pageUrl(url);
    const pages = values.pages
      ? [...new Set(values.pages.split(',').map((p) => new URL(p.trim() || '/', start).href))]
      : [start.href];
    const file = values.config ? readConfigFile(values.config) : undefined;
    for (const w of file?.warnings ?? []) output.err(`consentry audit: ${values.config}: ${w}`);
    const report = await runAudit(
      {
        pages,
        config: file && { path: values.config!, config: file.config },
        timeout: count(values.timeout, 'timeout', 15_000, 1),
        quiet: count(values.quiet, 'quiet', 500),
        screenshot: !!values.html,
        progress: (line) => output.err(line),
      },
      hooks,
    );
    for (const p of report.pages) if (p.error) output.err(`consentry audit: ${p.error}`);
    if (report.pages.some((p) => !p.error)) lines(output.out, renderText(report));
    if (values.json) {
      const evidence = { ...report, pages: report.pages.map(({ screenshot: _, ...p }) => p) };
      writeFileSync(values.json, JSON.stringify(evidence, null, 2) + '\n');
    }
    if (values.html) writeFileSync(values.html, renderHtml(report));
    return report.exitCode;
  } catch (e) {
    output.err(`consentry audit: ${e instanceof UserError ? e.message : (e as Error).message.split('\n')[0]}`);
    return EXIT.failed;
  }
}
