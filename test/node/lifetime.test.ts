// @vitest-environment node
import { lifetimeText } from '../../src/node/lifetime';

const DAY = 86_400;

describe('lifetimeText', () => {
  it.each([
    [undefined, 'session'],
    [0, 'expired'],
    [-5, 'expired'],
    [60, '1 minute'],
    [1800, '30 minutes'],
    [7200, '2 hours'],
    [DAY, '1 day'],
    [30 * DAY, '30 days'],
    [90 * DAY, '3 months'],
    [182 * DAY, '6 months'],
    [365 * DAY, '1 year'],
    [390 * DAY, '13 months'],
    [400 * DAY, '13 months'],
    [2 * 365 * DAY, '2 years'],
  ])('reads %s seconds as "%s"', (seconds, text) => {
    expect(lifetimeText(seconds)).toBe(text);
  });

  it('reads the same a few seconds later, so a re-scan finds no change', () => {
    expect(lifetimeText(2 * 365 * DAY - 7)).toBe(lifetimeText(2 * 365 * DAY));
    expect(lifetimeText(90 * DAY - 3)).toBe('3 months');
  });
});
