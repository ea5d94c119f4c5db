import { Window } from 'happy-dom';
import type { BlockerOptions } from '../../src/block/index';
import type { MatcherOptions } from '../../src/catalogue/matcher';
import type { Consentry } from '../../src/core/types';
import { start } from '../../src/loader/start';
import { clearCookies, makeApi } from '../core/harness';

const calls = vi.hoisted(() => ({ blocker: [] as any[], matcher: [] as any[], dataLayerAtInstall: [] as unknown[] }));
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
  installBlocker: (realm: any, o: BlockerOptions) => {
    calls.blocker.push(o);
    calls.dataLayerAtInstall.push(realm.dataLayer && [...realm.dataLayer]);
    return { release: vi.fn(), purge: vi.fn() };
  },
}));

type W = Window & { consentry: Consentry; dataLayer: IArguments[] };
let win: W;
const never = () => new Promise<never>(() => {});
/** Lazy parts that never arrive, counting what was asked for; `texts` answers with a language's placeholder strings. */
const lazyParts = (texts: (lang: string) => Promise<any> = never) => ({ ui: vi.fn(never), texts: vi.fn(texts) });
const boot = (config: unknown = {}, parts = lazyParts()) => ({ api: start(win as any, config, parts), parts });

beforeEach(() => {
  win = new Window({ url: 'https://example.com/' }) as unknown as W;
  calls.blocker = [];
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

  it('a returning visitor with a valid record loads no UI, and Consent Mode is updated at once', () => {
    makeApi().api.set({ analytics: true });
    const cookie = document.cookie;
    win.document.cookie = cookie.split('; ').find((c) => c.startsWith('consentry='))!;
    const { api, parts } = boot();
    expect(parts.ui).not.toHaveBeenCalled();
    expect(parts.texts).not.toHaveBeenCalled();
    expect(api.allowed('analytics')).toBe(true);
    expect([...win.dataLayer[2]].slice(0, 2)).toEqual(['consent', 'update']);
  });

  it('a returning visitor loads the UI only to draw the floating open button when the site asks for it', () => {
    makeApi().api.set({ analytics: true });
    win.document.cookie = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!;
    const { parts } = boot({ openButton: true });
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
    makeApi().api.rejectAll();
    win.document.cookie = document.cookie.split('; ').find((c) => c.startsWith('consentry='))!;
    start(win as any, {}, parts);
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

  it('gives the blocker the placeholder strings of the page language, with config overrides on top', async () => {
    win.document.documentElement.lang = 'zh-TW';
    const parts = lazyParts(async () => ({ embedBlocked: '已封鎖 {vendor}', embedAllow: '允許' }));
    boot({ texts: { 'zh-Hant': { embedAllow: '載入' } } }, parts);
    expect(parts.texts).toHaveBeenCalledTimes(1);
    expect(parts.texts).toHaveBeenCalledWith('zh-Hant');
    await expect(calls.blocker[0].texts()).resolves.toEqual({ blocked: '已封鎖 {vendor}', allow: '載入' });
  });

  it('fetches the language file once for the banner and the placeholders together', async () => {
    const parts = lazyParts(async () => ({ embedBlocked: 'b', embedAllow: 'a' }));
    boot({}, parts);
    await calls.blocker[0].texts();
    await calls.blocker[0].texts();
    expect(parts.texts).toHaveBeenCalledTimes(1);
  });

  it('"allow and load" on a placeholder allows that category', () => {
    const { api } = boot();
    calls.blocker[0].onAllow('marketing');
    expect(api.allowed('marketing')).toBe(true);
    expect(api.get()?.method).toBe('api');
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
