import { consentry, init } from '../src/index';

// The ES entry: the same startup as the script tag, with the UI and the language files as lazy chunks.
afterEach(() => document.getElementById('consentry-root')?.remove());

const bannerButtons = () =>
  [...(document.getElementById('consentry-root')?.shadowRoot?.querySelectorAll('button') ?? [])].map(
    (button) => button.textContent,
  );

it('using consentry before init() throws an error that says what to do', () => {
  expect(() => consentry.get()).toThrow('call init(config) before using consentry');
});

it('init() imports the UI and the strings of the configured language, and shows the banner in it', async () => {
  init({ language: 'zh-Hans' });
  await vi.waitFor(() => expect(bannerButtons()).toEqual(['全部接受', '全部拒绝', '自定义']));
});

it('init() called again returns the same running API', () => {
  expect(init()).toBe(init({ language: 'en' }));
  expect(consentry.version).toBe(init().version);
});
