import { guardElements } from '../../src/block/elements';
import { checkInserted, guardMarkup, scriptsInsertedByConsentry, scrubMarkup, scrubTree } from '../../src/block/markup';
import { AD_PIXEL, gate, reports, reset, TRACKER, win } from './fixture';

// stands in for the native document.write, below the guard: records what the guard passes on. (happy-dom's
// document has its own Document class in its prototype chain, so the tests call Document.prototype.write, the
// one a browser's document uses.)
const written: string[] = [];
beforeAll(() => {
  Document.prototype.write = (h: string) => void written.push(h);
  Document.prototype.writeln = (h: string) => void written.push(h + '\n');
  guardElements(win, gate);
  guardMarkup(win, gate);
});
beforeEach(() => {
  reset();
  written.length = 0;
});

describe('guardMarkup', () => {
  it('innerHTML parks a tracker img before it is inserted', () => {
    document.body.innerHTML = `<p>x</p><img src="${AD_PIXEL}" alt="">`;
    const i = document.querySelector('img')!;
    expect({
      src: i.hasAttribute('src'),
      heldSrc: i.getAttribute('data-src'),
      consent: i.getAttribute('data-consent'),
    }).toEqual({
      src: false,
      heldSrc: AD_PIXEL,
      consent: 'marketing',
    });
  });

  it('innerHTML drops the content of a refresh to a tracker, so the page is not sent there', () => {
    document.body.innerHTML = `<meta http-equiv="refresh" content="0;url=${TRACKER}">`;
    expect(document.querySelector('meta')!.hasAttribute('content')).toBe(false);
  });

  it('insertAdjacentHTML parks a tracker iframe', () => {
    document.body.insertAdjacentHTML('beforeend', `<iframe src="${AD_PIXEL}"></iframe>`);
    expect(document.querySelector('iframe')!.getAttribute('data-src')).toBe(AD_PIXEL);
  });

  it('outerHTML parks a tracker script', () => {
    const d = document.createElement('div');
    document.body.append(d);
    d.outerHTML = `<script src="${TRACKER}"></script>`;
    expect(document.querySelector('script')!.getAttribute('type')).toBe('text/plain');
  });

  it('createContextualFragment parks a tracker script in the fragment', () => {
    const r = document.createRange();
    r.selectNodeContents(document.body);
    const f = r.createContextualFragment(`<script src="${TRACKER}"></script>`);
    expect(f.querySelector('script')!.getAttribute('type')).toBe('text/plain');
  });

  it('document.write of a CNZZ-style tag hands a text/plain script to the native write', () => {
    Document.prototype.write.call(document, '<script src="https://tracker.test/z_stat.php?id=1&web_id=1"></script>');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(
      /^<script src="https:\/\/tracker\.test\/z_stat\.php\?id=1&amp;web_id=1" [^>]*type="text\/plain"/,
    );
  });

  it('document.write of several first-party strings passes them on unchanged', () => {
    Document.prototype.write.call(document, '<p>', 'a', '</p>');
    expect(written).toEqual(['<p>a</p>']);
  });

  describe('document.write once parsing is over', () => {
    const as = (k: 'currentScript' | 'readyState', v: unknown) =>
      Object.defineProperty(document, k, { value: v, configurable: true });
    let s: HTMLScriptElement;
    beforeEach(() => {
      s = document.createElement('script');
      document.body.append(s, document.createElement('footer'));
    });
    afterEach(() => {
      delete (document as { currentScript?: unknown }).currentScript;
      delete (document as { readyState?: unknown }).readyState;
    });

    it("hands a page script's write to the native write, which opens a new document as it does without Consentry", () => {
      as('currentScript', s);
      Document.prototype.write.call(document, '<span id="w">x</span>');
      expect(written).toEqual(['<span id="w">x</span>']);
      expect(document.getElementById('w')).toBeNull();
    });

    it('hands a write with no script running to the native writeln', () => {
      as('currentScript', null);
      Document.prototype.writeln.call(document, '<span id="w">', 'x</span>');
      expect(written).toEqual(['<span id="w">x</span>\n']);
    });

    it("parks a tracker script in a page script's markup before the native write", () => {
      as('currentScript', s);
      Document.prototype.write.call(document, `<script src="${TRACKER}"></script>`);
      expect(written[0]).toContain('type="text/plain"');
    });

    it('parks a tracker script in the markup a script of scriptsInsertedByConsentry inserts', () => {
      as('currentScript', s);
      scriptsInsertedByConsentry.add(s);
      Document.prototype.write.call(document, `<script src="${TRACKER}"></script>`);
      expect((s.nextElementSibling as HTMLScriptElement).getAttribute('type')).toBe('text/plain');
    });

    it('inserts after a script of scriptsInsertedByConsentry even while the page is loading, and flags the scripts it inserts as scriptsInsertedByConsentry', () => {
      as('currentScript', s);
      as('readyState', 'loading');
      scriptsInsertedByConsentry.add(s);
      Document.prototype.write.call(document, '<script id="w"></script>');
      expect(written).toEqual([]);
      expect(s.nextElementSibling?.id).toBe('w');
      expect(scriptsInsertedByConsentry.has(s.nextElementSibling!)).toBe(true);
    });

    it('hands a write from a parser-inserted script while the page is loading to the native write', () => {
      as('currentScript', s);
      as('readyState', 'loading');
      Document.prototype.write.call(document, '<p>x</p>');
      expect(written).toEqual(['<p>x</p>']);
    });
  });

  it('a string with nothing that carries a URL goes to the native setter as it is', () => {
    const h = '<b>hello</b> <i>world</i>';
    expect(scrubMarkup(document, gate, h)).toBe(h);
  });

  it('a string whose URLs are all allowed is not re-serialised', () => {
    const h = '<img src=/a.png alt=a>';
    expect(scrubMarkup(document, gate, h)).toBe(h);
  });

  it('a template parse of a tracker tag reports it once', () => {
    document.body.innerHTML = `<img src="${AD_PIXEL}"><img src="/own.png">`;
    expect(reports.map((r) => r.url)).toEqual([AD_PIXEL]);
  });

  it('an owner-marked tag in the string is left as written', () => {
    const h = `<script type="text/plain" data-consent="analytics" src="${TRACKER}"></script>`;
    expect(scrubMarkup(document, gate, h)).toBe(h);
  });

  it('a srcdoc inside the string is scrubbed too', () => {
    document.body.innerHTML = `<iframe srcdoc="<img src='${AD_PIXEL}'>"></iframe>`;
    expect(document.querySelector('iframe')!.getAttribute('srcdoc')).toContain('data-src');
  });
});

describe('scrubTree and checkInserted', () => {
  it('a tracker img inside a template inside markup is parked in the template content', () => {
    const out = String(
      scrubMarkup(document, gate, `<div><template shadowrootmode="open"><img src="${AD_PIXEL}"></template></div>`),
    );
    expect(out).toContain(`data-src="${AD_PIXEL}"`);
    expect(out).not.toContain(` src="${AD_PIXEL}"`);
  });
  it('a half-marked img (data-consent, URL still in src) is parked', () => {
    const template = document.createElement('template');
    template.innerHTML = `<img data-consent="marketing" src="/own.gif">`;
    expect(scrubTree(gate, template.content)).toBe(true);
    const img = template.content.querySelector('img')!;
    expect([img.getAttribute('src'), img.getAttribute('data-src')]).toEqual([null, '/own.gif']);
  });
  it('a node of another document is checked on insertion; a node of the same one is not re-parsed', () => {
    const foreign = document.implementation.createHTMLDocument('');
    const img = foreign.createElement('img');
    img.setAttribute('src', '/own.gif');
    img.setAttribute('data-consent', 'marketing');
    const same = document.createElement('img');
    same.setAttribute('src', '/own.gif');
    checkInserted(gate, document.body, img);
    checkInserted(gate, document.body, same);
    expect([img.getAttribute('data-src'), same.getAttribute('src')]).toEqual(['/own.gif', '/own.gif']);
  });
});

describe('document.write of one tag over several calls', () => {
  it('holds the unfinished tag back and checks it whole with the next call', () => {
    Document.prototype.write.call(document, '<scr');
    Document.prototype.write.call(document, `ipt src="${TRACKER}"></scr` + 'ipt>');
    expect(written[0]).toBe('');
    expect(written[1]).toContain('type="text/plain"');
  });
});
