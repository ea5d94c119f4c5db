import { UI_EVENT } from '../../src/core/ui-contract';
import { mount } from '../../src/ui/mount';

let listeners: AbortController;
beforeEach(() => {
  listeners = new AbortController();
});
afterEach(() => listeners.abort());

it('the UI chunk announces its mount function with the UI event as it loads', async () => {
  const seen = vi.fn();
  window.addEventListener(UI_EVENT, (event) => seen((event as CustomEvent).detail), { signal: listeners.signal });
  await import('../../src/ui/chunk');
  expect(seen).toHaveBeenCalledWith(mount);
});
