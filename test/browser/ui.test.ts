/**
 * The banner and the preferences dialog as visitors meet them, in the system Chromium against dist/: under a strict
 * CSP, checked by axe-core, driven by the keyboard alone, and in the three built-in languages.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Consentry } from '../../src/core/types';
import en from '../../src/ui/i18n/en';
import zhHans from '../../src/ui/i18n/zh-Hans';
import zhHant from '../../src/ui/i18n/zh-Hant';
import { launch, type Served, serve, waitQuiet } from './harness';

declare global {
  interface Window {
    consentry: Consentry;
  }
}

const CONFIG = JSON.stringify({
  revision: '1',
  policyUrl: '/privacy.html',
  policyUpdated: '2026-11-01',
  categories: {
    analytics: {
      cookies: [{ name: '_ga', provider: 'Google Analytics', purpose: 'Counts visits.', lifetime: '2 years' }],
    },
    marketing: { cookies: [{ name: '_fbp', provider: 'Meta', purpose: 'Measures ads.', lifetime: '3 months' }] },
  },
});

// No inline script, no inline style: the same page is served with and without a strict CSP.
const page = (lang = 'en') => `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Shop</title>
<script type="application/json" id="consentry-config">${CONFIG}</script>
<script src="/consentry.js"></script>
</head>
<body>
<header><a href="/">Shop</a></header>
<main><h1>Shop</h1><p>Tea and cups.</p><button type="button" id="settings" data-consentry-open>Cookie settings</button></main>
</body>
</html>`;

const STRICT_CSP = "default-src 'self'";

let browser: Browser;
let site: Served;
let strict: Served;

beforeAll(async () => {
  browser = await launch();
  const files = {
    '/index.html': page(),
    '/zh-hant.html': page('zh-Hant'),
    '/zh-hans.html': page('zh-Hans'),
    '/privacy.html': '<!doctype html><html lang="en"><title>Privacy</title><main><h1>Privacy</h1></main></html>',
  };
  site = await serve(files);
  strict = await serve(files, { csp: STRICT_CSP });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await strict?.close();
});

let context: BrowserContext;
afterEach(async () => {
  await context?.close();
});

async function open(path = '/index.html', server = site): Promise<Page> {
  context = await browser.newContext();
  context.setDefaultTimeout(5000);
  const tab = await context.newPage();
  await tab.goto(server.url(path));
  return tab;
}

const root = (tab: Page) => tab.locator('#consentry-root');
// The UI's own strings, so a reworded label does not break these tests; the names still prove the labelling.
const banner = (tab: Page) => root(tab).getByRole('dialog', { name: en.bannerTitle });
const preferences = (tab: Page) => root(tab).getByRole('dialog', { name: en.preferencesTitle });
const ANALYTICS = en.categories.analytics.title;
const record = (tab: Page) => tab.evaluate(() => window.consentry.get());

/** The focused element, looking through shadow roots, described as `role-or-tag "text"`. */
const focused = (tab: Page) =>
  tab.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return 'body';
    return `${a.getAttribute('role') || a.tagName.toLowerCase()} "${(a.getAttribute('aria-label') || a.textContent || '').trim()}"`;
  });

/** Press Tab until the focused element's description starts with `target`; fails after `max` presses. */
async function tabTo(tab: Page, target: string, max = 25): Promise<void> {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await tab.keyboard.press('Tab');
    const now = await focused(tab);
    if (now.startsWith(target)) return;
    path.push(now);
  }
  throw new Error(`Tab never reached ${target}; focus went: ${path.join(' → ')}`);
}

/** Is focus (looking through shadow roots) inside the preferences dialog? */
async function focusInDialog(tab: Page): Promise<boolean> {
  const dialog = await preferences(tab).elementHandle({ timeout: 1000 });
  return tab.evaluate((d) => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return !!a && d.contains(a);
  }, dialog!);
}

describe('strict Content-Security-Policy', () => {
  /** A context on the strict server whose pages record every CSP violation, as events and as console lines. */
  async function watched(): Promise<{ tab: Page; violations: () => Promise<string[]>; logged: string[] }> {
    context = await browser.newContext();
    context.setDefaultTimeout(5000);
    // Init scripts run before the page's own scripts, whatever its CSP says.
    await context.addInitScript(() => {
      const w = window as any;
      w.violations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (e) => w.violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}`),
        true,
      );
    });
    const tab = await context.newPage();
    const logged: string[] = [];
    tab.on('console', (m) => /Content[ -]Security[ -]Policy|Refused to/i.test(m.text()) && logged.push(m.text()));
    const response = await tab.goto(strict.url('/index.html'));
    expect(response?.headers()['content-security-policy']).toBe(STRICT_CSP);
    return { tab, logged, violations: () => tab.evaluate(() => (window as any).violations) };
  }

  it(`shows and uses the banner and dialog under "${STRICT_CSP}" with zero violations`, async () => {
    const { tab, logged, violations } = await watched();
    // The UI's stylesheet applied: a blocked one would leave the banner in the page flow (and report a violation).
    await banner(tab).waitFor();
    expect(await banner(tab).evaluate((b) => getComputedStyle(b).position)).toBe('fixed');
    await banner(tab).getByRole('button', { name: en.customise }).click();
    await preferences(tab).getByRole('switch', { name: ANALYTICS }).click();
    await preferences(tab).getByRole('button', { name: en.save }).click();
    await preferences(tab).waitFor({ state: 'hidden' });
    expect((await record(tab))?.categories.analytics).toBe(true);

    await tab.reload();
    await tab.locator('#settings').click();
    await preferences(tab).getByRole('button', { name: en.rejectAll }).click();
    await preferences(tab).waitFor({ state: 'hidden' });
    await waitQuiet(tab);
    expect((await record(tab))?.method).toBe('reject-all');

    expect(await violations()).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('does catch a violation inside the shadow root (the control for the test above)', async () => {
    const { tab, logged, violations } = await watched();
    await banner(tab).waitFor();
    await tab.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'p { color: red }';
      document.getElementById('consentry-root')!.shadowRoot!.append(style);
    });
    await tab.waitForFunction(() => (window as any).violations.length > 0);
    expect(await violations()).toEqual(['style-src-elem blocked inline']);
    expect(logged).toHaveLength(1);
  });
});

describe('accessibility (axe-core)', () => {
  const axePath = createRequire(import.meta.url).resolve('axe-core');

  /** axe-core's violations on the whole document (it looks into open shadow roots), as readable lines. */
  async function axe(tab: Page): Promise<string[]> {
    await tab.addScriptTag({ path: axePath });
    return tab.evaluate(async () => {
      const results = await (window as any).axe.run(document);
      return results.violations.map(
        (v: any) =>
          `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(', ')}`,
      );
    });
  }

  it('does look into the shadow root (the control for the tests below)', async () => {
    const tab = await open();
    await banner(tab).waitFor();
    await tab.evaluate(() =>
      document.getElementById('consentry-root')!.shadowRoot!.append(document.createElement('button')),
    );
    expect((await axe(tab)).filter((v) => v.startsWith('button-name'))).toHaveLength(1);
  });

  it('finds zero violations on the page with the banner shown', async () => {
    const tab = await open();
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    expect(await axe(tab)).toEqual([]);
  });

  it('finds zero violations on the page with the preferences dialog open', async () => {
    const tab = await open();
    await banner(tab).getByRole('button', { name: en.customise }).click();
    await preferences(tab).getByRole('switch', { name: ANALYTICS }).waitFor();
    expect(await axe(tab)).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('accepts all with Tab and Enter', async () => {
    const tab = await open();
    await banner(tab).waitFor();
    await tabTo(tab, `button "${en.acceptAll}"`);
    await tab.keyboard.press('Enter');
    await banner(tab).waitFor({ state: 'hidden' });
    expect((await record(tab))?.method).toBe('accept-all');
  });

  it('rejects all with Tab and Enter', async () => {
    const tab = await open();
    await banner(tab).waitFor();
    await tabTo(tab, `button "${en.rejectAll}"`);
    await tab.keyboard.press('Enter');
    await banner(tab).waitFor({ state: 'hidden' });
    const r = await record(tab);
    expect(r?.method).toBe('reject-all');
    expect(r?.categories).toEqual({ necessary: true, preferences: false, analytics: false, marketing: false });
  });

  it('customises: opens the dialog, toggles a switch with Space and saves', async () => {
    const tab = await open();
    await banner(tab).waitFor();
    await tabTo(tab, `button "${en.customise}"`);
    await tab.keyboard.press('Enter');
    await preferences(tab).waitFor();
    expect(await focusInDialog(tab)).toBe(true);
    const analytics: Locator = preferences(tab).getByRole('switch', { name: ANALYTICS });
    expect(await analytics.getAttribute('aria-checked')).toBe('false');
    await tabTo(tab, `switch "${ANALYTICS}`);
    await tab.keyboard.press('Space');
    expect(await analytics.getAttribute('aria-checked')).toBe('true');
    await tabTo(tab, `button "${en.save}"`);
    await tab.keyboard.press('Enter');
    await preferences(tab).waitFor({ state: 'hidden' });
    const r = await record(tab);
    expect(r?.method).toBe('custom');
    expect(r?.categories).toEqual({ necessary: true, preferences: false, analytics: true, marketing: false });
  });

  it('traps focus inside the open dialog, forwards and backwards', async () => {
    const tab = await open();
    await banner(tab).getByRole('button', { name: en.customise }).click();
    await preferences(tab).waitFor();
    // More presses each way than the dialog has tab stops, so focus must wrap at both ends.
    const stops = await preferences(tab).evaluate(
      (d) =>
        d.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]')
          .length,
    );
    expect(stops).toBeGreaterThan(3);
    const escaped: string[] = [];
    for (const key of [...Array(stops + 2).fill('Tab'), ...Array(stops + 2).fill('Shift+Tab')]) {
      await tab.keyboard.press(key);
      if (!(await focusInDialog(tab))) escaped.push(`${key} → ${await focused(tab)}`);
    }
    expect(escaped).toEqual([]);
  });

  it('closes the dialog with Escape without deciding', async () => {
    const tab = await open();
    await banner(tab).getByRole('button', { name: en.customise }).click();
    await preferences(tab).waitFor();
    await tab.keyboard.press('Escape');
    await preferences(tab).waitFor({ state: 'hidden' });
    expect(await record(tab)).toBeNull();
    // With no choice on record, the question is still open.
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
  });
});

describe('languages', () => {
  it('has Traditional and Simplified Chinese that differ where the scripts differ', () => {
    expect(zhHant.rejectAll).toContain('拒絕');
    expect(zhHans.rejectAll).toContain('拒绝');
  });

  const cases = [
    { lang: 'zh-Hant', path: '/zh-hant.html', t: zhHant },
    { lang: 'zh-Hans', path: '/zh-hans.html', t: zhHans },
  ];

  for (const { lang, path, t } of cases)
    it(`shows the banner and dialog in ${lang} when the page says <html lang="${lang}">`, async () => {
      const tab = await open(path);
      const dialog = root(tab).getByRole('dialog', { name: t.bannerTitle });
      await dialog.waitFor();
      for (const name of [t.acceptAll, t.rejectAll, t.customise])
        expect(await dialog.getByRole('button', { name, exact: true }).count()).toBe(1);
      expect(await root(tab).getByRole('button', { name: en.acceptAll }).count()).toBe(0);
      await dialog.getByRole('button', { name: t.customise, exact: true }).click();
      await root(tab)
        .getByRole('dialog', { name: t.preferencesTitle })
        .getByRole('switch', { name: t.categories.analytics.title })
        .waitFor();
    });
});
