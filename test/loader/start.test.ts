import { Window } from 'happy-dom';
import type { BlockerOptions } from '../../src/block/index';
import type { MatcherOptions } from '../../src/catalogue/matcher';
import type { Consentry } from '../../src/core/types';
import { start } from '../../src/loader/start';
import { clearCookies, makeApi } from '../core/harness';

const calls = vi.hoisted(() => ({
  blocker: [] as any[],
  dormant: [] as unknown[],
  guard: vi.fn(),
  matcher: [] as any[],
  dataLayerAtInstall: [] as unknown[],
}));
vi.mock('../../src/catalogue/matcher', () => ({
  createMatcher: (o: MatcherOptions) => {
    calls.matcher.push(o);
    return {
      url: (u: string) =>
        u.includes('google-analytics') ? { category: 'analytics', vendor: 'Google Analytics' } : undefined,
      cookie: () => undefined,
    };
  },
}));
vi.mock('../../src/block/index', () => ({
  installBlocker: (realm: any, o: BlockerOptions, dormant?: boolean) => {
    calls.blocker.push(o);
    calls.dormant.push(!!dormant);
    calls.dataLayerAtInstall.push(realm.dataLayer && [...realm.dataLayer]);
    return { release: vi.fn(), guard: calls.guard };
  },
}));

type W = Window & { consentry: Consentry; dataLayer: IArguments[] };
let win: W;
const never = () => new Promise<never>(() => {});
/** Lazy parts that never arrive, counting what was asked for; `texts` answers with a language's placeholder strings. */
const lazyParts = (texts: (lang: string) => Promise<any> = never) => ({
  ui: vi.fn(never),
  texts: vi.fn(texts),
  later: vi.fn(never),
});
/** Lazy parts whose language file and later chunk arrive; `placePlaceholder` records what it was given. */
const arriving = () => {
  const placePlaceholder = vi.fn();
  const parts = lazyParts(async () => ({ embedBlocked: '已封鎖 {vendor}', embedAllow: '允許' }));
  parts.later.mockResolvedValue({ placePlaceholder, purgeCookies: vi.fn(), sendReceipt: vi.fn() } as never);
  return { parts, placePlaceholder };
};
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
const boot = (config: unknown = {}, parts = lazyParts()) => ({ api: start(win as any, config, parts), parts });
/** Gives the test window the consent cookie of a visitor who decided (allowing analytics). */
const returning = () => {
  makeApi().api.set({ analytics: true });
  win.document.cookie = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!;
};
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const openButton = () =>
  win.document.querySelector('consentry-open')?.shadowRoot?.querySelector('button') as HTMLButtonElement | undefined;

beforeEach(() => {
  win = new Window({ url: 'https://example.com/' }) as unknown as W;
  calls.blocker = [];
  calls.dormant = [];
  calls.guard.mockReset();
  calls.matcher = [];
  calls.dataLayerAtInstall = [];
  clearCookies();
});
afterEach(() => {
  vi.restoreAllMocks();
  (win as any).happyDOM.close();
});

describe('start', () => {
  it('pushes the Consent Mode default before the blocker installs', () => {
    boot();
    expect([...(calls.dataLayerAtInstall[0] as IArguments[])[0]].slice(0, 2)).toEqual(['consent', 'default']);
  });

  it('defines window.consentry so a page cannot replace it', () => {
    const { api } = boot();
    expect(win.consentry).toBe(api);
    try {
      (win as any).consentry = {};
    } catch {}
    expect(win.consentry).toBe(api);
  });

  it('a second copy warns, installs nothing and returns the running API', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { api } = boot();
    expect(start(win as any, {}, lazyParts())).toBe(api);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(calls.blocker).toHaveLength(1);
  });

  it('asks the UI for the banner when there is no valid record', () => {
    const { parts } = boot();
    expect(parts.ui).toHaveBeenCalledTimes(1);
  });

  it("starts downloading the banner's files before the blocker installs", () => {
    const parts = lazyParts();
    let blockersWhenAsked = -1;
    parts.ui.mockImplementation(() => {
      blockersWhenAsked = calls.blocker.length;
      return never();
    });
    boot({}, parts);
    expect(blockersWhenAsked).toBe(0);
    expect(parts.texts).toHaveBeenCalledWith('en');
  });

  it('a returning visitor with a valid record loads no UI, and Consent Mode is updated at once', () => {
    returning();
    const { api, parts } = boot({ openButton: false });
    expect(parts.ui).not.toHaveBeenCalled();
    expect(parts.texts).not.toHaveBeenCalled();
    expect(api.allowed('analytics')).toBe(true);
    expect([...win.dataLayer[2]].slice(0, 2)).toEqual(['consent', 'update']);
  });

  it("a returning visitor gets the floating open button by default, labelled in the page's language, with no UI chunk and no language file", async () => {
    returning();
    win.document.documentElement.lang = 'pt-BR';
    const { parts } = boot();
    await flush();
    expect(parts.texts).not.toHaveBeenCalled();
    expect(parts.ui).not.toHaveBeenCalled();
    expect(openButton()?.title).toBe('Opções de cookies');
  });

  it("labels the open button with the site's own text without fetching the language file", async () => {
    returning();
    const { parts } = boot({ texts: { en: { openButton: 'Privacy choices' } } });
    await flush();
    expect(openButton()?.title).toBe('Privacy choices');
    expect(parts.texts).not.toHaveBeenCalled();
  });

  it('loads the UI chunk only when the open button is clicked, and asks it for the preferences', async () => {
    returning();
    const { api, parts } = boot();
    const showPreferences = vi.spyOn(api, 'showPreferences');
    await flush();
    expect(parts.ui).not.toHaveBeenCalled();
    // The document sees a click in a shadow root as a click on its host; happy-dom does not retarget, so the click
    // is sent as the document receives it (the browser suite clicks the button itself).
    win.document.querySelector('consentry-open')!.dispatchEvent(new win.MouseEvent('click', { bubbles: true }));
    expect(showPreferences).toHaveBeenCalledTimes(1);
    expect(parts.ui).toHaveBeenCalledTimes(1);
  });

  it('emits ready with the record (or null) once the DOM is ready, replayed to late listeners', () => {
    const { api } = boot();
    const fn = vi.fn();
    api.on('ready', fn);
    expect(fn).toHaveBeenCalledWith(null);
  });

  it('any element with data-consentry-open opens the preferences, and a link does not navigate', () => {
    const parts = lazyParts();
    returning();
    start(win as any, { openButton: false }, parts);
    win.document.body.innerHTML = '<a href="/cookies" data-consentry-open><span>Cookie settings</span></a>';
    const click = new win.MouseEvent('click', { bubbles: true, cancelable: true });
    win.document.querySelector('span')!.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(parts.ui).toHaveBeenCalledTimes(1);
  });

  it('builds the matcher from the config rules, exceptions and category cookie tables', () => {
    boot({
      rules: [{ match: 't.example', category: 'analytics' }],
      allow: ['self.example'],
      categories: { analytics: { cookies: [{ name: '_x*', provider: 'X' }] } },
    });
    expect(calls.matcher[0]).toMatchObject({
      rules: [{ match: 't.example', category: 'analytics' }],
      allow: ['self.example'],
      cookies: [{ name: '_x*', category: 'analytics', vendor: 'X' }],
      base: 'https://example.com/',
    });
  });

  it('keeps the consent and session cookies away from the blocker', () => {
    boot({ cookie: { name: 'c' }, session: { name: 's' } });
    expect(calls.blocker[0].keep).toEqual(['c', 's']);
  });

  it("draws a blocked iframe's placeholder from the later chunk, in the page language, with config overrides", async () => {
    win.document.documentElement.lang = 'zh-TW';
    const { parts, placePlaceholder } = arriving();
    boot({ texts: { 'zh-Hant': { embedAllow: '載入' } } }, parts);
    const frame = win.document.createElement('iframe');
    calls.blocker[0].placeholder(frame);
    await settled();
    expect(parts.texts).toHaveBeenCalledWith('zh-Hant');
    expect(placePlaceholder.mock.calls[0][0]).toBe(frame);
    expect(placePlaceholder.mock.calls[0][1]).toEqual({ blocked: '已封鎖 {vendor}', allow: '載入' });
  });

  it('fetches the language file and the later chunk once, however many embeds and views need them', async () => {
    const { parts } = arriving();
    boot({}, parts);
    for (let i = 0; i < 3; i++) calls.blocker[0].placeholder(win.document.createElement('iframe'));
    await settled();
    expect(parts.texts).toHaveBeenCalledTimes(1);
    expect(parts.later).toHaveBeenCalledTimes(1);
  });

  it('says once when the later chunk cannot load, and the embed stays blocked', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const parts = lazyParts(async () => ({ embedBlocked: 'b', embedAllow: 'a' }));
    parts.later.mockRejectedValue(new Error('offline'));
    boot({}, parts);
    calls.blocker[0].placeholder(win.document.createElement('iframe'));
    calls.blocker[0].placeholder(win.document.createElement('iframe'));
    await settled();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/consentry-later\.js could not load; blocking stays on/);
  });

  it('"allow and load" on a placeholder allows that category', async () => {
    const { parts, placePlaceholder } = arriving();
    const { api } = boot({}, parts);
    calls.blocker[0].placeholder(win.document.createElement('iframe'));
    await settled();
    const onAllow = placePlaceholder.mock.calls[0][2];
    onAllow('marketing');
    expect(api.allowed('marketing')).toBe(true);
    expect(api.get()?.method).toBe('api');
  });

  it('gives a new visitor a blocker that guards at once', () => {
    boot();
    expect(calls.dormant[0]).toBe(false);
  });

  it('gives a returning visitor who allowed everything a dormant blocker', () => {
    makeApi().api.acceptAll();
    win.document.cookie = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!;
    boot();
    expect(calls.dormant[0]).toBe(true);
  });

  it('wakes a dormant blocker on a withdrawal, before the site hears of the change', () => {
    makeApi().api.acceptAll();
    win.document.cookie = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!;
    const { api } = boot({ reloadOnWithdraw: false });
    const order: string[] = [];
    calls.guard.mockImplementation(() => order.push('guard'));
    api.on('change', () => order.push('site'));
    api.set({ marketing: false });
    expect(order).toEqual(['guard', 'site']);
  });

  it('reports what the blocker held back through blocked() and the blocked event', () => {
    const { api } = boot();
    const fn = vi.fn();
    api.on('blocked', fn);
    const item = { kind: 'script', url: 'https://t.example/a.js', category: 'analytics', vendor: 'T', time: 0 };
    calls.blocker[0].report(item);
    expect(api.blocked()).toEqual([item]);
    expect(fn).toHaveBeenCalledWith(item);
  });

  it('in advanced Consent Mode, the blocker lets Google tag hosts through', () => {
    boot({ consentMode: 'advanced' });
    expect(calls.blocker[0].matcher.url('https://www.google-analytics.com/g/collect')).toBeUndefined();
  });

  it('in basic Consent Mode, the blocker holds Google tag hosts', () => {
    boot();
    expect(calls.blocker[0].matcher.url('https://www.google-analytics.com/g/collect')).toMatchObject({
      category: 'analytics',
    });
  });
});
