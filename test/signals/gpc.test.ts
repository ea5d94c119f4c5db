import { resolveConfig } from '../../src/core/config';
import { gpcOn } from '../../src/signals/gpc';

const nav = (gpc: unknown) => ({ globalPrivacyControl: gpc }) as unknown as Navigator;

it('is on when the browser sends GPC and the site honours it (the default)', () => {
  expect(gpcOn(resolveConfig({}), nav(true))).toBe(true);
});
it('is off when the site turns it off', () => {
  expect(gpcOn(resolveConfig({ gpc: false }), nav(true))).toBe(false);
});
it('is off unless the signal is exactly true', () => {
  expect([undefined, false, 'true', 1].map((v) => gpcOn(resolveConfig({}), nav(v)))).toEqual([
    false,
    false,
    false,
    false,
  ]);
});
