import { Window } from 'happy-dom';
import type { ConsentRecord, ResolvedConfig } from '../../src/core/types';
import { OPEN_BUTTON_TAG, offerOpenButton } from '../../src/loader/open-button';

let win: Window;
const RECORD = { id: 'x', method: 'reject-all' } as ConsentRecord;

/** Enough of the API: the record, and `change` listeners that `decide` calls. */
const fakeApi = (initial: ConsentRecord | null) => {
  let record = initial;
  const listeners: ((r: ConsentRecord | null) => void)[] = [];
  return {
    get: () => record,
    on(_: string, fn: (r: ConsentRecord | null) => void) {
      listeners.push(fn);
      return () => {};
    },
    decide(next: ConsentRecord | null) {
      record = next;
      for (const fn of listeners) fn(next);
    },
  };
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const host = () => win.document.querySelector(OPEN_BUTTON_TAG) as HTMLElement | null;
const button = () => host()?.shadowRoot?.querySelector('button') ?? null;

function offer(mode: ResolvedConfig['openButton'], record: ConsentRecord | null = RECORD) {
  const api = fakeApi(record);
  offerOpenButton(win as any, api as any, mode, 'de', 'Cookie-Einstellungen');
  return { api };
}

beforeEach(() => {
  win = new Window({ url: 'https://example.com/' });
  win.document.body.innerHTML = '<main><p>Content</p></main>';
});
afterEach(() => vi.restoreAllMocks());

it('for a decided visitor, appends one button at the end of <body>, labelled in its language', async () => {
  offer('auto');
  await flush();
  expect(win.document.body.lastElementChild).toBe(host());
  expect(host()!.lang).toBe('de');
  expect(button()!.title).toBe('Cookie-Einstellungen');
  expect(button()!.textContent).toBe('');
});

it('is styled by an adopted sheet in its shadow root: no style element or attribute, so a strict CSP allows it', async () => {
  offer('auto');
  await flush();
  const root = host()!.shadowRoot!;
  expect(root.querySelector('style,[style]')).toBeNull();
  expect(host()!.hasAttribute('style')).toBe(false);
  const css = [...root.adoptedStyleSheets[0].cssRules].map((rule) => rule.cssText).join('');
  // happy-dom drops what it cannot compute (env(), max()); the browser suite checks the corner and the insets.
  expect(css).toContain('position: fixed');
});

it('carries data-consentry-open, so a click opens the preferences like any such element', async () => {
  offer(true);
  await flush();
  expect(host()!.hasAttribute('data-consentry-open')).toBe(true);
});

it('in "auto", draws nothing when the page has its own data-consentry-open element', async () => {
  win.document.body.insertAdjacentHTML('beforeend', '<footer><a href="#" data-consentry-open>Cookies</a></footer>');
  offer('auto');
  await flush();
  expect(host()).toBeNull();
});

it('with true, draws the button even when the page has its own data-consentry-open element', async () => {
  win.document.body.insertAdjacentHTML('beforeend', '<footer><a href="#" data-consentry-open>Cookies</a></footer>');
  offer(true);
  await flush();
  expect(button()).not.toBeNull();
});

it('with false, never draws the button', async () => {
  const { api } = offer(false);
  api.decide(RECORD);
  await flush();
  expect(host()).toBeNull();
});

it('in "auto", looks for the page’s own element at DOMContentLoaded, so one later in the HTML counts', async () => {
  Object.defineProperty(win.document, 'readyState', { value: 'loading', configurable: true });
  offer('auto');
  win.document.body.insertAdjacentHTML('beforeend', '<footer><button data-consentry-open>Cookies</button></footer>');
  Object.defineProperty(win.document, 'readyState', { value: 'interactive', configurable: true });
  win.document.dispatchEvent(new win.Event('DOMContentLoaded'));
  await flush();
  expect(host()).toBeNull();
});

it('waits for a decision before drawing, then appears', async () => {
  const { api } = offer('auto', null);
  await flush();
  expect(host()).toBeNull();
  api.decide(RECORD);
  await flush();
  expect(button()!.title).toBe('Cookie-Einstellungen');
});

it('goes away while the banner asks again after reset(), and comes back with the next decision', async () => {
  const { api } = offer('auto');
  await flush();
  const drawn = host();
  api.decide(null);
  expect(host()).toBeNull();
  api.decide(RECORD);
  expect(host()).toBe(drawn);
  api.decide(RECORD);
  expect(win.document.querySelectorAll(OPEN_BUTTON_TAG)).toHaveLength(1);
});

it('is drawn only once the page has loaded', () => {
  Object.defineProperty(win.document, 'readyState', { value: 'interactive', configurable: true });
  offer('auto');
  expect(host()).toBeNull();
  Object.defineProperty(win.document, 'readyState', { value: 'complete', configurable: true });
  win.dispatchEvent(new win.Event('load'));
  expect(button()!.title).toBe('Cookie-Einstellungen');
});
