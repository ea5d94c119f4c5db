/**
 * The banner, the preferences dialog and the floating open button as visitors meet them, in the system Chromium
 * against dist/: under a strict CSP, checked by axe-core, driven by the keyboard alone, with the visitor's record,
 * and in every built-in language.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/core/language';
import type { Consentry } from '../../src/core/types';
import type { LanguageTexts } from '../../src/core/ui-contract';
import { OPEN_BUTTON_LABELS } from '../../src/loader/open-button-labels';
import ar from '../../src/ui/i18n/ar';
import de from '../../src/ui/i18n/de';
import en from '../../src/ui/i18n/en';
import pt from '../../src/ui/i18n/pt';
import zhHans from '../../src/ui/i18n/zh-Hans';
import zhHant from '../../src/ui/i18n/zh-Hant';
import { launch, type Served, serve, waitQuiet } from './harness';

const builtIn = import.meta.glob<LanguageTexts>('../../src/ui/i18n/*.ts', { eager: true, import: 'default' });
const textsOf = (lang: string) => builtIn[`../../src/ui/i18n/${lang}.ts`];

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

/**
 * The one-tag install with no configuration at all; `body` adds to the page (a footer link, say), `loader` to the
 * script tag, `html` to the root element.
 */
const bare = ({ html = 'lang="en"', loader = '', body = '' } = {}) => `<!doctype html>
<html ${html}>
<head>
<meta charset="utf-8">
<title>Shop</title>
<script src="/consentry.js"${loader}></script>
</head>
<body>
<header><a href="/">Shop</a></header>
<main><h1>Shop</h1><p>Tea and cups.</p><p><a href="/tea">Tea</a></p></main>${body}
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
    ...Object.fromEntries(LANGUAGES.map((lang) => [`/lang/${lang}.html`, page(lang)])),
    '/bare.html': bare(),
    '/footer.html': bare({ body: '<footer><a href="/cookies" data-consentry-open>Cookie settings</a></footer>' }),
    // A single-page app's footer, rendered by page code once the page has loaded.
    '/late-footer.html': bare({
      body: `<script>addEventListener('load', () => document.body.insertAdjacentHTML('beforeend',
        '<footer><a href="/cookies" data-consentry-open>Cookie settings</a></footer>'));</script>`,
    }),
    '/ar.html': bare({ html: 'lang="ar"' }),
    '/ar-rtl.html': bare({ html: 'lang="ar" dir="rtl"' }),
    '/de-at.html': bare({ html: 'lang="de-AT"' }),
    '/no-lang.html': bare({ html: '' }),
    '/minors.html': bare({ html: 'lang="de"', loader: ' data-minors-notice' }),
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
  // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
  context.setDefaultNavigationTimeout(20_000);
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
/** The floating open button, in its own shadow host (outside #consentry-root). */
const openButton = (tab: Page, name = OPEN_BUTTON_LABELS.en) =>
  tab.locator('consentry-open').getByRole('button', { name, exact: true });
/** Paths `server` was asked for from index `from` on, without query strings or the favicon. */
const fetched = (from: number, server = site) =>
  server.log
    .slice(from)
    .map((path) => path.split('?')[0])
    .filter((path) => path != '/favicon.ico');

/** The focused element, looking through shadow roots, described as `role-or-tag "text"`. */
const focused = (tab: Page) =>
  tab.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return 'body';
    const name = a.getAttribute('aria-label') || a.textContent?.trim() || a.getAttribute('title') || '';
    return `${a.getAttribute('role') || a.tagName.toLowerCase()} "${name.trim()}"`;
  });

const axePath = createRequire(import.meta.url).resolve('axe-core');

/** axe-core's violations on the whole document (it looks into open shadow roots), as readable lines. */
async function axe(tab: Page): Promise<string[]> {
  await tab.addScriptTag({ path: axePath });
  return tab.evaluate(async () => {
    const results = await (window as any).axe.run(document);
    return results.violations.map(
      (v: any) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n: any) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
}

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
  async function watched(path = '/index.html'): Promise<{
    tab: Page;
    violations: () => Promise<string[]>;
    logged: string[];
  }> {
    context = await browser.newContext();
    context.setDefaultTimeout(5000);
    // A ceiling, not a wait: page loads slow down when the whole suite shares two cores.
    context.setDefaultNavigationTimeout(20_000);
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
    const response = await tab.goto(strict.url(path));
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

  it(`shows and uses the floating open button under "${STRICT_CSP}" with zero violations`, async () => {
    const { tab, logged, violations } = await watched('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.reload();
    const button = openButton(tab);
    expect(await button.evaluate((b) => getComputedStyle(b).position)).toBe('fixed');
    await button.click();
    await preferences(tab).waitFor();
    await waitQuiet(tab);
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

describe('the floating open button', () => {
  it('appears on a zero-configuration page once the visitor decides, in the bottom corner where lines start', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.acceptAll }).waitFor();
    expect(await tab.locator('consentry-open').count()).toBe(0);
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    const box = await openButton(tab).evaluate((b) => {
      const r = b.getBoundingClientRect();
      return { left: r.left, bottom: innerHeight - r.bottom, width: r.width, height: r.height };
    });
    expect(box).toEqual({ left: 16, bottom: 16, width: 44, height: 44 });
  });

  it('on a returning visit fetches nothing but the page and the loader, until it is clicked', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    const from = site.log.length;
    await tab.reload();
    await openButton(tab).waitFor();
    await waitQuiet(tab);
    expect(fetched(from)).toEqual(['/bare.html', '/consentry.js']);
    await openButton(tab).click();
    await preferences(tab).waitFor();
    expect(fetched(from)).toContain('/consentry-ui.js');
  });

  it("on a returning visit is drawn only once the page's load event has fired", async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.addInitScript(() =>
      addEventListener('load', () => {
        (window as any).buttonAtLoad = !!document.querySelector('consentry-open');
      }),
    );
    await tab.reload();
    await openButton(tab).waitFor();
    expect(await tab.evaluate(() => (window as any).buttonAtLoad)).toBe(false);
  });

  it('known limit: on a first visit the load event waits for the banner, whose two files are async scripts', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).waitFor();
    const timing = await tab.evaluate(() => ({
      load: performance.getEntriesByType('navigation')[0].toJSON().loadEventStart as number,
      ui: (
        performance.getEntriesByName(new URL('/consentry-ui.js', location.href).href)[0] as PerformanceResourceTiming
      )?.responseEnd,
    }));
    expect(timing.ui).toBeLessThanOrEqual(timing.load);
  });

  it('is reached by Tab after the page’s own links, opens the dialog with Enter and gets focus back on Escape', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.reload();
    await openButton(tab).waitFor();
    const from = site.log.length;
    const stops: string[] = [];
    for (let i = 0; i < 3; i++) {
      await tab.keyboard.press('Tab');
      stops.push(await focused(tab));
    }
    // Last in the tab order: it never stands between a keyboard user and the page.
    expect(stops).toEqual(['a "Shop"', 'a "Tea"', `button "${OPEN_BUTTON_LABELS.en}"`]);
    expect(fetched(from)).not.toContain('/consentry-ui.js');
    await tab.keyboard.press('Enter');
    await preferences(tab).waitFor();
    expect(await focusInDialog(tab)).toBe(true);
    await tab.keyboard.press('Escape');
    await preferences(tab).waitFor({ state: 'hidden' });
    expect(await focused(tab)).toBe(`button "${OPEN_BUTTON_LABELS.en}"`);
  });

  it('does not appear, and nothing is fetched for it, when the page has its own data-consentry-open link', async () => {
    const tab = await open('/footer.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    const from = site.log.length;
    await tab.reload();
    await waitQuiet(tab);
    expect(await tab.locator('consentry-open').count()).toBe(0);
    expect(fetched(from)).toEqual(['/footer.html', '/consentry.js']);
    await tab.getByRole('link', { name: 'Cookie settings' }).click();
    await preferences(tab).waitFor();
  });

  it('stays when page code adds a data-consentry-open link after DOMContentLoaded (known limit: "auto" looks once)', async () => {
    const tab = await open('/late-footer.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await tab.reload();
    await tab.getByRole('link', { name: 'Cookie settings' }).waitFor();
    await openButton(tab).waitFor();
  });

  it('goes away while the banner asks again after reset(), and comes back with the next decision', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    await openButton(tab).waitFor();
    await tab.evaluate(() => window.consentry.reset());
    await banner(tab).waitFor();
    expect(await tab.locator('consentry-open').count()).toBe(0);
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await openButton(tab).waitFor();
  });

  it('sits in the bottom-right corner of a right-to-left page, labelled in Arabic', async () => {
    const tab = await open('/ar-rtl.html');
    await root(tab).getByRole('button', { name: ar.rejectAll, exact: true }).click();
    const box = await openButton(tab, OPEN_BUTTON_LABELS.ar).evaluate((b) => {
      const r = b.getBoundingClientRect();
      return { right: document.documentElement.clientWidth - r.right, bottom: innerHeight - r.bottom };
    });
    expect(box).toEqual({ right: 16, bottom: 16 });
  });

  it("is labelled in the page's language from the loader alone: with consentry-de.js gone, still in German", async () => {
    const tab = await open('/de-at.html');
    await root(tab).getByRole('button', { name: de.rejectAll, exact: true }).click();
    await tab.route(
      (url) => url.pathname.endsWith('/consentry-de.js'),
      (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }),
    );
    const errors: string[] = [];
    tab.on('console', (m) => m.type() == 'error' && errors.push(m.text()));
    await tab.reload();
    await openButton(tab, OPEN_BUTTON_LABELS.de).waitFor();
    expect(await tab.locator('consentry-open').getAttribute('lang')).toBe('de');
    expect(errors).toEqual([]);
  });

  it('finds zero axe violations on the page with the button shown', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.rejectAll }).click();
    await openButton(tab).waitFor();
    expect(await axe(tab)).toEqual([]);
  });
});

describe("the visitor's record in the dialog", () => {
  it('shows the consent id and when the choice was given and last changed, in the visitor’s language', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    await tab.reload();
    await openButton(tab).click();
    const table = preferences(tab).getByRole('table', { name: en.recordTitle });
    const rows = await table
      .locator('tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent]),
      );
    const stored = (await record(tab))!;
    const long = (iso: string) =>
      tab.evaluate(
        (t) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(t)),
        iso,
      );
    expect(rows).toEqual([
      [en.recordId, stored.id],
      [en.recordGiven, await long(stored.given)],
      [en.recordUpdated, await long(stored.updated)],
      [en.recordMethod, en.methodAcceptAll],
    ]);
  });

  it('withdraws everything with Withdraw all: the same id, only necessary left, and the page reloads', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.acceptAll }).click();
    const accepted = (await record(tab))!;
    await openButton(tab).click();
    const reloaded = tab.waitForEvent('framenavigated');
    await preferences(tab).getByRole('button', { name: en.withdrawAll }).click();
    await reloaded;
    await openButton(tab).waitFor();
    const withdrawn = (await record(tab))!;
    expect(withdrawn).toMatchObject({ id: accepted.id, given: accepted.given, method: 'reject-all' });
    expect(withdrawn.categories).toEqual({ necessary: true, preferences: false, analytics: false, marketing: false });
    expect(withdrawn.updated > accepted.updated).toBe(true);
  });

  it('says there is no choice yet when the dialog opens before any decision', async () => {
    const tab = await open('/bare.html');
    await banner(tab).getByRole('button', { name: en.customise }).click();
    await preferences(tab).getByText(en.recordNone).waitFor();
    expect(await preferences(tab).getByRole('button', { name: en.withdrawAll }).count()).toBe(0);
  });
});

describe('languages', () => {
  it('has Traditional and Simplified Chinese that differ where the scripts differ', () => {
    expect(zhHant.rejectAll).toContain('拒絕');
    expect(zhHans.rejectAll).toContain('拒绝');
  });

  for (const lang of LANGUAGES.filter((tag) => tag != 'en'))
    it(`shows the banner and dialog in ${lang} when the page says <html lang="${lang}">`, async () => {
      const t = textsOf(lang);
      const tab = await open(`/lang/${lang}.html`);
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

  it('picks German for <html lang="de-AT">', async () => {
    const from = site.log.length;
    const tab = await open('/de-at.html');
    await root(tab).getByRole('dialog', { name: de.bannerTitle }).waitFor();
    expect(fetched(from)).toContain('/consentry-de.js');
  });

  it('picks Portuguese for a browser set to pt-BR on a page that names no language', async () => {
    context = await browser.newContext({ locale: 'pt-BR' });
    const tab = await context.newPage();
    await tab.goto(site.url('/no-lang.html'));
    expect(await tab.evaluate(() => navigator.languages[0])).toBe('pt-BR');
    await root(tab).getByRole('dialog', { name: pt.bannerTitle }).waitFor();
  });

  it('renders Arabic right to left on a left-to-right page, with zero axe violations (none serious or other)', async () => {
    const tab = await open('/ar.html');
    const arBanner = root(tab).getByRole('dialog', { name: ar.bannerTitle });
    await arBanner.getByRole('button', { name: ar.acceptAll, exact: true }).waitFor();
    expect(await tab.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
    expect(await arBanner.evaluate((b) => getComputedStyle(b).direction)).toBe('rtl');
    // Right to left: the first button of the row sits on the right.
    const [accept, reject] = await arBanner
      .getByRole('button')
      .evaluateAll((buttons) => buttons.slice(0, 2).map((b) => b.getBoundingClientRect().left));
    expect(accept).toBeGreaterThan(reject);
    expect(await axe(tab)).toEqual([]);
    await arBanner.getByRole('button', { name: ar.customise, exact: true }).click();
    await root(tab).getByRole('dialog', { name: ar.preferencesTitle }).getByText(ar.recordNone).waitFor();
    expect(await axe(tab)).toEqual([]);
  });

  it('adds the guardian line in the page’s language with data-minors-notice', async () => {
    const tab = await open('/minors.html');
    await root(tab).getByRole('dialog', { name: de.bannerTitle }).getByText(de.minorsNotice).waitFor();
  });
});
