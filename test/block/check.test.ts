import { checkAttributeWrite, checkElement, heldSpeculation } from '../../src/block/check';
import { PARKED } from '../../src/block/marker';
import type { BlockedKind } from '../../src/core/types';
import { AD_PIXEL, FIRST_PARTY, gate, reports, reset, TRACKER } from './fixture';

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

describe('heldSpeculation', () => {
  const rules = (text: string, type = 'speculationrules') => {
    const s = document.createElement('script');
    s.setAttribute('type', type);
    s.textContent = text;
    return s;
  };
  const list = (...urls: string[]) => JSON.stringify({ prefetch: [{ source: 'list', urls }] });

  it('names the held URL of a list rule and reports it', () => {
    expect(heldSpeculation(gate, rules(list(FIRST_PARTY, AD_PIXEL)))?.category).toBe('marketing');
    expect(reports.map((r) => r.url)).toEqual([AD_PIXEL]);
  });

  it('reads prerender rules and a type in any case, with spaces around it', () => {
    const text = JSON.stringify({ prerender: [{ urls: [TRACKER] }] });
    expect(heldSpeculation(gate, rules(text, ' SpeculationRules '))?.category).toBe('analytics');
  });

  it('holds nothing for rules that name only the site', () => {
    expect(heldSpeculation(gate, rules(list(FIRST_PARTY)))).toBeUndefined();
  });

  it('holds nothing for text that is not JSON, which the browser ignores too', () => {
    expect(heldSpeculation(gate, rules(`{ prefetch: ["${AD_PIXEL}"] `))).toBeUndefined();
  });

  it('holds rules of a shape it cannot walk as an unknown marketing tracker (fail closed)', () => {
    expect(heldSpeculation(gate, rules('{"prefetch":[{"urls":5}]}'))?.category).toBe('marketing');
  });

  it('never looks at a script of another type', () => {
    expect(heldSpeculation(gate, rules(list(AD_PIXEL), 'application/json'))).toBeUndefined();
  });

  it('checkElement parks a speculation rules script that names a tracker as an inert script', () => {
    const s = rules(list(AD_PIXEL));
    expect(checkElement(gate, s)).toBe(true);
    expect([s.getAttribute('type'), s.getAttribute('data-consent')]).toEqual(['text/plain', 'marketing']);
  });
});

describe('checkAttributeWrite splits ping and srcset on ASCII whitespace, as the platform does', () => {
  const FIRST = 'https://site.test/ok';

  it.each([
    ['a TAB', '\t'],
    ['a line feed', '\n'],
    ['a form feed', '\f'],
    ['a carriage return', '\r'],
    ['a space', ' '],
  ])('a tracker URL after %s in ping is taken out, and the first-party URL stays', (_, separator) => {
    const a = document.createElement('a');
    const kept = checkAttributeWrite(gate, a, 'ping', `${FIRST}${separator}${TRACKER}`);
    expect(String(kept).split(/[\t\n\f\r ]+/)).toEqual([FIRST]);
    expect(a.getAttribute('data-ping-analytics')).toBe(TRACKER);
  });

  it('a ping list that holds no tracker is written as given, its whitespace kept', () => {
    const list = `\t${FIRST}\n${FIRST}/b `;
    expect(checkAttributeWrite(gate, document.createElement('a'), 'ping', list)).toBe(list);
  });

  it.each([
    ['a TAB before its descriptor', 'https://tracker.test\t1x'],
    ['a line feed before its descriptor', 'https://tracker.test\n2x'],
    ['a form feed before the next candidate', 'https://site.test/a.png 1x,\fhttps://tracker.test 2x'],
    [
      'no space after the comma ending the candidate before it',
      'https://site.test/a.png 1x,https://tracker.test/p.gif',
    ],
    ['trailing commas', 'https://tracker.test,, 1x'],
  ])('an img whose srcset has a tracker URL with %s is parked', (_, srcset) => {
    const img = document.createElement('img');
    expect(checkAttributeWrite(gate, img, 'srcset', srcset)).toBe(PARKED);
    expect(img.getAttribute('data-srcset')).toBe(srcset);
  });

  it('a srcset URL holding a comma is checked whole (its host may end with a tracker host)', () => {
    const host = 'https://site.test,.tracker.test/p.gif';
    const seen: string[] = [];
    const spy = {
      ...gate,
      hold: (url: string, kind: BlockedKind, el?: Element) => {
        seen.push(url);
        return gate.hold(url, kind, el);
      },
    };
    checkAttributeWrite(spy, document.createElement('img'), 'srcset', `a.png 1x,${host} 2x`);
    expect(seen).toContain(host);
  });

  it('a first-party srcset is written as given', () => {
    const srcset = 'https://site.test/a.png 1x,\thttps://site.test/b.png\t2x';
    expect(checkAttributeWrite(gate, document.createElement('img'), 'srcset', srcset)).toBe(srcset);
  });
});

describe('the URL attributes of the HTML standard and SVG 2 are checked on every element that fetches them', () => {
  const HTML = 'http://www.w3.org/1999/xhtml';
  const SVG = 'http://www.w3.org/2000/svg';
  it.each([
    [HTML, 'video', 'poster'],
    [HTML, 'video', 'src'],
    [HTML, 'audio', 'src'],
    [HTML, 'track', 'src'],
    [HTML, 'input', 'src'],
    [HTML, 'frame', 'src'],
    [HTML, 'link', 'imagesrcset'],
    [HTML, 'body', 'background'],
    [HTML, 'table', 'background'],
    [HTML, 'td', 'background'],
    [SVG, 'image', 'href'],
    [SVG, 'image', 'xlink:href'],
    [SVG, 'feImage', 'href'],
    [SVG, 'use', 'href'],
  ])('a tracker URL in %s %s %s parks the element under data-<name>', (namespace, tag, name) => {
    const el = document.createElementNS(namespace, tag);
    expect(checkAttributeWrite(gate, el, name, AD_PIXEL)).toBe(PARKED);
    expect(el.getAttribute('data-' + name)).toBe(AD_PIXEL);
    expect(reports.map((r) => r.kind)).toEqual([tag]);
  });

  it('an SVG script given a tracker href becomes a data block that keeps its href', () => {
    const script = document.createElementNS('http://www.w3.org/2000/svg', 'script');
    expect(checkAttributeWrite(gate, script, 'href', TRACKER)).toBe(PARKED);
    expect({ type: script.getAttribute('type'), href: script.getAttribute('href') }).toEqual({
      type: 'text/plain',
      href: TRACKER,
    });
  });

  it('a tracker URL after a TAB in link imagesrcset is read as a candidate of its own', () => {
    const link = document.createElement('link');
    expect(checkAttributeWrite(gate, link, 'imagesrcset', `/own.png 1x,\t${AD_PIXEL}\t2x`)).toBe(PARKED);
  });

  it('imagesizes is not a URL: it is written as given', () => {
    const link = document.createElement('link');
    expect(checkAttributeWrite(gate, link, 'imagesizes', AD_PIXEL)).toBe(AD_PIXEL);
  });

  it('a meta refresh to a tracker is refused as a navigation, whichever attribute comes last', () => {
    const contentLast = document.createElement('meta');
    contentLast.setAttribute('http-equiv', 'Refresh');
    expect(checkAttributeWrite(gate, contentLast, 'content', `0; URL='${AD_PIXEL}'`)).toBe(PARKED);
    const equivLast = document.createElement('meta');
    equivLast.setAttribute('content', `0;url=${AD_PIXEL}`);
    expect(checkAttributeWrite(gate, equivLast, 'http-equiv', 'refresh')).toBe(PARKED);
    expect(reports.map((r) => r.kind)).toEqual(['navigation', 'navigation']);
    expect(equivLast.hasAttribute('data-consent')).toBe(false);
  });

  it('a meta that is not a refresh keeps a tracker URL in its content', () => {
    const meta = document.createElement('meta');
    meta.setAttribute('property', 'og:image');
    expect(checkAttributeWrite(gate, meta, 'content', AD_PIXEL)).toBe(AD_PIXEL);
    expect(reports).toHaveLength(0);
  });

  it('a meta refresh to the site itself is written as given', () => {
    const meta = document.createElement('meta');
    meta.setAttribute('http-equiv', 'refresh');
    expect(checkAttributeWrite(gate, meta, 'content', '5; url=/next')).toBe('5; url=/next');
  });
});
