import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { ResolvedConfig } from '../core/types';
import { count, pageUrl, parseCommand } from './args';
import type { BrowserHooks } from './audit';
import { launchChromium } from './browser';
import { createClassifier } from './classify';
import type { Output } from './cli';
import { readConfigFile, readPageConfig, validate } from './config-file';
import { type Found, type Merged, mergeCookieTables, type Unclassified } from './cookie-tables';
import { type CookieTrail, likelySetter, recordCookieWrites, writeFor } from './cookie-trail';
import { EXIT, lines, UserError } from './io';
import { lifetimeText } from './lifetime';
import { open, reload, watchNetwork } from './navigate';
import { cookieHost, sameSite } from './site';
import { plural, shortUrl, textTable } from './text-table';

/**
 * `consentry scan <url>`: crawls the site breadth-first (one page at a time, a small pause between pages), accepts
 * all on the first page through `window.consentry`, and collects every cookie with its lifetime and the request that
 * set it; then classifies them with the loader's matcher and writes the config's cookie tables.
 */

export const SCAN_USAGE =
  'consentry scan <url> [--max-pages 50] [--same-site] [--out consentry.json] [--json FILE] [--delay 200] [--timeout 15000] [--quiet 500]';

const OPTIONS = {
  'max-pages': { type: 'string' },
  'same-site': { type: 'boolean' },
  out: { type: 'string' },
  json: { type: 'string' },
  delay: { type: 'string' },
  timeout: { type: 'string' },
  quiet: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

// Links to files rather than pages: never opened.
const NOT_PAGES =
  /\.(pdf|zip|gz|tgz|rar|7z|dmg|exe|apk|png|jpe?g|gif|webp|avif|svg|ico|mp[34]|webm|mov|avi|wav|ogg|woff2?|ttf|otf|css|js|mjs)$/i;

export interface ScanOptions {
  start: string;
  maxPages: number;
  /** Follow links to other hosts of the same site (`shop.example.com` from `www.example.com`); else same origin. */
  sameSite: boolean;
  /** ms between two pages. */
  delay: number;
  timeout: number;
  quiet: number;
  /** Classify with this config (the --out file, when it exists) instead of the first page's. */
  config?: ResolvedConfig;
  progress?: (line: string) => void;
}

export interface ScanResult {
  browser: string;
  /** Pages opened, in crawl order. */
  pages: { url: string; ms: number }[];
  /** Links not opened, with why (a redirect loop, not HTML, another site after a redirect…). */
  skipped: { url: string; why: string }[];
  /** Links to other sites, not followed. */
  external: string[];
  cookies: Found[];
  /** The first page's loader config, and its JSON block as written. */
  page?: { config: ResolvedConfig; block?: string };
}

const normal = (url: string) => {
  const u = new URL(url);
  u.hash = '';
  return u.href;
};

async function linksOf(page: Page): Promise<string[]> {
  return page
    .evaluate(() => [...document.querySelectorAll('a[href], area[href]')].map((a) => (a as HTMLAnchorElement).href))
    .catch(() => []);
}

/** Which links the crawl follows: http(s), on the start URL's origin, or with `sameSite` on any host of its site. */
export function crawlScope(start: URL, withSameSite: boolean): (url: URL) => boolean {
  return (u) =>
    /^https?:$/.test(u.protocol) && (withSameSite ? sameSite(u.hostname, start.hostname) : u.origin === start.origin);
}

export async function runScan(o: ScanOptions, hooks: BrowserHooks = {}): Promise<ScanResult> {
  const browser: Browser = hooks.browser ?? (await launchChromium());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const start = new URL(o.start);
  const inScope = crawlScope(start, o.sameSite);
  const result: ScanResult = {
    browser: `Chromium ${browser.version()}`,
    pages: [],
    skipped: [],
    external: [],
    cookies: [],
  };
  try {
    await hooks.prepare?.(context);
    const trail: CookieTrail = await recordCookieWrites(context);
    const network = watchNetwork(context);
    const settle = () => network.settle(o.quiet);
    const page = await context.newPage();
    const queue = [normal(o.start)];
    const queued = new Set(queue);
    const external = new Set<string>();
    const found = new Map<string, Found>();
    let classify: ReturnType<typeof createClassifier> | undefined;

    const collect = async (at: string) => {
      for (const c of await context.cookies()) {
        const k = `${c.name}\n${c.domain}\n${c.path}`;
        if (found.has(k)) continue;
        const w = writeFor(trail, c);
        const thirdParty = !sameSite(cookieHost(c.domain), start.hostname);
        const setBy = w?.setBy ?? (thirdParty ? likelySetter(trail, c) : undefined);
        found.set(k, {
          name: c.name,
          domain: c.domain,
          path: c.path,
          lifetime: w ? w.lifetime : c.expires < 0 ? undefined : c.expires - Date.now() / 1000,
          httpOnly: c.httpOnly,
          secure: c.secure,
          ...(c.sameSite && { sameSite: c.sameSite }),
          thirdParty,
          stored: true,
          how: w?.how ?? 'jar',
          ...(setBy && { setBy }),
          firstPage: w?.page || at,
          vendor: '',
        });
      }
    };

    for (let n = 0; queue.length && n < o.maxPages; n++) {
      const url = queue.shift()!;
      if (n) await new Promise((ok) => setTimeout(ok, o.delay));
      trail.page = url;
      const began = Date.now();
      o.progress?.(`scan: page ${n + 1} (at most ${o.maxPages}) ${shortUrl(url, 80)}`);
      try {
        await open(page, url, o.timeout);
      } catch (e) {
        // The start page must open; a link that does not is noted and the crawl goes on.
        if (!n || !(e instanceof UserError)) throw e;
        const why = e.message.replace(`cannot load ${url}: `, '').replace(`${url} is `, '').replace(`${url} `, '');
        result.skipped.push({ url, why });
        continue;
      }
      const landed = new URL(page.url());
      if (!inScope(landed)) {
        if (!n) throw new UserError(`${url} redirects to another site (${landed.href}): scan that URL instead`);
        result.skipped.push({ url, why: `redirects to another site (${landed.href})` });
        continue;
      }
      queued.add(normal(landed.href));
      await settle();
      if (!n) {
        const own = await readPageConfig(page);
        if (own) {
          result.page = own;
          // Accept all, then view the page again as a returning visitor: what consent lets run writes its cookies.
          await page.evaluate(() => (window as unknown as { consentry: { acceptAll(): void } }).consentry.acceptAll());
          await settle();
          await reload(page, o.timeout);
          await settle();
        } else
          o.progress?.(
            `scan: no Consentry loader on ${url}: cookies are collected as the site sets them today, without a decision`,
          );
        classify = createClassifier(o.config ?? own?.config ?? validate({}).config, page.url());
      }
      await collect(url);
      result.pages.push({ url, ms: Date.now() - began });
      for (const link of await linksOf(page)) {
        let u: URL;
        try {
          u = new URL(link);
        } catch {
          continue;
        }
        if (!/^https?:$/.test(u.protocol)) continue;
        const href = normal(u.href);
        if (!inScope(u)) external.add(href);
        else if (!queued.has(href) && !NOT_PAGES.test(u.pathname)) queued.add(href) && queue.push(href);
      }
    }

    // Third-party responses whose cookie the browser did not keep still set one, as far as the site is concerned.
    for (const w of trail.writes) {
      if (w.how !== 'Set-Cookie' || !w.setBy) continue;
      const host = w.domain ?? new URL(w.setBy).hostname;
      if (sameSite(cookieHost(host), start.hostname)) continue;
      if ([...found.values()].some((f) => f.name === w.name && cookieHost(f.domain) === cookieHost(host))) continue;
      found.set(`${w.name}\n${host}\n${w.path ?? '/'}`, {
        name: w.name,
        domain: host,
        path: w.path ?? '/',
        lifetime: w.lifetime,
        httpOnly: w.httpOnly,
        secure: w.secure,
        ...(w.sameSite && { sameSite: w.sameSite }),
        thirdParty: true,
        stored: false,
        how: 'Set-Cookie',
        setBy: w.setBy,
        firstPage: w.page,
        vendor: '',
      });
    }
    for (const f of found.values()) {
      const label = classify!.cookie({ name: f.name, domain: f.domain, setBy: f.setBy });
      f.category = label.category;
      f.vendor = label.vendor;
    }
    result.cookies = [...found.values()];
    result.external = [...external].sort();
  } finally {
    await context.close().catch(() => {});
    if (!hooks.browser) await browser.close();
  }
  return result;
}

/** `consentry.json` → `consentry.unclassified.json`, beside it. */
export const unclassifiedPath = (out: string) => out.replace(/(\.json)?$/i, '.unclassified.json');

export const UNCLASSIFIED_ABOUT =
  'Cookies that `consentry scan` found and could not classify. Decide each one: move it into "categories.<id>.cookies" of the config as { "name", "provider", "purpose", "lifetime" } ("necessary" only if the site cannot work without it). Until then Consentry does not know it and never blocks it.';

function readPrevious(path: string): Unclassified[] {
  if (!existsSync(path)) return [];
  try {
    const list = JSON.parse(readFileSync(path, 'utf8')).cookies;
    return Array.isArray(list) ? list : [];
  } catch {
    throw new UserError(`${path} is not valid JSON: fix it or delete it (the scan rewrites it)`);
  }
}

function summary(result: ScanResult, merged: Merged, out: string, side: string, existed: boolean): string {
  const rows = [['category', 'name', 'vendor', 'lifetime', 'set by', 'first seen on']];
  const path = (u: string) => {
    try {
      const url = new URL(u);
      return url.origin === new URL(result.pages[0].url).origin ? url.pathname + url.search : shortUrl(u, 60);
    } catch {
      return u;
    }
  };
  const sorted = [...result.cookies].sort(
    (a, b) => (a.category ?? '~').localeCompare(b.category ?? '~') || a.name.localeCompare(b.name),
  );
  for (const f of sorted) {
    const how =
      f.how === 'jar'
        ? f.setBy
          ? `after a response from ${path(f.setBy)}`
          : 'seen in the cookie jar'
        : f.how === 'script' && f.setBy === f.firstPage
          ? `inline script`
          : `${f.how} ${f.setBy ? path(f.setBy) : '(no script URL)'}`;
    const flags = [f.httpOnly && 'HttpOnly', f.thirdParty && 'third party', !f.stored && 'not kept by the browser']
      .filter(Boolean)
      .join(', ');
    rows.push([
      f.category ?? 'unclassified',
      f.name,
      f.vendor,
      lifetimeText(f.lifetime),
      shortUrl(how, 70) + (flags ? ` (${flags})` : ''),
      path(f.firstPage),
    ]);
  }
  const out_ = [
    `Consentry scan of ${result.pages[0].url}: ${plural(result.pages.length, 'page')}, ${plural(result.cookies.length, 'cookie')}, ${result.browser}`,
    '',
    textTable(rows, '  '),
    '',
  ];
  const { added, gone, changed } = merged.diff;
  const since = existed ? `the last config (${out})` : result.page?.block ? "the page's config" : 'an empty config';
  if (!added.length && !gone.length && !changed.length) out_.push(`No change since ${since}.`);
  else {
    out_.push(`Changes since ${since}:`);
    const name = (c: { name: string; category?: string }) => `${c.name} (${c.category ?? 'unclassified'})`;
    if (added.length) out_.push(`  new: ${added.map(name).join(', ')}`);
    if (changed.length)
      out_.push(
        `  changed lifetime: ${changed.map((c) => `${c.name} ${c.from} → ${c.to}${c.note ? ` (${c.note})` : ''}`).join(', ')}`,
      );
    if (gone.length)
      out_.push(
        `  not seen in this scan (kept; remove them if the site no longer sets them): ${gone.map(name).join(', ')}`,
      );
  }
  out_.push(
    `Wrote ${out}${merged.unclassified.length ? ` and ${side} (${plural(merged.unclassified.length, 'cookie')} to classify: ${[...new Set(merged.unclassified.map((u) => u.name))].join(', ')})` : ''}.`,
  );
  if (merged.placeholders.length)
    out_.push(`Purposes to write in ${out} (they read "TO COMPLETE"): ${merged.placeholders.join(', ')}.`);
  if (result.external.length)
    out_.push(
      `Not followed: ${plural(result.external.length, 'link')} to other sites (${result.external.slice(0, 3).join(', ')}${result.external.length > 3 ? ', …' : ''}).`,
    );
  for (const s of result.skipped) out_.push(`Skipped ${s.url}: ${s.why}.`);
  return out_.join('\n') + '\n';
}

/**
 * The CLI command. `argv` is what follows `consentry scan`. Exit code: 0 the config was written, 2 the scan could not
 * be done (start page unreachable or not HTML, unreadable config file; one line on stderr says why).
 */
export async function scan(argv: string[], output: Output, hooks: BrowserHooks = {}): Promise<number> {
  try {
    const { values, url } = parseCommand(argv, OPTIONS, SCAN_USAGE);
    if (values.help) {
      output.out(SCAN_USAGE);
      return EXIT.ok;
    }
    const start = pageUrl(url);
    const out = values.out ?? 'consentry.json';
    const side = unclassifiedPath(out);
    const existed = existsSync(out);
    const file = existed ? readConfigFile(out) : undefined;
    for (const w of file?.warnings ?? []) output.err(`consentry scan: ${out}: ${w}`);
    const previous = readPrevious(side);
    const result = await runScan(
      {
        start: start.href,
        maxPages: count(values['max-pages'], 'max-pages', 50, 1),
        sameSite: !!values['same-site'],
        delay: count(values.delay, 'delay', 200),
        timeout: count(values.timeout, 'timeout', 15_000, 1),
        quiet: count(values.quiet, 'quiet', 500),
        config: file?.config,
        progress: (line) => output.err(line),
      },
      hooks,
    );
    // Start from the file, else from the page's own JSON block, else from nothing.
    let base: Record<string, any> = file?.json ?? {};
    if (!file && result.page?.block) {
      try {
        const parsed = JSON.parse(result.page.block);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) base = parsed;
      } catch {
        // the loader already said the block is broken; start from nothing
      }
    }
    const resolved = file?.config ?? result.page?.config ?? validate({}).config;
    const merged = mergeCookieTables({
      config: base,
      found: result.cookies,
      previous,
      site: start.hostname,
      consentCookie: resolved.cookie.name,
      sessionCookie: resolved.session.name,
    });
    // What the loader would say about the file as written (an error the page's own block already had, say).
    const check = validate(merged.config);
    for (const message of [...check.errors, ...check.warnings]) output.err(`consentry scan: ${out}: ${message}`);
    writeFileSync(out, JSON.stringify(merged.config, null, 2) + '\n');
    if (values.json) {
      const { page: _, ...evidence } = result;
      writeFileSync(
        values.json,
        JSON.stringify({ tool: 'consentry scan', ...evidence, diff: merged.diff }, null, 2) + '\n',
      );
    }
    if (merged.unclassified.length || existsSync(side))
      writeFileSync(side, JSON.stringify({ about: UNCLASSIFIED_ABOUT, cookies: merged.unclassified }, null, 2) + '\n');
    lines(output.out, summary(result, merged, out, side, existed));
    return EXIT.ok;
  } catch (e) {
    output.err(`consentry scan: ${e instanceof UserError ? e.message : (e as Error).message.split('\n')[0]}`);
    return EXIT.failed;
  }
}
