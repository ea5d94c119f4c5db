import { guardElements } from '../../src/block/elements';
import { AD, gate, OWN, reports, reset, state, T, win } from './fixture';

beforeAll(() => guardElements(win, gate));
beforeEach(reset);

describe('guardElements', () => {
  it('a script whose src is a tracker is parked as text/plain', () => {
    const s = document.createElement('script');
    s.src = T;
    expect([s.getAttribute('type'), s.getAttribute('data-consent'), s.getAttribute('data-consentry-vendor')]).toEqual([
      'text/plain',
      'analytics',
      'Tracker',
    ]);
    expect(reports.map((r) => [r.kind, r.url, r.element])).toEqual([['script', T, s]]);
  });

  it('Element.prototype.setAttribute.call catches src', () => {
    const i = document.createElement('img');
    Element.prototype.setAttribute.call(i, 'src', AD);
    expect([i.hasAttribute('src'), i.getAttribute('data-src')]).toEqual([false, AD]);
  });

  it('setAttribute catches an upper-case attribute name', () => {
    const i = document.createElement('iframe');
    i.setAttribute('SRC', AD);
    expect([i.hasAttribute('src'), i.getAttribute('data-src')]).toEqual([false, AD]);
  });

  it('setAttributeNS without a namespace catches src', () => {
    const i = document.createElement('img');
    i.setAttributeNS(null, 'src', AD);
    expect(i.hasAttribute('src')).toBe(false);
  });

  it('setAttributeNS with a namespace passes through: a namespaced src is not the one that loads', () => {
    const i = document.createElement('img');
    i.setAttributeNS('urn:x', 'src', AD);
    expect([i.getAttributeNS('urn:x', 'src'), reports.length]).toEqual([AD, 0]);
  });

  it('the guarded setAttribute keeps the native length', () => {
    expect([Element.prototype.setAttribute.length, Element.prototype.setAttributeNS.length]).toEqual([2, 3]);
  });

  it('setAttributeNode is not guarded (known limit, README)', () => {
    const i = document.createElement('img');
    const a = document.createAttribute('src');
    a.value = AD;
    i.setAttributeNode(a);
    expect([i.getAttribute('src'), i.hasAttribute('data-src')]).toEqual([AD, false]);
  });

  it('new Image() with a tracker src never gets a src', () => {
    const i = new Image();
    i.src = AD;
    expect([i.getAttribute('src'), i.src, i.getAttribute('data-src')]).toEqual([null, '', AD]);
  });

  it('an allowed category passes through untouched', () => {
    state.allowed.add('analytics');
    const s = document.createElement('script');
    s.src = T;
    expect([s.getAttribute('src'), s.hasAttribute('type'), s.hasAttribute('data-consent'), reports.length]).toEqual([
      T,
      false,
      false,
      0,
    ]);
  });

  it('a first-party src passes untouched', () => {
    const s = document.createElement('script');
    s.src = OWN;
    expect([s.getAttribute('src'), s.hasAttribute('type'), reports.length]).toEqual([OWN, false, 0]);
  });

  it('setting type after src keeps the script parked', () => {
    const s = document.createElement('script');
    s.src = T;
    s.type = 'module';
    s.setAttribute('type', 'text/javascript');
    expect([s.getAttribute('type'), s.getAttribute('data-consentry-type')]).toEqual(['text/plain', 'text/javascript']);
  });

  it('a type set before src is kept as the original type', () => {
    const s = document.createElement('script');
    s.type = 'module';
    s.src = T;
    expect([s.getAttribute('type'), s.getAttribute('data-consentry-type')]).toEqual(['text/plain', 'module']);
  });

  it('srcset with one tracker candidate is parked', () => {
    const i = document.createElement('img');
    i.srcset = `https://site.test/a.png 1x, ${AD} 2x`;
    expect([i.hasAttribute('srcset'), i.getAttribute('data-srcset')]).toEqual([
      false,
      `https://site.test/a.png 1x, ${AD} 2x`,
    ]);
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
    expect(reports.map((r) => [r.kind, r.url])).toEqual([['ping', AD]]);
  });

  it('a ping URL taken out is kept per category and the link is marked with that category', () => {
    const a = document.createElement('a');
    a.ping = `${AD} /q ${T}`;
    expect([
      a.getAttribute('data-consent'),
      a.getAttribute('data-ping-marketing'),
      a.getAttribute('data-ping-analytics'),
    ]).toEqual(['marketing analytics', AD, T]);
  });

  it('a ping URL held twice is kept once', () => {
    const a = document.createElement('a');
    a.ping = AD;
    a.setAttribute('ping', `${AD} ${AD}?2`);
    expect(a.getAttribute('data-ping-marketing')).toBe(`${AD} ${AD}?2`);
  });

  it('a link rel=preload to a tracker is parked via href', () => {
    const l = document.createElement('link');
    l.rel = 'preload';
    l.href = T;
    expect([l.hasAttribute('href'), l.getAttribute('data-href'), reports[0].kind]).toEqual([false, T, 'link']);
  });

  it('object data to a tracker moves to data-data', () => {
    const o = document.createElement('object');
    o.data = AD;
    expect([o.hasAttribute('data'), o.getAttribute('data-data')]).toEqual([false, AD]);
  });

  it('a parked element is reported once however many URLs are written to it', () => {
    const i = document.createElement('img');
    i.src = AD;
    i.srcset = AD + ' 2x';
    i.setAttribute('src', T);
    expect(reports).toHaveLength(1);
    expect(i.getAttribute('data-src')).toBe(T);
  });

  it('an exception inside the matcher parks the element (fail closed)', () => {
    state.throws = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const s = document.createElement('script');
    s.src = OWN;
    expect([s.getAttribute('type'), s.hasAttribute('data-consent')]).toEqual(['text/plain', true]);
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
    expect([svg.getAttribute('viewBox'), d.getAttribute('src'), reports.length]).toEqual(['0 0 1 1', AD, 0]);
  });
});
