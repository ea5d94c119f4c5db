import { vendorHooks } from '../../src/signals/vendors';

const only =
  (...ok: string[]) =>
  (c: string) =>
    ok.includes(c);

it('each vendor present on the page is told the decision through its own API', () => {
  const w = {
    uetq: { push: vi.fn() },
    clarity: vi.fn(),
    fbq: vi.fn(),
    ttq: { grantConsent: vi.fn(), revokeConsent: vi.fn() },
  };
  vendorHooks(w, only('analytics'));
  expect(w.uetq.push).toHaveBeenCalledWith('consent', 'update', { ad_storage: 'denied' });
  expect(w.clarity).toHaveBeenCalledWith('consentv2', { ad_Storage: 'denied', analytics_Storage: 'granted' });
  expect(w.fbq).toHaveBeenCalledWith('consent', 'revoke');
  expect(w.ttq.revokeConsent).toHaveBeenCalled();
});

it('a vendor stub that throws does not stop the others', () => {
  const w = {
    clarity: () => {
      throw new Error('x');
    },
    fbq: vi.fn(),
  };
  vendorHooks(w, only('marketing'));
  expect(w.fbq).toHaveBeenCalledWith('consent', 'grant');
});

it('a page without any vendor is left alone, without an error', () => {
  expect(() => vendorHooks({}, only())).not.toThrow();
});
