/**
 * Consent that nobody gave, in the system Chromium against dist/: a page script clicking the banner's buttons or a
 * placeholder's "Allow and load" through the open shadow roots, or posting a made-up record on the cross-tab channel.
 * None of it decides anything. Each case has its control: the same button clicked by the visitor (a real, trusted
 * click through Playwright) decides, and a real decision in another tab reaches this one over the same channel.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config';
import { toRecord } from '../../src/core/record';
import type { Consentry } from '../../src/core/types';
import en from '../../src/ui/i18n/en';
import { launch, type Served, serve, type Trackers, trackers, waitQuiet } from './harness';

declare global {
  interface Window {
    consentry: Consentry;
  }
}

const EMBED = 'https://www.youtube.com/embed/forgery';
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Shop</title>
<script src="/consentry.js"></script>
</head>
<body><main><h1>Shop</h1>
<iframe data-consent="marketing" data-consentry-vendor="YouTube" data-src="${EMBED}" width="320" height="180"></iframe>
</main></body>
</html>`;

let browser: Browser;
let site: Served;
let context: BrowserContext;
let net: Trackers;

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

async function open(): Promise<Page> {
  const tab = await context.newPage();
  await tab.goto(site.url('/index.html'));
  return tab;
}
async function fresh(): Promise<Page> {
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
  net = await trackers(context);
  return open();
}

const banner = (tab: Page) => tab.locator('#consentry-root').getByRole('dialog', { name: en.bannerTitle });
const placeholderButton = (tab: Page) => tab.locator('consentry-embed').getByRole('button');
const hasConsentCookie = async () => (await context.cookies()).some((cookie) => cookie.name == 'consentry');

/** Page script: every way it can click the button named `name` inside the open shadow root of `host`. */
const forgeClicks = (tab: Page, host: string, name: string) =>
  tab.evaluate(
    ([hostSelector, label]) => {
      const button = [...document.querySelector(hostSelector)!.shadowRoot!.querySelectorAll('button')].find(
        (b) => b.textContent!.trim() == label,
      )!;
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      button.dispatchEvent(new PointerEvent('click', { bubbles: true, composed: true, cancelable: true }));
      return button.isConnected;
    },
    [host, name] as const,
  );

describe('a click nobody made decides nothing', () => {
  it("a page script's click() on Accept all in the open shadow root leaves no record and the banner up", async () => {
    const tab = await fresh();
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    expect(await forgeClicks(tab, '#consentry-root', en.acceptAll)).toBe(true);
    expect(await tab.evaluate(() => window.consentry.get())).toBeNull();
    expect(await tab.evaluate(() => window.consentry.allowed('marketing'))).toBe(false);
    expect(await hasConsentCookie()).toBe(false);
    await expect(banner(tab).isVisible()).resolves.toBe(true);
  });

  it('control: the visitor clicking that same Accept all button decides', async () => {
    const tab = await fresh();
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    expect((await tab.evaluate(() => window.consentry.get()))?.method).toBe('accept-all');
    expect(await hasConsentCookie()).toBe(true);
  });

  it("a page script's click() on a placeholder's Allow and load allows nothing and loads nothing", async () => {
    const tab = await fresh();
    await placeholderButton(tab).waitFor();
    expect(await forgeClicks(tab, 'consentry-embed', en.embedAllow)).toBe(true);
    await waitQuiet(tab);
    expect(await tab.evaluate(() => window.consentry.allowed('marketing'))).toBe(false);
    expect(net.count('www.youtube.com')).toBe(0);
    expect(await hasConsentCookie()).toBe(false);
  });

  it('control: the visitor clicking that same Allow and load allows marketing and the embed loads', async () => {
    const tab = await fresh();
    await placeholderButton(tab).click();
    await net.waitFor('www.youtube.com/embed/forgery');
    expect(await tab.evaluate(() => window.consentry.allowed('marketing'))).toBe(true);
  });
});

describe('a record nobody decided, posted on the cross-tab channel, grants nothing', () => {
  const now = new Date().toISOString();
  const forged = {
    id: '0b7f6f1e-4f4a-4c3b-9d7e-2a1b3c4d5e6f',
    revision: '1',
    given: now,
    updated: now,
    method: 'accept-all',
    categories: { necessary: true, preferences: true, analytics: true, marketing: true },
  };

  it('the forged record is well-formed: only the consent cookie can tell it apart', () => {
    expect(toRecord(forged, resolveConfig({}))).toEqual(forged);
  });

  it('a well-formed record posted by a page script in one tab grants nothing in another', async () => {
    const victim = await fresh();
    const forger = await open();
    await banner(victim).waitFor();
    await forger.evaluate((record) => new BroadcastChannel('consentry').postMessage(record), forged);
    // The control below shows a real post arrives within a moment; give this one the same and more.
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await victim.evaluate(() => window.consentry.get())).toBeNull();
    expect(await victim.evaluate(() => window.consentry.allowed('marketing'))).toBe(false);
    await waitQuiet(victim);
    expect(net.count('www.youtube.com')).toBe(0);
    await expect(banner(victim).isVisible()).resolves.toBe(true);
  });

  it('control: a real decision in one tab reaches the other at once over the same channel', async () => {
    const other = await fresh();
    const decider = await open();
    await banner(other).waitFor();
    await banner(decider).getByRole('button', { name: en.acceptAll }).click();
    await other.waitForFunction(() => window.consentry.allowed('marketing'));
    expect((await other.evaluate(() => window.consentry.get()))?.method).toBe('accept-all');
  });
});
