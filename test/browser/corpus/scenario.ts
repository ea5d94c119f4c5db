/**
 * The steps the leak tests share: open a corpus page in a fresh context, let it settle, decide, and judge what
 * reached the trackers. Judgements return lists of readable findings (`"marketing www.facebook.com/tr… (image)"`),
 * so `expect(list).toEqual([])` names exactly what leaked or what failed to come back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { cookieNames, type Hit, matches, type Served, type Trackers, trackers, waitQuiet } from '../harness';
import { vendorStubs } from '../vendors/index';
import { type Category, type CorpusPage, type Form, HOST_CATEGORIES, SITE_COOKIES } from './pages';

export const SESSION_COOKIE = 'consentry_session';

export interface Visit {
  context: BrowserContext;
  page: Page;
  net: Trackers;
  /** Uncaught page errors and Consentry's own console errors: a blocker must not break the page. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh context (empty jar, its own service-worker registrations) with every third party answered locally. */
export async function openContext(browser: Browser): Promise<Visit> {
  const context = await browser.newContext();
  const net = await trackers(context, vendorStubs);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /consentry/i.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return { context, page, net, errors, close: () => context.close() };
}

/** `openContext`, with the corpus page opened and settled. */
export async function visit(browser: Browser, site: Served, p: CorpusPage, form: Form): Promise<Visit> {
  const v = await openContext(browser);
  await v.page.goto(site.url(`/${p.name}-${form}.html`));
  await settle(v.page, p);
  return v;
}

/** Wait until the page has done what it does on its own, click what the page offers, and let requests land. */
export async function settle(page: Page, p: CorpusPage): Promise<void> {
  await page.waitForFunction(() => (window as { corpusReady?: boolean }).corpusReady === true, null, {
    timeout: 15_000,
  });
  await click(page, p);
  await waitQuiet(page, 200);
}

export async function click(page: Page, p: CorpusPage): Promise<void> {
  for (const sel of p.clicks ?? []) await page.click(sel);
}

/** Reload and settle again. */
export async function reload(v: Visit, p: CorpusPage): Promise<void> {
  await v.page.reload();
  await settle(v.page, p);
}

/** Repeat the page's one-shot calls, where it has any (see `corpusFire` in pages.ts). */
export async function fire(page: Page): Promise<void> {
  await page.evaluate(() => (window as { corpusFire?: () => void }).corpusFire?.());
}

/** Call the API in the page. */
export async function api(page: Page, call: 'acceptAll' | 'rejectAll'): Promise<void>;
export async function api(page: Page, call: 'set', choices: Record<string, boolean>): Promise<void>;
export async function api(page: Page, call: string, choices?: Record<string, boolean>): Promise<void> {
  await page.evaluate(
    ([c, arg]) => {
      const consentry = (window as unknown as { consentry: Record<string, (a?: unknown) => void> }).consentry;
      consentry[c as string](arg);
    },
    [call, choices] as const,
  );
}

/** Click a first-layer button of the banner (in its open shadow root), after it has appeared. */
export async function bannerButton(page: Page, name: 'Accept all' | 'Reject all'): Promise<void> {
  const button = page.locator('#consentry-root').getByRole('button', { name, exact: true });
  await button.click({ timeout: 10_000 });
  await page.waitForFunction(() => (window as unknown as { consentry: { get(): unknown } }).consentry.get() !== null);
}

// ---------------------------------------------------------------------------------------------------------------
// Judgements

/** Assert that a list of findings is empty, with the findings themselves as the message (reporters may drop diffs). */
export function none(when: string, findings: string[]): void {
  expect(findings, `${when}:\n    ${findings.join('\n    ')}\n`).toEqual([]);
}

export function categoryOf(hit: Hit): Category | undefined {
  return HOST_CATEGORIES.find(([filter]) => matches(hit, filter))?.[1];
}

const show = (h: Hit) => `${categoryOf(h) ?? 'unknown host'} ${h.host}${h.path.slice(0, 90)} (${h.type})`;

/**
 * Hits that should not have happened with only `allowed` categories granted: any hit on a host of another category
 * (or an unknown host), except the page's known limits in this form, which `limits()` checks on their own.
 */
export function leaks(net: Trackers, p: CorpusPage, form: Form, allowed: Category[] = []): string[] {
  const known = (p.limits ?? []).filter((l) => l.form === form);
  return net.hits
    .filter((h) => {
      const cat = categoryOf(h);
      if (cat && allowed.includes(cat)) return false;
      return !known.some((l) => matches(h, l.hit));
    })
    .map(show);
}

/** Requests that must never happen whatever the consent (noscript fallbacks while JS runs). */
export function nevers(net: Trackers, p: CorpusPage): string[] {
  return (p.never ?? []).flatMap((f) => net.hits.filter((h) => matches(h, f)).map((h) => `never expected: ${show(h)}`));
}

/**
 * The known limits of this page in this form, for one page view: each limit's request DID arrive (so the limit is
 * real and still measured), and no more often than `max`. Returns findings that contradict the documented limit.
 */
export function limits(net: Trackers, p: CorpusPage, form: Form, views = 1): string[] {
  const out: string[] = [];
  for (const l of (p.limits ?? []).filter((x) => x.form === form)) {
    const n = net.count(l.hit);
    if (n < 1 && !l.race) out.push(`limit no longer observed (update the README and this table): ${l.hit} — ${l.why}`);
    if (n > l.max * views) out.push(`limit exceeded: ${n} requests to ${l.hit}, expected at most ${l.max * views}`);
  }
  return out;
}

/** Cookies in the jar that are neither the site's own nor written by a tracker of an allowed category. */
export async function trackingCookies(
  context: BrowserContext,
  p: CorpusPage,
  allowed: Category[] = [],
): Promise<string[]> {
  const ok = new Set(SITE_COOKIES);
  for (const t of p.trackers) if (allowed.includes(t.category)) for (const c of t.cookies ?? []) ok.add(c);
  return (await cookieNames(context)).filter((n) => !ok.has(n));
}

/** The session login cookie, as findings: empty when `consentry_session=alice` is in the jar. */
export async function session(context: BrowserContext): Promise<string[]> {
  const ok = (await context.cookies()).some((c) => c.name === SESSION_COOKIE && c.value === 'alice');
  return ok ? [] : [`session cookie ${SESSION_COOKIE}=alice missing`];
}

/**
 * Each tracker of `categories` proves it ran: its hit arrives and its cookies are in the jar (waiting up to
 * `timeout` ms for each). Returns what is missing.
 */
export async function arrivals(
  v: Visit,
  p: CorpusPage,
  categories: Category[],
  opts: { form: Form; earlier?: Hit[]; timeout?: number },
): Promise<string[]> {
  const timeout = opts.timeout ?? 8000;
  const wanted = p.trackers.filter((t) => categories.includes(t.category));
  // A known limit fetched its URL before the decision: re-activation then finds it in the browser's cache, and
  // that earlier request is the one that counts.
  const limited = (p.limits ?? []).filter((l) => l.form === opts.form);
  const early = (hit: string) =>
    limited.some((l) => l.hit === hit) && (opts.earlier ?? []).some((h) => matches(h, hit));
  const missing: string[] = [];
  await Promise.all(
    wanted.map(async (t) => {
      if (t.hit && !early(t.hit)) {
        try {
          await v.net.waitFor(t.hit, timeout);
        } catch {
          missing.push(`${t.vendor} [${t.channel}]: no request to ${t.hit}`);
        }
      }
    }),
  );
  const want = wanted.flatMap((t) => (t.cookies ?? []).map((c) => [t, c] as const));
  if (want.length) {
    const end = Date.now() + timeout;
    let names = await cookieNames(v.context);
    while (want.some(([, c]) => !names.includes(c)) && Date.now() < end) {
      await v.page.waitForTimeout(100);
      names = await cookieNames(v.context);
    }
    for (const [t, c] of want)
      if (!names.includes(c)) missing.push(`${t.vendor} [${t.channel}]: cookie ${c} not written`);
  }
  return missing;
}

/** The categories a page has trackers in. */
export const categoriesOf = (p: CorpusPage): Category[] => [...new Set(p.trackers.map((t) => t.category))];

/** Mark the current document, so a later check can tell whether the page was reloaded. */
export async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as { corpusMark?: boolean }).corpusMark = true));
}
export async function marked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as { corpusMark?: boolean }).corpusMark === true);
}
