import { checkElement } from '../../src/block/check';
import { AD_PIXEL, gate, reports, reset } from './fixture';

beforeEach(reset);

describe('checkElement', () => {
  it('parks an element already carrying a tracker URL and reports it', () => {
    const i = document.createElement('img');
    i.setAttribute('src', AD_PIXEL);
    expect(checkElement(gate, i)).toBe(true);
    expect(i.getAttribute('data-src')).toBe(AD_PIXEL);
    expect(reports).toHaveLength(1);
  });

  it('leaves an owner-marked element to re-activation', () => {
    const i = document.createElement('img');
    i.setAttribute('data-consent', 'marketing');
    i.setAttribute('src', AD_PIXEL);
    expect(checkElement(gate, i)).toBe(false);
    expect(reports).toHaveLength(0);
  });
});
