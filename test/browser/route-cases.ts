/**
 * Shared by the route tests (markup-routes, realms): one page per case, run with and without Consentry in the
 * system Chromium, tracker hosts answered locally and counted (harness.ts `trackers()`).
 */
import type { Browser, Page } from 'playwright-core';
import { type HitFilter, launch, type Served, serve, trackers, waitQuiet } from './harness';

export const GA = 'www.google-analytics.com';
/** A tracker script whose stub counts its runs in `window.ran`. */
export const TAG = 'https://www.googletagmanager.com/gtag/js';
export const STUBS = { 'www.googletagmanager.com/gtag/js': 'window.ran = (window.ran || 0) + 1;' };

export interface RouteCase {
  /** Page script run at the end of <body>. */
  script: string;
  /** Static markup before the script. */
  markup?: string;
  /** Markup in <head> before the loader. */
  head?: string;
  /** Tracker hits that must not happen before consent. */
  hits: HitFilter;
  /** After Accept all, the held element comes back: the tracker is reached. */
  back?: boolean;
  /** Run while the document is parsed; otherwise the script runs after `load` (the parser guard has stopped). */
  parsing?: boolean;
  /** A page expression that is true when the tracker got its way (for realms whose requests Playwright cannot see). */
  leaked?: string;
  /** Extra files the case serves. */
  files?: Record<string, string>;
}

export interface RouteRun {
  /** Tracker hits, plus requests that escaped the routes (a sandboxed frame's: `ERR_NAME_NOT_RESOLVED`), plus 1 when `leaked` held. */
  hits: number;
  /** `window.ran`: how many times the tracker script ran. */
  ran: number;
  /** Hits after Accept all (only with `back`). */
  afterAccept: number;
  errors: string[];
}

const page = (c: RouteCase, withConsentry: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>t</title>
${c.head ?? ''}
${withConsentry ? '<script src="/consentry.js"></script>' : ''}
</head><body>
${c.markup ?? ''}
<script>${c.parsing ? c.script : `addEventListener('load', () => setTimeout(() => { ${c.script} }))`}</script>
</body></html>`;

export interface RouteSuite {
  run(name: string, withConsentry: boolean): Promise<RouteRun>;
  /** Evaluates `code` (a function body returning JSON-able data) on a blank page, with or without Consentry. */
  see(code: string, withConsentry: boolean): Promise<unknown>;
  close(): Promise<void>;
  site: Served;
}

export async function routeSuite(cases: Record<string, RouteCase>): Promise<RouteSuite> {
  const browser: Browser = await launch();
  const files: Record<string, string> = {
    '/blank.html': '<!doctype html><title>b</title>',
    '/with-blank.html': '<!doctype html><html><head><script src="/consentry.js"></script></head><body></body></html>',
    '/own.gif': 'GIF89a',
  };
  const names = Object.keys(cases);
  names.forEach((name, i) => {
    Object.assign(files, cases[name].files);
    files[`/without-${i}.html`] = page(cases[name], false);
    files[`/with-${i}.html`] = page(cases[name], true);
  });
  const site = await serve(files);
  return {
    site,
    async run(name, withConsentry) {
      const c = cases[name];
      const context = await browser.newContext();
      try {
        context.setDefaultTimeout(5000);
        // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
        context.setDefaultNavigationTimeout(20_000);
        const net = await trackers(context, STUBS);
        const tab: Page = await context.newPage();
        const errors: string[] = [];
        tab.on('pageerror', (error) => errors.push(error.message));
        // Playwright's routes do not see the requests of an opaque-origin frame: they go to the (absent) network
        let escaped = 0;
        tab.on('console', (message) => message.text().includes('ERR_NAME_NOT_RESOLVED') && escaped++);
        await tab.goto(site.url(`/${withConsentry ? 'with' : 'without'}-${names.indexOf(name)}.html`));
        await waitQuiet(tab);
        if (!withConsentry) await net.waitFor(c.hits, 2000).catch(() => undefined);
        if (!withConsentry && !net.count(c.hits)) await tab.waitForTimeout(500);
        const leaked = c.leaked ? await tab.evaluate(c.leaked).catch(() => true) : false;
        const hits = net.count(c.hits) + escaped + (leaked ? 1 : 0);
        const ran = await tab.evaluate(() => (window as any).ran || 0).catch(() => -1);
        let afterAccept = 0;
        if (withConsentry && c.back) {
          await tab.evaluate(() => (window as any).consentry.acceptAll());
          await net.waitFor(c.hits, 3000).catch(() => undefined);
          afterAccept = net.count(c.hits);
        }
        return { hits, ran, afterAccept, errors };
      } finally {
        await context.close();
      }
    },
    async see(code, withConsentry) {
      const context = await browser.newContext();
      try {
        await trackers(context, STUBS);
        const tab = await context.newPage();
        await tab.goto(site.url(withConsentry ? '/with-blank.html' : '/blank.html'));
        return await tab.evaluate(`(async () => { ${code} })()`);
      } finally {
        await context.close();
      }
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
