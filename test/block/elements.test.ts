import { guardElements } from '../../src/block/elements';
import { AD, gate, OWN, reports, reset, state, T, win } from './fixture';

beforeAll(() => guardElements(win, gate));
beforeEach(reset);
afterEach(() => vi.restoreAllMocks());

describe('guardElements', () => {
  it('a script whose src is set to a tracker by property is parked as text/plain and reported', () => {
    const s = document.createElement('script');
    s.src = T;
    expect({
      type: s.getAttribute('type'),
      consent: s.getAttribute('data-consent'),
      vendor: s.getAttribute('data-consentry-vendor'),
    }).toEqual({ type: 'text/plain', consent: 'analytics', vendor: 'Tracker' });
    expect(reports).toMatchObject([{ kind: 'script', url: T, element: s }]);
  });

  it('a tracker src written with Element.prototype.setAttribute.call is parked', () => {
    const i = document.createElement('img');
    Element.prototype.setAttribute.call(i, 'src', AD);
    expect({ src: i.hasAttribute('src'), heldSrc: i.getAttribute('data-src') }).toEqual({ src: false, heldSrc: AD });
  });

  it('a tracker src written with an upper-case attribute name is parked', () => {
    const i = document.createElement('iframe');
    i.setAttribute('SRC', AD);
    expect({ src: i.hasAttribute('src'), heldSrc: i.getAttribute('data-src') }).toEqual({ src: false, heldSrc: AD });
  });

  it('a tracker src written with setAttributeNS and no namespace is parked', () => {
    const i = document.createElement('img');
    i.setAttributeNS(null, 'src', AD);
    expect(i.hasAttribute('src')).toBe(false);
  });

  it('a namespaced src passes untouched, since it is not the attribute that loads', () => {
    const i = document.createElement('img');
    i.setAttributeNS('urn:x', 'src', AD);
    expect(i.getAttributeNS('urn:x', 'src')).toBe(AD);
    expect(reports).toEqual([]);
  });

  it('the guarded setAttribute and setAttributeNS keep the native length', () => {
    expect({
      setAttribute: Element.prototype.setAttribute.length,
      setAttributeNS: Element.prototype.setAttributeNS.length,
    }).toEqual({ setAttribute: 2, setAttributeNS: 3 });
  });

  it('a src written with setAttributeNode is not guarded (a known limit, in the README)', () => {
    const i = document.createElement('img');
    const a = document.createAttribute('src');
    a.value = AD;
    i.setAttributeNode(a);
    expect({ src: i.getAttribute('src'), held: i.hasAttribute('data-src') }).toEqual({ src: AD, held: false });
  });

  it('a new Image() given a tracker src never gets a src', () => {
    const i = new Image();
    i.src = AD;
    expect({ attribute: i.getAttribute('src'), property: i.src, heldSrc: i.getAttribute('data-src') }).toEqual({
      attribute: null,
      property: '',
      heldSrc: AD,
    });
  });

  it('a tracker src of an allowed category passes untouched', () => {
    state.allowed.add('analytics');
    const s = document.createElement('script');
    s.src = T;
    expect({
      src: s.getAttribute('src'),
      type: s.hasAttribute('type'),
      consent: s.hasAttribute('data-consent'),
    }).toEqual({ src: T, type: false, consent: false });
    expect(reports).toEqual([]);
  });

  it('a first-party src passes untouched', () => {
    const s = document.createElement('script');
    s.src = OWN;
    expect({ src: s.getAttribute('src'), type: s.hasAttribute('type') }).toEqual({ src: OWN, type: false });
    expect(reports).toEqual([]);
  });

  it('a type set after a tracker src keeps the script parked, and is kept as the original type', () => {
    const s = document.createElement('script');
    s.src = T;
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
    s.src = T;
    expect({ type: s.getAttribute('type'), originalType: s.getAttribute('data-consentry-type') }).toEqual({
      type: 'text/plain',
      originalType: 'module',
    });
  });

  it('a srcset with one tracker candidate is parked whole', () => {
    const i = document.createElement('img');
    i.srcset = `https://site.test/a.png 1x, ${AD} 2x`;
    expect({ srcset: i.hasAttribute('srcset'), heldSrcset: i.getAttribute('data-srcset') }).toEqual({
      srcset: false,
      heldSrcset: `https://site.test/a.png 1x, ${AD} 2x`,
    });
  });

  it('a source srcset of first-party images passes untouched', () => {
    const s = document.createElement('source');
    s.srcset = 'https://site.test/a.webp 640w, /b.webp 1280w';
    expect(s.getAttribute('srcset')).toBe('https://site.test/a.webp 640w, /b.webp 1280w');
  });

  it('a ping list loses only its tracker URLs', () => {
    const a = document.createElement('a');
    a.ping = `https://site.test/p ${AD} /q`;
    expect(a.getAttribute('ping')).toBe('https://site.test/p /q');
    expect(reports).toMatchObject([{ kind: 'ping', url: AD }]);
  });

  it('a ping URL taken out is kept per category and the link is marked with that category', () => {
    const a = document.createElement('a');
    a.ping = `${AD} /q ${T}`;
    expect({
      consent: a.getAttribute('data-consent'),
      heldMarketing: a.getAttribute('data-ping-marketing'),
      heldAnalytics: a.getAttribute('data-ping-analytics'),
    }).toEqual({ consent: 'marketing analytics', heldMarketing: AD, heldAnalytics: T });
  });

  it('a ping URL held twice is kept once', () => {
    const a = document.createElement('a');
    a.ping = AD;
    a.setAttribute('ping', `${AD} ${AD}?2`);
    expect(a.getAttribute('data-ping-marketing')).toBe(`${AD} ${AD}?2`);
  });

  it('a link rel=preload to a tracker is parked by its href', () => {
    const l = document.createElement('link');
    l.rel = 'preload';
    l.href = T;
    expect({ href: l.hasAttribute('href'), heldHref: l.getAttribute('data-href') }).toEqual({
      href: false,
      heldHref: T,
    });
    expect(reports).toMatchObject([{ kind: 'link' }]);
  });

  it('an object whose data is a tracker keeps it in data-data', () => {
    const o = document.createElement('object');
    o.data = AD;
    expect({ data: o.hasAttribute('data'), heldData: o.getAttribute('data-data') }).toEqual({
      data: false,
      heldData: AD,
    });
  });

  it('a parked element is reported once however many URLs are written to it', () => {
    const i = document.createElement('img');
    i.src = AD;
    i.srcset = AD + ' 2x';
    i.setAttribute('src', T);
    expect(reports).toHaveLength(1);
    expect(i.getAttribute('data-src')).toBe(T);
  });

  it('an exception inside the matcher parks even a first-party script (fail closed)', () => {
    state.throws = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = document.createElement('script');
    s.src = OWN;
    expect({ type: s.getAttribute('type'), consent: s.getAttribute('data-consent') }).toEqual({
      type: 'text/plain',
      consent: 'marketing',
    });
  });

  it('an iframe srcdoc has its tracker tags parked', () => {
    const f = document.createElement('iframe');
    f.srcdoc = `<p>hi</p><script src="${T}"></script>`;
    expect(f.getAttribute('srcdoc')).toContain('type="text/plain"');
  });

  it('attributes that cannot carry a URL are written as given, name case kept', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 1 1');
    const d = document.createElement('div');
    d.setAttribute('src', AD);
    expect({ svgViewBox: svg.getAttribute('viewBox'), divSrc: d.getAttribute('src') }).toEqual({
      svgViewBox: '0 0 1 1',
      divSrc: AD,
    });
    expect(reports).toEqual([]);
  });
});
