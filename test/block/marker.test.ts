import { GUARD_FAILURE } from '../../src/block/gate';
import { park, parkedOffDocument } from '../../src/block/marker';
import { AD_PIXEL, reset, TRACKER } from './fixture';

const m = { category: 'analytics', vendor: 'Tracker' };
beforeEach(reset);

describe('park', () => {
  it('turns a script into text/plain, keeps its src and remembers the original type', () => {
    const s = document.createElement('script');
    s.setAttribute('type', 'module');
    s.setAttribute('src', TRACKER);
    park(s, m);
    expect({
      type: s.getAttribute('type'),
      originalType: s.getAttribute('data-consentry-type'),
      src: s.getAttribute('src'),
    }).toEqual({ type: 'text/plain', originalType: 'module', src: TRACKER });
  });

  it('marks the element with the category and the vendor', () => {
    const s = document.createElement('script');
    park(s, m);
    expect({ consent: s.getAttribute('data-consent'), vendor: s.getAttribute('data-consentry-vendor') }).toEqual({
      consent: 'analytics',
      vendor: 'Tracker',
    });
  });

  it('keeps the inline text of a script', () => {
    const s = document.createElement('script');
    s.textContent = 'track()';
    park(s, m);
    expect(s.textContent).toBe('track()');
  });

  it('moves img src and srcset to data-src and data-srcset', () => {
    const i = document.createElement('img');
    i.setAttribute('src', AD_PIXEL);
    i.setAttribute('srcset', AD_PIXEL + ' 2x');
    park(i, m);
    expect({
      src: i.hasAttribute('src'),
      heldSrc: i.getAttribute('data-src'),
      srcset: i.hasAttribute('srcset'),
      heldSrcset: i.getAttribute('data-srcset'),
    }).toEqual({ src: false, heldSrc: AD_PIXEL, srcset: false, heldSrcset: AD_PIXEL + ' 2x' });
  });

  it('moves object data to data-data and link href to data-href', () => {
    const o = document.createElement('object');
    const l = document.createElement('link');
    o.setAttribute('data', AD_PIXEL);
    l.setAttribute('href', AD_PIXEL);
    park(o, m);
    park(l, m);
    expect({
      objectData: o.hasAttribute('data'),
      objectHeldData: o.getAttribute('data-data'),
      linkHref: l.hasAttribute('href'),
      linkHeldHref: l.getAttribute('data-href'),
    }).toEqual({ objectData: false, objectHeldData: AD_PIXEL, linkHref: false, linkHeldHref: AD_PIXEL });
  });

  it('adds a second category to data-consent only once', () => {
    const i = document.createElement('img');
    park(i, m);
    park(i, { category: 'marketing', vendor: 'Ads' });
    park(i, { category: 'marketing', vendor: 'Ads' });
    expect(i.getAttribute('data-consent')).toBe('analytics marketing');
  });

  it('remembers an element parked outside any document', () => {
    const i = document.createElement('img');
    park(i, GUARD_FAILURE);
    expect(parkedOffDocument.has(i)).toBe(true);
  });
});
