import { resolveConfig } from '../../src/core/config';
import { gpcOn } from '../../src/signals/gpc';

const nav = (gpc: unknown) => ({ globalPrivacyControl: gpc }) as unknown as Navigator;

it('GPC is on when the browser sends it and the site honours it (the default)', () => {
  expect(gpcOn(resolveConfig({}), nav(true))).toBe(true);
});
it('GPC is off when the site turns it off, whatever the browser sends', () => {
  expect(gpcOn(resolveConfig({ gpc: false }), nav(true))).toBe(false);
});
it.each([undefined, false, 'true', 1])(
  'GPC is off when the browser signal is %j, anything but exactly true',
  (signal) => {
    expect(gpcOn(resolveConfig({}), nav(signal))).toBe(false);
  },
);
