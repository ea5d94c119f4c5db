import { guardElements } from '../../src/block/elements';
import { AD_PIXEL, FIRST_PARTY, gate, reports, reset, state, TRACKER, win } from './fixture';

beforeAll(() => guardElements(win, gate));
beforeEach(reset);
afterEach(() => vi.restoreAllMocks());

describe('guardElements', () => {
  it('a script whose src is set to a tracker by property is parked as text/plain and reported', () => {
    const s = document.createElement('script');
    s.src = TRACKER;
    expect({
      type: s.getAttribute('type'),
      consent: s.getAttribute('data-consent'),
      vendor: s.getAttribute('data-consentry-vendor'),
    }).toEqual({ type: 'text/plain', consent: 'analytics', vendor: 'Tracker' });
    expect(reports).toMatchObject([{ kind: 'script', url: TRACKER, element: s }]);
  });

  it('a tracker src written with Element.prototype.setAttribute.call is parked', () => {
    const i = document.createElement('img');
    Element.prototype.setAttribute.call(i, 'src', AD_PIXEL);
    expect({ src: i.hasAttribute('src'), heldSrc: i.getAttribute('data-src') }).toEqual({
      src: false,
      heldSrc: AD_PIXEL,
    });
  });

  it('a tracker src written with an upper-case attribute name is parked', () => {
    const i = document.createElement('iframe');
    i.setAttribute('SRC', AD_PIXEL);
    expect({ src: i.hasAttribute('src'), heldSrc: i.getAttribute('data-src') }).toEqual({
      src: false,
      heldSrc: AD_PIXEL,
    });
  });

  it('a tracker src written with setAttributeNS and no namespace is parked', () => {
    const i = document.createElement('img');
    i.setAttributeNS(null, 'src', AD_PIXEL);
    expect(i.hasAttribute('src')).toBe(false);
  });

  it('a namespaced src passes untouched, since it is not the attribute that loads', () => {
    const i = document.createElement('img');
    i.setAttributeNS('urn:x', 'src', AD_PIXEL);
    expect(i.getAttributeNS('urn:x', 'src')).toBe(AD_PIXEL);
    expect(reports).toEqual([]);
  });

  it('the guarded setAttribute and setAttributeNS keep the native length', () => {
    expect({
      setAttribute: Element.prototype.setAttribute.length,
      setAttributeNS: Element.prototype.setAttributeNS.length,
    }).toEqual({ setAttribute: 2, setAttributeNS: 3 });
  });

  it('a tracker src written with setAttributeNode parks the image and attaches no node', () => {
    const i = document.createElement('img');
    const a = document.createAttribute('src');
    a.value = AD_PIXEL;
    expect(i.setAttributeNode(a)).toBeNull();
    expect({ src: i.getAttribute('src'), held: i.getAttribute('data-src') }).toEqual({ src: null, held: AD_PIXEL });
  });

  // An attribute node's nodeValue and textContent: happy-dom does not write them, so doors.test.ts checks them.
  it("a text node's textContent and nodeValue are written as given", () => {
    const text = document.createTextNode('');
    text.textContent = AD_PIXEL;
    const other = document.createTextNode('');
    other.nodeValue = AD_PIXEL;
    expect([text.data, other.data, reports]).toEqual([AD_PIXEL, AD_PIXEL, []]);
  });

  it('a new Image() given a tracker src never gets a src', () => {
    const i = new Image();
    i.src = AD_PIXEL;
    expect({ attribute: i.getAttribute('src'), property: i.src, heldSrc: i.getAttribute('data-src') }).toEqual({
      attribute: null,
      property: 'https://ads.test/p.gif',
      heldSrc: AD_PIXEL,
    });
  });

  it('a tracker src of an allowed category passes untouched', () => {
    state.allowed.add('analytics');
    const s = document.createElement('script');
    s.src = TRACKER;
    expect({
      src: s.getAttribute('src'),
      type: s.hasAttribute('type'),
      consent: s.hasAttribute('data-consent'),
    }).toEqual({ src: TRACKER, type: false, consent: false });
    expect(reports).toEqual([]);
  });

  it('a first-party src passes untouched', () => {
    const s = document.createElement('script');
    s.src = FIRST_PARTY;
    expect({ src: s.getAttribute('src'), type: s.hasAttribute('type') }).toEqual({ src: FIRST_PARTY, type: false });
    expect(reports).toEqual([]);
  });

  it('a type set after a tracker src keeps the script parked, and is kept as the original type', () => {
    const s = document.createElement('script');
    s.src = TRACKER;
    s.type = 'module';
    s.setAttribute('type', 'text/javascript');
    expect({ type: s.getAttribute('type'), originalType: s.getAttribute('data-consentry-type') }).toEqual({
      type: 'text/plain',
      originalType: 'text/javascript',
    });
  });

  it('a type set before a tracker src is kept as the original type', () => {
    const s = document.createElement('script');
    s.type = 'module';
    s.src = TRACKER;
    expect({ type: s.getAttribute('type'), originalType: s.getAttribute('data-consentry-type') }).toEqual({
      type: 'text/plain',
      originalType: 'module',
    });
  });

  it('a srcset with one tracker candidate is parked whole', () => {
    const i = document.createElement('img');
    i.srcset = `https://site.test/a.png 1x, ${AD_PIXEL} 2x`;
    expect({ srcset: i.hasAttribute('srcset'), heldSrcset: i.getAttribute('data-srcset') }).toEqual({
      srcset: false,
      heldSrcset: `https://site.test/a.png 1x, ${AD_PIXEL} 2x`,
    });
  });

  it('a source srcset of first-party images passes untouched', () => {
    const s = document.createElement('source');
    s.srcset = 'https://site.test/a.webp 640w, /b.webp 1280w';
    expect(s.getAttribute('srcset')).toBe('https://site.test/a.webp 640w, /b.webp 1280w');
  });

  it('a ping list loses only its tracker URLs', () => {
    const a = document.createElement('a');
    a.ping = `https://site.test/p ${AD_PIXEL} /q`;
    expect(a.getAttribute('ping')).toBe('https://site.test/p /q');
    expect(reports).toMatchObject([{ kind: 'ping', url: AD_PIXEL }]);
  });

  it('a ping URL taken out is kept per category and the link is marked with that category', () => {
    const a = document.createElement('a');
    a.ping = `${AD_PIXEL} /q ${TRACKER}`;
    expect({
      consent: a.getAttribute('data-consent'),
      heldMarketing: a.getAttribute('data-ping-marketing'),
      heldAnalytics: a.getAttribute('data-ping-analytics'),
    }).toEqual({ consent: 'marketing analytics', heldMarketing: AD_PIXEL, heldAnalytics: TRACKER });
  });

  it('a ping URL held twice is kept once', () => {
    const a = document.createElement('a');
    a.ping = AD_PIXEL;
    a.setAttribute('ping', `${AD_PIXEL} ${AD_PIXEL}?2`);
    expect(a.getAttribute('data-ping-marketing')).toBe(`${AD_PIXEL} ${AD_PIXEL}?2`);
  });

  it('a link rel=preload to a tracker is parked by its href', () => {
    const l = document.createElement('link');
    l.rel = 'preload';
    l.href = TRACKER;
    expect({ href: l.hasAttribute('href'), heldHref: l.getAttribute('data-href') }).toEqual({
      href: false,
      heldHref: TRACKER,
    });
    expect(reports).toMatchObject([{ kind: 'link' }]);
  });

  it('an object whose data is a tracker keeps it in data-data', () => {
    const o = document.createElement('object');
    o.data = AD_PIXEL;
    expect({ data: o.hasAttribute('data'), heldData: o.getAttribute('data-data') }).toEqual({
      data: false,
      heldData: AD_PIXEL,
    });
  });

  it('a parked element is reported once however many URLs are written to it', () => {
    const i = document.createElement('img');
    i.src = AD_PIXEL;
    i.srcset = AD_PIXEL + ' 2x';
    i.setAttribute('src', TRACKER);
    expect(reports).toHaveLength(1);
    expect(i.getAttribute('data-src')).toBe(TRACKER);
  });

  it('an exception inside the matcher parks even a first-party script (fail closed)', () => {
    state.throws = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = document.createElement('script');
    s.src = FIRST_PARTY;
    expect({ type: s.getAttribute('type'), consent: s.getAttribute('data-consent') }).toEqual({
      type: 'text/plain',
      consent: 'marketing',
    });
  });

  it('an iframe srcdoc has its tracker tags parked', () => {
    const f = document.createElement('iframe');
    f.srcdoc = `<p>hi</p><script src="${TRACKER}"></script>`;
    expect(f.getAttribute('srcdoc')).toContain('type="text/plain"');
  });

  it('attributes that cannot carry a URL are written as given, name case kept', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 1 1');
    const d = document.createElement('div');
    d.setAttribute('src', AD_PIXEL);
    expect({ svgViewBox: svg.getAttribute('viewBox'), divSrc: d.getAttribute('src') }).toEqual({
      svgViewBox: '0 0 1 1',
      divSrc: AD_PIXEL,
    });
    expect(reports).toEqual([]);
  });
});
