import { fireEvent, render, screen } from '@testing-library/preact';
import { Banner } from '../../src/ui/Banner';
import { trustedClick } from '../fixtures/trusted-click';
import { AXE_TIMEOUT, violations } from './axe';
import { type Setup, setup } from './fake-api';

function renderBanner(s: Setup = {}) {
  const env = setup(s);
  const customise = vi.fn();
  const done = vi.fn();
  const view = render(<Banner context={env.view} customise={customise} done={done} />);
  return { ...env, customise, done, view };
}

describe('Banner', () => {
  it('offers Accept all, Reject all and Customise as buttons of one and the same class', () => {
    renderBanner();
    const buttons = screen.getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Accept all', 'Reject all', 'Customise']);
    expect(new Set(buttons.map((b) => b.className))).toEqual(new Set(['btn']));
  });

  it.each(['Accept all', 'Reject all'])("a script's click on %s (untrusted) decides nothing", (name) => {
    const { api, done } = renderBanner();
    const button = screen.getByRole('button', { name });
    fireEvent.click(button);
    button.click();
    expect(api.acceptAll).not.toHaveBeenCalled();
    expect(api.rejectAll).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
  });

  it('accepts everything with one click on Accept all', () => {
    const { api, done } = renderBanner();
    trustedClick(screen.getByRole('button', { name: 'Accept all' }));
    expect(api.acceptAll).toHaveBeenCalledOnce();
    expect(done).toHaveBeenCalledOnce();
  });

  it('rejects everything with one click on Reject all', () => {
    const { api, done } = renderBanner();
    trustedClick(screen.getByRole('button', { name: 'Reject all' }));
    expect(api.rejectAll).toHaveBeenCalledOnce();
    expect(done).toHaveBeenCalledOnce();
  });

  it('asks for the preferences on Customise without deciding anything', () => {
    const { api, customise } = renderBanner();
    fireEvent.click(screen.getByRole('button', { name: 'Customise' }));
    expect(customise).toHaveBeenCalledOnce();
    expect(api.set).not.toHaveBeenCalled();
    expect(api.acceptAll).not.toHaveBeenCalled();
    expect(api.rejectAll).not.toHaveBeenCalled();
  });

  it('is a non-modal dialog labelled by its title and described by its text', () => {
    renderBanner();
    const dialog = screen.getByRole('dialog', { name: 'Your privacy' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toMatch(/Cookie settings/);
  });

  it('does not take focus when it appears', () => {
    const before = document.activeElement;
    renderBanner();
    expect(document.activeElement).toBe(before);
  });

  it('links to the policy and shows its last-updated date', () => {
    renderBanner({ config: { policyUrl: '/privacy', policyUpdated: '2019-06-01' } });
    const link = screen.getByRole('link', { name: 'Privacy policy' });
    expect(link.getAttribute('href')).toBe('/privacy');
    expect(link.parentElement!.textContent).toContain('June 1, 2019');
  });

  it('shows no policy link without a policy URL', () => {
    renderBanner();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('never renders a javascript: policy URL as a link', () => {
    const { view } = renderBanner({ config: { policyUrl: 'javascript:alert(1)' } });
    expect(screen.queryByRole('link')).toBeNull();
    expect(view.container.innerHTML).not.toContain('javascript:');
  });

  it('renders configured text containing markup as literal text', () => {
    const { view } = renderBanner({ config: { texts: { en: { bannerText: 'Hello <b>world</b>' } } } });
    expect(screen.getByText('Hello <b>world</b>')).toBeTruthy();
    expect(view.container.querySelector('b')).toBeNull();
  });

  it('says that Global Privacy Control keeps marketing off when the signal is on', () => {
    renderBanner({ gpc: true });
    expect(screen.getByText(/Global Privacy Control signal is on/)).toBeTruthy();
  });

  it('does not mention Global Privacy Control when the signal is off', () => {
    renderBanner();
    expect(screen.queryByText(/Global Privacy Control/)).toBeNull();
  });

  it('speaks Traditional Chinese for zh-Hant', () => {
    renderBanner({ lang: 'zh-Hant' });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['全部接受', '全部拒絕', '自訂']);
  });

  it('speaks Simplified Chinese for zh-Hans', () => {
    renderBanner({ lang: 'zh-Hans' });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['全部接受', '全部拒绝', '自定义']);
  });

  it('adds the guardian line with minorsNotice', () => {
    renderBanner({ config: { minorsNotice: true } });
    expect(screen.getByText(/ask a parent or guardian/)).toBeTruthy();
  });

  it('has no guardian line without minorsNotice', () => {
    renderBanner();
    expect(screen.queryByText(/ask a parent or guardian/)).toBeNull();
  });

  it('adds the guardian line in the visitor’s language', () => {
    renderBanner({ lang: 'ja', config: { minorsNotice: true } });
    expect(screen.getByText(/保護者の方にご相談ください/)).toBeTruthy();
  });

  it(
    'has no axe violations',
    async () => {
      const { view } = renderBanner({ gpc: true, config: { policyUrl: '/privacy', policyUpdated: '2019-06-01' } });
      expect(await violations(view.container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});
