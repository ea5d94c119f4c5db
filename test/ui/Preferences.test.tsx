import { act, fireEvent, render, screen } from '@testing-library/preact';
import { Preferences } from '../../src/ui/Preferences';
import { consentRecord } from '../fixtures/record';
import { trustedClick } from '../fixtures/trusted-click';
import { AXE_TIMEOUT, violations } from './axe';
import { type Setup, setup } from './fake-api';

function renderPreferences(s: Setup = {}) {
  const env = setup(s);
  const close = vi.fn();
  const done = vi.fn();
  const view = render(<Preferences context={env.view} close={close} done={done} />);
  return { ...env, close, done, view };
}

const switchFor = (name: string) => screen.getByRole('switch', { name: new RegExp('^' + name) });
const checked = (name: string) => switchFor(name).getAttribute('aria-checked');
/** aria-checked of each optional category's switch, by name. */
const optionalSwitches = () =>
  Object.fromEntries(['Preferences', 'Analytics', 'Marketing'].map((name) => [name, checked(name)]));

// Whatever a test put in the page besides the rendered dialog (which testing-library unmounts itself).
afterEach(() => document.body.replaceChildren());

describe('Preferences', () => {
  it('is a modal dialog labelled by its heading', () => {
    renderPreferences();
    expect(screen.getByRole('dialog', { name: 'Cookie settings' }).getAttribute('aria-modal')).toBe('true');
  });

  it('has one switch per category, with its description', () => {
    renderPreferences();
    const switches = screen.getAllByRole('switch');
    expect(switches.map((s) => s.textContent)).toEqual(['NecessaryAlways on', 'Preferences', 'Analytics', 'Marketing']);
    const desc = document.getElementById(switchFor('Analytics').getAttribute('aria-describedby')!);
    expect(desc?.textContent).toMatch(/statistics/);
  });

  it('pre-ticks no optional switch when there is no record', () => {
    renderPreferences();
    expect(optionalSwitches()).toEqual({ Preferences: 'false', Analytics: 'false', Marketing: 'false' });
  });

  it('shows the switches of an existing record', () => {
    renderPreferences({ record: consentRecord({ preferences: false, analytics: true, marketing: false }) });
    expect(optionalSwitches()).toEqual({ Preferences: 'false', Analytics: 'true', Marketing: 'false' });
  });

  it('shows necessary as always on and not switchable', () => {
    renderPreferences();
    const necessary = switchFor('Necessary');
    expect(necessary.getAttribute('aria-checked')).toBe('true');
    expect((necessary as HTMLButtonElement).disabled).toBe(true);
    expect(necessary.textContent).toContain('Always on');
  });

  it('flips a switch on click', async () => {
    renderPreferences();
    act(() => trustedClick(switchFor('Analytics')));
    expect(checked('Analytics')).toBe('true');
  });

  it('saves exactly the switch states of the optional categories', () => {
    const { api, done } = renderPreferences();
    act(() => trustedClick(switchFor('Analytics')));
    act(() => trustedClick(screen.getByRole('button', { name: 'Save choices' })));
    expect(api.set).toHaveBeenCalledWith({ preferences: false, analytics: true, marketing: false }, 'custom');
    expect(done).toHaveBeenCalledOnce();
  });

  it('offers Accept all, Reject all and Save choices as buttons of one and the same class', () => {
    const { api } = renderPreferences();
    const names = ['Accept all', 'Reject all', 'Save choices'];
    const buttons = names.map((name) => screen.getByRole('button', { name }));
    expect(new Set(buttons.map((b) => b.className))).toEqual(new Set(['btn']));
    trustedClick(buttons[0]);
    trustedClick(buttons[1]);
    expect(api.acceptAll).toHaveBeenCalledOnce();
    expect(api.rejectAll).toHaveBeenCalledOnce();
  });

  it("a script's clicks (untrusted) on a switch, Save, Accept all, Reject all or Withdraw all decide and change nothing", () => {
    const { api, done } = renderPreferences({ record: consentRecord() });
    switchFor('Analytics').click();
    fireEvent.click(switchFor('Marketing'));
    expect(checked('Analytics')).toBe('false');
    expect(checked('Marketing')).toBe('false');
    for (const name of ['Save choices', 'Accept all', 'Reject all', 'Withdraw all'])
      fireEvent.click(screen.getByRole('button', { name }));
    expect(api.set).not.toHaveBeenCalled();
    expect(api.acceptAll).not.toHaveBeenCalled();
    expect(api.rejectAll).not.toHaveBeenCalled();
    expect(done).not.toHaveBeenCalled();
  });

  it('a switch a script flipped before the visitor clicks Save is not saved (the forged flip never happened)', () => {
    const { api } = renderPreferences();
    fireEvent.click(switchFor('Marketing'));
    act(() => trustedClick(screen.getByRole('button', { name: 'Save choices' })));
    expect(api.set).toHaveBeenCalledWith({ preferences: false, analytics: false, marketing: false }, 'custom');
  });

  it('closes on Escape without deciding', () => {
    const { api, close } = renderPreferences();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(close).toHaveBeenCalledOnce();
    expect(api.set).not.toHaveBeenCalled();
  });

  it('closes with the close button without deciding', () => {
    const { api, close } = renderPreferences();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(close).toHaveBeenCalledOnce();
    expect(api.set).not.toHaveBeenCalled();
  });

  it('moves focus into the dialog when it opens and gives it back to the opener when it closes', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { view } = renderPreferences();
    expect(document.activeElement).toBe(screen.getByRole('dialog'));
    view.unmount();
    await Promise.resolve();
    expect(document.activeElement).toBe(opener);
  });

  it('wraps Tab from the last control to the first', () => {
    renderPreferences();
    const dialog = screen.getByRole('dialog');
    const last = screen.getByRole('button', { name: 'Save choices' });
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('wraps Shift+Tab from the first control, or from the dialog itself, to the last', () => {
    renderPreferences();
    const last = screen.getByRole('button', { name: 'Save choices' });
    const first = screen.getByRole('button', { name: 'Close' });
    first.focus();
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    screen.getByRole('dialog').focus();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('leaves Tab between inner controls to the browser', () => {
    renderPreferences();
    const first = screen.getByRole('button', { name: 'Close' });
    first.focus();
    expect(fireEvent.keyDown(first, { key: 'Tab' })).toBe(true);
  });

  it('lists the login session and consent cookies under necessary', () => {
    renderPreferences();
    const rows = screen.getAllByRole('row').map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toContainEqual(['app_session', location.hostname, 'Login', 'Session']);
    expect(rows).toContainEqual(['consentry', location.hostname, 'Your cookie choice', '182 days']);
  });

  it('lists configured cookies with name, provider, purpose and lifetime under column headers', () => {
    renderPreferences();
    const table = screen.getByRole('table', { name: 'Analytics' });
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'Name',
      'Provider',
      'Purpose',
      'Lifetime',
    ]);
    expect([...table.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '_ga',
      'Google',
      'Counts visits',
      '2 years',
    ]);
  });

  it('with Global Privacy Control on, says so and starts with marketing off', () => {
    renderPreferences({ gpc: true });
    expect(screen.getByText(/Global Privacy Control signal is on/)).toBeTruthy();
    expect(checked('Marketing')).toBe('false');
  });

  it('speaks Traditional Chinese for zh-Hant, including configured per-language cookie text', () => {
    renderPreferences({ lang: 'zh-Hant' });
    expect(screen.getByRole('dialog', { name: 'Cookie 設定' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '儲存選擇' })).toBeTruthy();
    expect(screen.getByText('統計造訪')).toBeTruthy();
  });

  it('speaks Simplified Chinese for zh-Hans', () => {
    renderPreferences({ lang: 'zh-Hans' });
    expect(screen.getByRole('dialog', { name: 'Cookie 设置' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '保存选择' })).toBeTruthy();
  });

  it(
    'has no axe violations',
    async () => {
      const { view } = renderPreferences({ gpc: true, config: { policyUrl: 'https://example.com/privacy' } });
      expect(await violations(view.container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );

  it(
    'has no axe violations with a record on show, in Arabic',
    async () => {
      const { view } = renderPreferences({ lang: 'ar', rtl: true, record: consentRecord({ analytics: true }) });
      expect(await violations(view.container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});

describe("the visitor's record", () => {
  const ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';
  const stored = consentRecord(
    { analytics: true, marketing: false },
    { id: ID, given: '2026-03-04T09:05:00.000Z', updated: '2026-11-20T17:30:00.000Z', method: 'accept-all' },
  );
  /** The record table's rows, as [label, value]. */
  const recordRows = () =>
    [...screen.getByRole('table', { name: 'Your choice on record' }).querySelectorAll('tr')].map((row) => [
      row.querySelector('th')!.textContent,
      row.querySelector('td')!.textContent,
    ]);
  const long = (iso: string, lang: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

  it('shows the consent id, when it was given and last changed, and how, under its heading', () => {
    renderPreferences({ record: stored });
    expect(screen.getByRole('heading', { name: 'Your choice on record' })).toBeTruthy();
    expect(recordRows()).toEqual([
      ['Consent ID', ID],
      ['Given', long(stored.given, 'en')],
      ['Last changed', long(stored.updated, 'en')],
      ['How it was given', 'Accepted all'],
    ]);
    expect(recordRows()[1][1]).toMatch(/2026/);
  });

  it('formats the dates in the visitor’s language', () => {
    renderPreferences({ lang: 'de', record: stored });
    const rows = [...screen.getByRole('table', { name: 'Ihre gespeicherte Auswahl' }).querySelectorAll('td')];
    expect(rows[1].textContent).toBe(long(stored.given, 'de'));
    expect(rows[1].textContent).toMatch(/März 2026/);
  });

  it.each([
    ['accept-all', 'Accepted all'],
    ['reject-all', 'Rejected all'],
    ['custom', 'Your own selection'],
    ['api', 'Set by this site'],
    ['gpc', 'Accepted all except marketing, following Global Privacy Control'],
  ] as const)('words the method %s as "%s"', (method, words) => {
    renderPreferences({ record: { ...stored, method } });
    expect(recordRows()[3]).toEqual(['How it was given', words]);
  });

  it('says there is no choice yet, and offers no withdrawal, before any decision', () => {
    renderPreferences();
    expect(screen.getByText('You have not made a choice yet.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Your choice on record' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Withdraw all' })).toBeNull();
  });

  it('offers Withdraw all as a button of the same class as the other choices, which rejects all and closes', () => {
    const { api, done } = renderPreferences({ record: stored });
    const withdraw = screen.getByRole('button', { name: 'Withdraw all' });
    expect(withdraw.className).toBe(screen.getByRole('button', { name: 'Accept all' }).className);
    trustedClick(withdraw);
    expect(api.rejectAll).toHaveBeenCalledOnce();
    expect(api.get()?.categories).toEqual({ necessary: true, preferences: false, analytics: false, marketing: false });
    expect(done).toHaveBeenCalledOnce();
  });

  it('renders a record id as text, never as markup', () => {
    renderPreferences({ record: { ...stored, id: '<img src=x onerror=alert(1)>' } });
    expect(recordRows()[0][1]).toBe('<img src=x onerror=alert(1)>');
    expect(document.querySelector('img')).toBeNull();
  });
});
