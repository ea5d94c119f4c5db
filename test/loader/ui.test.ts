import { createUiController, loadChunk } from '../../src/loader/ui';
import type { MountUI, UIContext } from '../../src/ui/types';
import { TEXTS_EVENT, UI_EVENT } from '../../src/ui/types';
import en from '../../src/ui/i18n/en';
import { clearCookies, makeApi } from '../core/harness';

const loaderTag = (src: string, nonce = '') => {
  const s = document.createElement('script');
  s.src = src;
  s.nonce = nonce;
  return s;
};
// happy-dom does not load script files: keep the element out of the document and play its events by hand.
let appended: HTMLScriptElement[] = [];
const fakeMount = () => {
  const handle = { show: vi.fn(), hide: vi.fn() };
  const mount = vi.fn<MountUI>(() => handle);
  return { handle, mount };
};
const ctx = () => ({}) as UIContext;
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  document.head.innerHTML = '';
  appended = [];
  vi.spyOn(document.head, 'appendChild').mockImplementation((n) => (appended.push(n as HTMLScriptElement), n));
  clearCookies();
});
afterEach(() => vi.restoreAllMocks());

const announce = () => window.dispatchEvent(new CustomEvent(TEXTS_EVENT, { detail: en }));
const byName = (name: string) => appended.find((s) => s.src.endsWith('/' + name))!;

describe('loadChunk', () => {
  it("inserts async consentry-ui.js and consentry-<lang>.js next to the loader, at once, with the loader's nonce", () => {
    loadChunk(window, loaderTag('https://cdn.example.com/c/consentry.js', 'n0nce'))('zh-Hant').catch(() => {});
    expect(appended.map((s) => s.src)).toEqual([
      'https://cdn.example.com/c/consentry-ui.js',
      'https://cdn.example.com/c/consentry-zh-Hant.js',
    ]);
    for (const s of appended) {
      expect(s.async).toBe(true);
      expect(s.nonce).toBe('n0nce');
    }
  });
  it('resolves, once both have announced themselves, with a mount that passes the strings on', async () => {
    const p = loadChunk(window, loaderTag('/consentry.js'))('en');
    const { mount, handle } = fakeMount();
    announce();
    window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: mount }));
    const got = await p;
    expect(got({ lang: 'en' } as UIContext)).toBe(handle);
    expect(mount).toHaveBeenCalledWith({ lang: 'en', texts: en });
  });
  it('rejects when the chunk fails to load', async () => {
    const p = loadChunk(window, loaderTag('/consentry.js'))('en');
    announce();
    byName('consentry-ui.js').dispatchEvent(new Event('error'));
    await expect(p).rejects.toThrow('consentry-ui.js');
  });
  it('rejects when the language file fails to load', async () => {
    const p = loadChunk(window, loaderTag('/consentry.js'))('en');
    window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: fakeMount().mount }));
    byName('consentry-en.js').dispatchEvent(new Event('error'));
    await expect(p).rejects.toThrow('consentry-en.js');
  });
  it('rejects when the chunk loads without announcing mount', async () => {
    const p = loadChunk(window, loaderTag('/consentry.js'))('en');
    byName('consentry-ui.js').dispatchEvent(new Event('load'));
    await expect(p).rejects.toThrow();
  });
});

describe('createUiController', () => {
  it('loads the UI on first need only, and mounts it once', async () => {
    const { mount, handle } = fakeMount();
    const load = vi.fn(async () => mount);
    const ui = createUiController(window, load, ctx);
    expect(load).not.toHaveBeenCalled();
    ui.show('banner');
    ui.show('preferences');
    await flush();
    ui.show('banner');
    expect(load).toHaveBeenCalledTimes(1);
    expect(mount).toHaveBeenCalledTimes(1);
    expect(handle.show.mock.calls).toEqual([['preferences'], ['banner']]);
  });
  it('shows the last view asked for before the chunk arrived', async () => {
    const { mount, handle } = fakeMount();
    const ui = createUiController(window, async () => mount, ctx);
    ui.show('banner');
    ui.show('preferences');
    await flush();
    expect(handle.show.mock.calls).toEqual([['preferences']]);
  });
  it('a hide before the chunk arrived cancels the queued view', async () => {
    const { mount, handle } = fakeMount();
    const ui = createUiController(window, async () => mount, ctx);
    ui.show('banner');
    ui.hide();
    await flush();
    expect(handle.show).not.toHaveBeenCalled();
  });
  it('a chunk that fails to load logs one error, grants nothing, and later requests stay quiet', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = makeApi();
    const ui = createUiController(window, loadChunk(window, loaderTag('/consentry.js')), () => ({ api }) as UIContext);
    ui.show('banner');
    appended.forEach((s) => s.dispatchEvent(new Event('error')));
    await flush();
    ui.show('preferences');
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/could not load.*blocking stays on/);
    expect(api.get()).toBeNull();
    expect(['preferences', 'analytics', 'marketing'].some(api.allowed)).toBe(false);
  });
  it('a language file that fails to load logs one error and grants nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { api } = makeApi();
    const ui = createUiController(
      window,
      loadChunk(window, loaderTag('/consentry.js')),
      () => ({ api, lang: 'en' }) as UIContext,
    );
    ui.show('banner');
    window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: fakeMount().mount }));
    byName('consentry-en.js').dispatchEvent(new Event('error'));
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
    expect(api.get()).toBeNull();
    expect(['preferences', 'analytics', 'marketing'].some(api.allowed)).toBe(false);
  });
  it('a mount that throws logs one error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const ui = createUiController(
      window,
      async () => () => {
        throw new Error('bad');
      },
      ctx,
    );
    ui.show('banner');
    await flush();
    expect(error).toHaveBeenCalledTimes(1);
  });
});
