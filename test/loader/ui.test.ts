import type { MountUI, UIContext } from '../../src/core/ui-contract';
import { TEXTS_EVENT, UI_EVENT } from '../../src/core/ui-contract';
import { classicParts, createUiController } from '../../src/loader/ui';
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
  vi.spyOn(document.head, 'appendChild').mockImplementation((node) => {
    appended.push(node as HTMLScriptElement);
    return node;
  });
  clearCookies();
});
afterEach(() => vi.restoreAllMocks());

const announce = () => window.dispatchEvent(new CustomEvent(TEXTS_EVENT, { detail: en }));
const byName = (name: string) => appended.find((s) => s.src.endsWith('/' + name))!;

describe('classicParts', () => {
  it("inserts consentry-ui.js and consentry-<lang>.js as async scripts next to the loader, with the loader's nonce", () => {
    const parts = classicParts(window, loaderTag('https://cdn.example.com/c/consentry.js', 'n0nce'));
    parts.ui().catch(() => {});
    parts.texts('zh-Hant').catch(() => {});
    expect(appended.map((s) => s.src)).toEqual([
      'https://cdn.example.com/c/consentry-ui.js',
      'https://cdn.example.com/c/consentry-zh-Hant.js',
    ]);
    for (const s of appended) {
      expect(s.async).toBe(true);
      expect(s.nonce).toBe('n0nce');
    }
  });
  it('resolves the UI with the mount the chunk announces', async () => {
    const ui = classicParts(window, loaderTag('/consentry.js')).ui();
    const { mount } = fakeMount();
    window.dispatchEvent(new CustomEvent(UI_EVENT, { detail: mount }));
    await expect(ui).resolves.toBe(mount);
  });
  it('resolves the texts with the strings the language file announces', async () => {
    const texts = classicParts(window, loaderTag('/consentry.js')).texts('en');
    announce();
    await expect(texts).resolves.toBe(en);
  });
  it('rejects the UI when the chunk fails to load', async () => {
    const ui = classicParts(window, loaderTag('/consentry.js')).ui();
    byName('consentry-ui.js').dispatchEvent(new Event('error'));
    await expect(ui).rejects.toThrow('consentry-ui.js');
  });
  it('rejects the texts when the language file fails to load', async () => {
    const texts = classicParts(window, loaderTag('/consentry.js')).texts('en');
    byName('consentry-en.js').dispatchEvent(new Event('error'));
    await expect(texts).rejects.toThrow('consentry-en.js');
  });
  it('rejects the UI when the chunk loads without announcing its mount', async () => {
    const ui = classicParts(window, loaderTag('/consentry.js')).ui();
    byName('consentry-ui.js').dispatchEvent(new Event('load'));
    await expect(ui).rejects.toThrow();
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
    const ui = createUiController(
      window,
      classicParts(window, loaderTag('/consentry.js')).ui,
      () => ({ api }) as UIContext,
    );
    ui.show('banner');
    for (const s of appended) s.dispatchEvent(new Event('error'));
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
    const parts = classicParts(window, loaderTag('/consentry.js'));
    const load = () => Promise.all([parts.ui(), parts.texts('en')]).then(([mount]) => mount);
    const ui = createUiController(window, load, () => ({ api, lang: 'en' }) as UIContext);
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
