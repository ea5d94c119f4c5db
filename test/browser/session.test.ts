/**
 * The session login cookie in the system Chromium against dist/: written by `consentry.session.login()`, strictly
 * necessary, session-only, and untouched by every consent decision that deletes or forgets other cookies.
 */

import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Consentry } from '../../src/core/types';
import en from '../../src/ui/i18n/en';
import { launch, type Served, serve, trackers } from './harness';

declare global {
  interface Window {
    consentry: Consentry;
  }
}

// `_ga` is listed under analytics, so a withdrawal of analytics must delete it: the control that proves a purge ran.
const CONFIG = JSON.stringify({
  revision: '1',
  categories: { analytics: { cookies: [{ name: '_ga', provider: 'Google Analytics', lifetime: '2 years' }] } },
});

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<script type="application/json" id="consentry-config">${CONFIG}</script>
<script src="/consentry.js"></script>
</head>
<body><main><h1>Shop</h1></main></body>
</html>`;

let browser: Browser;
let site: Served;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launch();
  site = await serve({ '/index.html': PAGE });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

afterEach(async () => {
  await context?.close();
});

/** A fresh browser context on the shop, logged in as alice. */
async function loggedIn(): Promise<Page> {
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
  await trackers(context);
  const tab = await context.newPage();
  await tab.goto(site.url('/index.html'));
  await tab.evaluate(() => window.consentry.session.login('alice'));
  return tab;
}

/**
 * Runs `fn` in the page, which may reload it: taking back a category reloads the page when scripts of it may have run.
 * Resolves once the page (reloaded or not) has loaded.
 */
async function mayReload(tab: Page, fn: () => void): Promise<void> {
  await Promise.all([
    tab.waitForEvent('load', { timeout: 3000 }).catch(() => undefined),
    tab.evaluate(fn).catch((e) => {
      if (!/context was destroyed|navigat/i.test(String(e))) throw e;
    }),
  ]);
  await tab.waitForLoadState('load');
}

const jar = async (name: string): Promise<Cookie | undefined> => (await context.cookies()).find((c) => c.name === name);
const banner = (tab: Page) => tab.locator('#consentry-root').getByRole('dialog', { name: en.bannerTitle });

describe('the session login cookie', () => {
  it('is written as consentry_session with no expiry, Path=/ and SameSite=Lax', async () => {
    const tab = await loggedIn();
    const cookie = await jar('consentry_session');
    expect(cookie).toMatchObject({
      value: 'alice',
      expires: -1,
      path: '/',
      sameSite: 'Lax',
      httpOnly: false,
      secure: false,
    });
    expect(await tab.evaluate(() => window.consentry.session.get())).toBe('alice');
  });

  it('is read back by session.get() after a reload', async () => {
    const tab = await loggedIn();
    await tab.reload();
    expect(await tab.evaluate(() => window.consentry.session.get())).toBe('alice');
  });

  it('is removed by session.logout()', async () => {
    const tab = await loggedIn();
    await tab.evaluate(() => window.consentry.session.logout());
    expect(await jar('consentry_session')).toBeUndefined();
    expect(await tab.evaluate(() => window.consentry.session.get())).toBeUndefined();
  });

  it('survives "Reject all" in the banner', async () => {
    const tab = await loggedIn();
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    expect((await tab.evaluate(() => window.consentry.get()))?.method).toBe('reject-all');
    expect((await jar('consentry_session'))?.value).toBe('alice');
    expect(await tab.evaluate(() => window.consentry.session.get())).toBe('alice');
  });

  it('survives consentry.reset(), which forgets the consent record', async () => {
    const tab = await loggedIn();
    await tab.evaluate(() => window.consentry.acceptAll());
    expect(await jar('consentry')).toBeDefined();
    await mayReload(tab, () => window.consentry.reset());
    expect(await tab.evaluate(() => window.consentry.get())).toBeNull();
    expect(await jar('consentry')).toBeUndefined();
    expect((await jar('consentry_session'))?.value).toBe('alice');
  });

  it('survives a withdrawal of analytics that deletes the analytics cookies', async () => {
    const tab = await loggedIn();
    await tab.evaluate(() => {
      window.consentry.acceptAll();
      document.cookie = '_ga=GA1.1.123.456; path=/; max-age=3600';
    });
    expect(await jar('_ga')).toBeDefined();
    await mayReload(tab, () => window.consentry.set({ analytics: false }));
    expect(await tab.evaluate(() => window.consentry.allowed('analytics'))).toBe(false);
    expect(await jar('_ga')).toBeUndefined();
    expect((await jar('consentry_session'))?.value).toBe('alice');
    expect(await tab.evaluate(() => window.consentry.session.get())).toBe('alice');
  });
});
