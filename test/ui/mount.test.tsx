import type { UIHandle } from '../../src/core/ui-contract';
import { mount } from '../../src/ui/mount';
import { consentRecord } from '../fixtures/record';
import { trustedClick } from '../fixtures/trusted-click';
import { AXE_TIMEOUT, violations } from './axe';
import { type Setup, setup } from './fake-api';

/** The UI mounted by the current test, hidden after it. */
let mounted: UIHandle | undefined;

function mountUI(s: Setup = {}) {
  const env = setup(s);
  const handle = mount(env.ctx);
  mounted = handle;
  const host = document.getElementById('consentry-root')!;
  const root = host.shadowRoot!;
  const q = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
  const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent == text)!;
  return { ...env, handle, host, root, q, button };
}

afterEach(() => {
  mounted?.hide();
  document.getElementById('consentry-root')?.remove();
  mounted = undefined;
});

const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));

describe('mount', () => {
  it('renders into an open shadow root with an adopted stylesheet and no <style> element or style attribute', () => {
    const { host, root, handle } = mountUI();
    handle.show('banner');
    expect(host.shadowRoot).toBe(root);
    expect(root.adoptedStyleSheets).toHaveLength(1);
    expect(root.adoptedStyleSheets[0].cssRules.length).toBeGreaterThan(0);
    expect(root.querySelector('style,[style]')).toBeNull();
    expect(document.querySelector('style')).toBeNull();
  });

  it('puts the host first in <body> and shows nothing until asked', () => {
    const { host, root } = mountUI();
    expect(document.body.firstElementChild).toBe(host);
    expect(root.children).toHaveLength(0);
  });

  it('sets the language and its right-to-left direction on the host, whatever the page says', () => {
    const { host } = mountUI({ rtl: true, lang: 'ar' });
    expect(host.getAttribute('dir')).toBe('rtl');
    expect(host.getAttribute('lang')).toBe('ar');
  });

  it('renders a left-to-right language left to right on a right-to-left page', () => {
    document.documentElement.dir = 'rtl';
    const { host } = mountUI({ lang: 'zh-Hant' });
    document.documentElement.dir = '';
    expect(host.getAttribute('dir')).toBe('ltr');
    expect(host.getAttribute('lang')).toBe('zh-Hant');
  });

  it('shows the banner and reports it', () => {
    const { handle, q, ctx } = mountUI();
    handle.show('banner');
    expect(q('[role=dialog]')?.getAttribute('aria-modal')).toBe('false');
    expect(ctx.onShown).toHaveBeenCalledWith('banner');
  });

  it('hides everything on hide()', () => {
    const { handle, root } = mountUI();
    handle.show('banner');
    handle.hide();
    expect(root.children).toHaveLength(0);
  });

  it('hides the banner after Accept all', () => {
    const { handle, root, button, api } = mountUI();
    handle.show('banner');
    trustedClick(button('Accept all'));
    expect(api.acceptAll).toHaveBeenCalledOnce();
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('opens the preferences from Customise, focused, with the banner inert behind them', () => {
    const { handle, q, button, root } = mountUI();
    handle.show('banner');
    button('Customise').focus();
    button('Customise').click();
    const dialog = q('[aria-modal=true]')!;
    expect(root.activeElement).toBe(dialog);
    expect(q('.b')!.hasAttribute('inert')).toBe(true);
  });

  it('goes back to the banner on Escape while there is no choice, focusing Customise again', async () => {
    const { handle, q, button, root } = mountUI();
    handle.show('banner');
    button('Customise').focus();
    button('Customise').click();
    key(q('[aria-modal=true]')!, 'Escape');
    expect(q('[aria-modal=true]')).toBeNull();
    expect(q('.b')!.hasAttribute('inert')).toBe(false);
    await Promise.resolve();
    expect(root.activeElement).toBe(button('Customise'));
  });

  it('shows the banner on Escape when the preferences were opened before any choice', () => {
    const { handle, q } = mountUI();
    handle.show('preferences');
    key(q('[aria-modal=true]')!, 'Escape');
    expect(q('[aria-modal=false]')).not.toBeNull();
  });

  it('hides everything on Escape when a choice is already on record', () => {
    const { handle, q, root } = mountUI({ record: consentRecord({ analytics: true }) });
    handle.show('preferences');
    key(q('[aria-modal=true]')!, 'Escape');
    expect(root.querySelector('[role=dialog]')).toBeNull();
  });

  it('hides when a decision arrives from elsewhere', () => {
    const { handle, root, api } = mountUI();
    handle.show('banner');
    api.emit({ analytics: true });
    expect(root.children).toHaveLength(0);
  });

  it('draws no open button of its own after a decision, whatever openButton says (the loader draws it)', () => {
    const { handle, root, button } = mountUI({ config: { openButton: true } });
    handle.show('banner');
    trustedClick(button('Reject all'));
    expect(root.children).toHaveLength(0);
  });

  it(
    'has no axe violations in the banner or the dialog',
    async () => {
      const { handle, root, q } = mountUI({
        gpc: true,
        config: { policyUrl: '/privacy', policyUpdated: '2024-01-31' },
      });
      handle.show('banner');
      expect(await violations(q('.b')!)).toEqual([]);
      handle.show('preferences');
      expect(await violations(q('.bd')!)).toEqual([]);
      expect(root.querySelectorAll('[role=dialog]')).toHaveLength(2);
    },
    AXE_TIMEOUT,
  );
});
