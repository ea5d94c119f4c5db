import { mount } from '../../src/ui/index';
import type { UIHandle } from '../../src/ui/types';
import { setup } from './fake-api';

// The ES entry's mount: the same UI, fetching the built-in strings itself when the context has none.
let handle: UIHandle | undefined;
afterEach(() => {
  handle?.hide();
  document.getElementById('consentry-root')?.remove();
});

const buttons = () =>
  [...document.getElementById('consentry-root')!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent);
const settle = () => vi.waitFor(() => expect(document.getElementById('consentry-root')).not.toBeNull());

describe('ES entry mount', () => {
  it('imports the strings of the language and shows the view asked for meanwhile', async () => {
    const { ctx } = setup({ lang: 'zh-Hans' });
    handle = mount({ ...ctx, texts: undefined });
    handle.show('banner');
    await settle();
    expect(buttons()).toEqual(['全部接受', '全部拒绝', '自定义']);
    expect(ctx.onShown).toHaveBeenCalledWith('banner');
  });

  it('falls back to English for a language it does not have', async () => {
    const { ctx } = setup();
    handle = mount({ ...ctx, lang: 'fr', texts: undefined });
    handle.show('banner');
    await settle();
    expect(buttons()).toEqual(['Accept all', 'Reject all', 'Customise']);
  });

  it('a hide before the strings arrive cancels the queued view', async () => {
    const { ctx } = setup();
    handle = mount({ ...ctx, texts: undefined });
    handle.show('banner');
    handle.hide();
    await settle();
    expect(buttons()).toEqual([]);
  });

  it('mounts at once with strings already in the context', () => {
    const { ctx } = setup();
    handle = mount(ctx);
    handle.show('banner');
    expect(buttons()).toEqual(['Accept all', 'Reject all', 'Customise']);
  });
});
