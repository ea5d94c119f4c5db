// @vitest-environment node
/**
 * The rewriter's reading of HTML and its two forms. Every case goes through `checkAll`: outside the marked tags the
 * output is the input byte for byte, marking twice equals marking once, and the streaming form (one character at a
 * time, or uneven chunks) writes exactly what the string form writes.
 */
import { createMarker, createMarkStream, markHtml } from '../../src/mark/index';
import { checkAll, mark, markInChunks } from './check';

const PIXEL = 'https://www.facebook.com/tr?id=1&ev=PageView';
const GTAG = 'https://www.googletagmanager.com/gtag/js?id=G-1';

describe('what is left alone', () => {
  test.each([
    ['an inline script (the runtime guards handle what it loads)', '<script>fbq("init","1")</script>'],
    ['Consentry itself', `<script src="/consentry.js" data-policy-url="/privacy"></script>`],
    ["Consentry's JSON config", `<script type="application/json" id="consentry-config">{"rules":[]}</script>`],
    ['a tag already marked', `<script type="text/plain" data-consent="analytics" src="${GTAG}"></script>`],
    ['a hand-marked image', `<img data-consent="marketing" data-src="${PIXEL}">`],
    ['a tag with data-consentry-ignore', `<img data-consentry-ignore src="${PIXEL}">`],
    ['a data block (not JavaScript)', `<script type="application/ld+json" src="${GTAG}"></script>`],
    ['a VBScript block', `<script language="vbscript" src="${GTAG}"></script>`],
    ['<template> content', `<template><img src="${PIXEL}"><script src="${GTAG}"></script></template>`],
    ['text that looks like a tag', `<p>&lt;img src="${PIXEL}"&gt;</p>`],
    ['a comment', `<!-- <img src="${PIXEL}"> -->`],
    ['a link to a tracker', `<a href="${PIXEL}">a link navigates; it loads nothing by itself</a>`],
    [
      'first-party and relative URLs',
      '<img src="/tr?id=1"><script src="js/app.js"></script><iframe src="about:blank"></iframe>',
    ],
    ['non-http(s) URLs', `<img src="data:image/gif;base64,R0lGOD"><iframe src="javascript:void 0"></iframe>`],
  ])('%s', (_, html) => {
    const { html: out, marked } = checkAll(html);
    expect(marked).toEqual([]);
    expect(out).toBe(html);
  });

  test.each([
    ['script data', `<script>document.write('<img src="${PIXEL}">')</script>`],
    [
      'script data with an escaped comment',
      `<script><!-- document.write('<script src="${GTAG}"></script>') --></script>`,
    ],
    ['RCDATA (<textarea>, <title>)', `<textarea><img src="${PIXEL}"></textarea><title><img src="${PIXEL}"></title>`],
    [
      'raw text (<style>, <xmp>, <iframe> fallback)',
      `<style>/* <img src="${PIXEL}"> */</style><xmp><img src="${PIXEL}"></xmp>`,
    ],
    ['PLAINTEXT (everything after it)', `<plaintext><img src="${PIXEL}"><script src="${GTAG}"></script>`],
    ['an SVG <style> (foreign content, not raw text) holding markup-like CSS text', `<svg><style>i{}</style></svg><p>`],
    ['a CDATA section in SVG', `<svg><![CDATA[<img src="${PIXEL}">]]></svg>`],
  ])('markup inside %s is text, not tags', (_, html) => {
    const { marked } = checkAll(html);
    expect(marked).toEqual([]);
  });
});

describe('how tags are written', () => {
  test('uppercase tag and attribute names keep their case; the moved attribute is prefixed', () => {
    const { tags } = checkAll(`<IMG ALT=x SRC="${PIXEL}">`);
    expect(tags).toEqual([
      `<IMG data-consent="marketing" data-consentry-vendor="Meta Pixel" ALT=x data-SRC="${PIXEL}">`,
    ]);
  });

  test('unquoted, single-quoted and spaced values are copied as written', () => {
    const { tags } = checkAll(`<img src=${PIXEL} alt='a b' title = "t">`);
    expect(tags).toEqual([
      `<img data-consent="marketing" data-consentry-vendor="Meta Pixel" data-src=${PIXEL} alt='a b' title = "t">`,
    ]);
  });

  test('a duplicated URL attribute: the first decides (as in the browser) and every copy is held', () => {
    const { tags, marked } = checkAll(`<img src="${PIXEL}" src="https://px.ads.linkedin.com/collect/?pid=1">`);
    expect(marked[0].vendor).toBe('Meta Pixel');
    expect(tags[0]).toBe(
      `<img data-consent="marketing" data-consentry-vendor="Meta Pixel" data-src="${PIXEL}" data-src="https://px.ads.linkedin.com/collect/?pid=1">`,
    );
  });

  test('a duplicated attribute whose first copy is harmless is not a tracker tag', () => {
    const { marked } = checkAll(`<img src="/own.gif" src="${PIXEL}">`);
    expect(marked).toEqual([]);
  });

  test('a data-src already on the tag (a lazy-loading library) gives way to the held URL', () => {
    const { tags } = checkAll(`<img data-src="/lazy.jpg" src="${PIXEL}">`);
    expect(tags).toEqual([`<img data-consent="marketing" data-consentry-vendor="Meta Pixel"  data-src="${PIXEL}">`]);
  });

  test('a ">" inside a quoted value does not end the tag', () => {
    const { tags } = checkAll(`<iframe title="a > b" src="https://www.youtube.com/embed/x?a=1>2"></iframe>`);
    expect(tags).toEqual([
      '<iframe data-consent="marketing" data-consentry-vendor="YouTube" title="a > b" data-src="https://www.youtube.com/embed/x?a=1>2">',
    ]);
  });

  test("a script's type moves to data-consentry-type as written, and the script becomes text/plain", () => {
    const { tags } = checkAll(`<script type = 'module' src="https://connect.facebook.net/en_US/fbevents.js"></script>`);
    expect(tags).toEqual([
      `<script data-consentry-type = 'module' data-consent="marketing" data-consentry-vendor="Meta Pixel" type="text/plain" src="https://connect.facebook.net/en_US/fbevents.js">`,
    ]);
  });

  test('an unquoted type followed by a slash cannot run into the attributes written after it', () => {
    const { tags } = checkAll(`<script/type=module src="${GTAG}"></script>`);
    expect(tags[0].startsWith('<script data-consentry-type=module data-consent="analytics"')).toBe(true);
  });

  test('a self-closing tag and a tag without spaces between attributes', () => {
    const { tags } = checkAll(`<img alt=""src="${PIXEL}"/>`);
    expect(tags).toEqual([
      `<img data-consent="marketing" data-consentry-vendor="Meta Pixel" alt=""data-src="${PIXEL}"/>`,
    ]);
  });

  test('an <a ping> keeps its link and its own ping URLs; the tracker URLs wait in data-ping-<category>', () => {
    const { tags } = checkAll(`<a href="/offer" ping="/log ${PIXEL.replace('&', '&amp;')}">Offer</a>`);
    expect(tags).toEqual([
      `<a data-ping-marketing="${PIXEL.replace('&', '&amp;')}" data-consent="marketing" data-consentry-vendor="Meta Pixel" href="/offer" ping="/log">`,
    ]);
  });

  test('an <img> with trackers of two categories waits for both', () => {
    const { marked } = checkAll(`<img srcset="https://hm.baidu.com/hm.gif 1x" src="${PIXEL}">`);
    expect(marked[0].categories).toEqual(['analytics', 'marketing']);
  });

  test('a <video poster> on a tracker is held with the video, and its first-party src moves with it', () => {
    const { tags } = checkAll(`<video poster="${PIXEL}" src="/own.mp4"></video>`);
    expect(tags).toEqual([
      `<video data-consent="marketing" data-consentry-vendor="Meta Pixel" data-poster="${PIXEL}" data-src="/own.mp4">`,
    ]);
  });

  test('an SVG <image xlink:href> on a tracker is held under data-xlink:href (inside <svg>: alone it is an <img>)', () => {
    expect(mark(`<svg><image xlink:href="${PIXEL}"/></svg>`).html).toBe(
      `<svg><image data-consent="marketing" data-consentry-vendor="Meta Pixel" data-xlink:href="${PIXEL}"/></svg>`,
    );
  });

  test("HTML's <image> is an <img>", () => {
    const { marked } = checkAll(`<image src="${PIXEL}">`);
    expect(marked.map((m) => m.tag)).toEqual(['img']);
  });

  test('vendor names from site rules are written as character references outside ASCII', () => {
    const { tags } = checkAll(`<script src="https://tj.example.cn/t.js"></script>`, {
      rules: [{ match: 'tj.example.cn', category: 'analytics', vendor: '统计 "T"' }],
    });
    expect(tags[0]).toContain('data-consentry-vendor="&#x7edf;&#x8ba1; &quot;T&quot;"');
  });
});

describe('documents as they come', () => {
  test('CRLF line ends, the doctype and a BOM are kept byte for byte', () => {
    const html = `\ufeff<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<script async\r\n src="${GTAG}"></script>\r\n</head></html>\r\n`;
    const { html: out, tags } = checkAll(html);
    expect(out.startsWith('\ufeff<!DOCTYPE html>\r\n<html>\r\n<head>\r\n<script type="text/plain"')).toBe(true);
    expect(tags[0]).toContain(`async\r\n src="${GTAG}"`);
  });

  test('SVG and MathML: elements outside HTML are read with their own rules, and HTML inside them is found', () => {
    const html = `<svg><foreignObject><img src="${PIXEL}"></foreignObject><title>t</title></svg><script src="${GTAG}"></script>`;
    expect(checkAll(html).marked.map((m) => m.tag)).toEqual(['img', 'script']);
  });

  test('a self-closing <svg/> opens nothing: the script after it is HTML, its content script data', () => {
    const html = `<svg/><script>var s = '<img src="${PIXEL}">';</script><img src="${PIXEL}">`;
    const { marked, html: out } = checkAll(html);
    expect(marked).toHaveLength(1);
    expect(out).toContain(`var s = '<img src="${PIXEL}">';`);
  });

  test('an HTML tag that breaks out of SVG is HTML again', () => {
    const { marked } = checkAll(`<svg><circle r="1"/><p><img src="${PIXEL}"></svg>`);
    expect(marked).toHaveLength(1);
  });

  test('<noscript> in <head> and <body> is read as markup; inside <template> it is not', () => {
    const html = `<head><noscript><link rel="stylesheet" href="https://static.hotjar.com/x.css"></noscript></head><body><noscript><p><img src="${PIXEL}"></p></noscript><template><noscript><img src="${PIXEL}"></noscript></template>`;
    const { marked } = checkAll(html);
    expect(marked.map((m) => m.tag)).toEqual(['link', 'img']);
  });

  test('a <noscript> that never closes is marked to the end of the input', () => {
    const { marked } = checkAll(`<noscript><img src="${PIXEL}">`);
    expect(marked).toHaveLength(1);
  });

  test.each([
    ['a tag cut off at the end', `<p>hi</p><img src="${PIXEL}`],
    ['an attribute without a value at the end', '<img src'],
    ['a lone "<"', '<p>a < b</p><'],
    ['an unclosed comment', `<!-- <img src="${PIXEL}">`],
    ['an unclosed script', `<script>document.write('<img src="${PIXEL}">')`],
    ['stray end tags and bogus markup', `</p></div><!bogus><?php echo 1 ?></x y="z"><img src="${PIXEL}">`],
    ['NUL characters', `<img\0 alt="\0" src="${PIXEL}">\0`],
    ['an unpaired surrogate', `\ud800<img src="${PIXEL}">\udc00`],
  ])('malformed: %s is copied as written and never throws', (_, html) => {
    checkAll(html);
  });

  test('a tag split at every position of a chunk boundary gives the same output as the whole string', () => {
    const html = `<!doctype html>\r\n<html><head><script async src="${GTAG}"></script><link rel=preload as=script href=${GTAG}>
<!-- c --><title>a</title><script>if (a<b) x('</scr'+'ipt>')</script></head><body><noscript><img src="${PIXEL}"></noscript>
<svg><![CDATA[x]]></svg><img alt="&amp; é 𝄞" srcset="https://hm.baidu.com/hm.gif?a=1&amp;b=2 1x"><textarea></textarea></body>`;
    const whole = markHtml(html);
    for (let i = 0; i <= html.length; i++) {
      const marker = createMarker();
      const out = marker.push(html.slice(0, i)) + marker.push(html.slice(i)) + marker.end();
      if (out !== whole) expect(out, `split at ${i}`).toBe(whole);
    }
  }, 60_000);

  test('a 5 MB page: the same output in 64 kB chunks as whole, and the stream holds back at most one tag', () => {
    const block = `<div class="p"><img src="/img/a.png" alt="a"><p>Some text &amp; more text, repeated to fill a page.</p>
<img src="${PIXEL}" alt=""><script>var x = "<img src='${PIXEL}'>";</script><iframe src="https://www.youtube.com/embed/x"></iframe></div>\n`;
    const html = block.repeat(Math.ceil((5 * 1024 * 1024) / block.length));
    const whole = markHtml(html);
    const marker = createMarker();
    let fed = 0;
    let out = '';
    for (let i = 0; i < html.length; i += 65536) {
      const chunk = html.slice(i, i + 65536);
      fed += chunk.length;
      out += marker.push(chunk);
      // Marking only adds bytes here, so the output can lag the input by no more than the tag being read.
      expect(fed - out.length).toBeLessThan(200);
    }
    out += marker.end();
    expect(out).toBe(whole);
    expect(marker.marked).toHaveLength(2 * Math.ceil((5 * 1024 * 1024) / block.length));
  }, 60_000); // a size test, not a timing one: allow for a loaded machine
});

describe('known limits (README: "What is left")', () => {
  test('markup inside <iframe srcdoc> is not rewritten (the frames guard holds it at run time)', () => {
    const html = `<iframe srcdoc="<img src=&quot;${PIXEL}&quot;>"></iframe>`;
    expect(markHtml(html)).toBe(html);
  });

  test('CSS url() in a style sheet or a style attribute is not rewritten', () => {
    const html = `<style>body{background:url(${PIXEL})}</style><div style="background:url(${PIXEL})"></div>`;
    expect(markHtml(html)).toBe(html);
  });

  test('read byte-wise (CLI, middleware), a tracker host written in Unicode is not recognised', () => {
    const config = { rules: [{ match: 'xn--tst-qla.example', category: 'analytics' }] };
    const html = '<img src="https://täst.example/p.gif">';
    expect(markHtml(html, config)).toContain('data-src=');
    const bytes = Buffer.from(html).toString('latin1');
    expect(markHtml(bytes, config)).toBe(bytes);
  });
});

describe("the config: the loader's own, read the loader's way", () => {
  test('site rules add trackers and the allow list exempts first-party hosts', () => {
    const config = {
      rules: [{ match: 'cdn.example-tracker.com', category: 'analytics', vendor: 'Example' }],
      allow: ['www.googletagmanager.com'],
    };
    const { marked } = checkAll(
      `<script src="https://cdn.example-tracker.com/t.js"></script><script src="${GTAG}"></script>`,
      config,
    );
    expect(marked.map((m) => m.vendor)).toEqual(['Example']);
  });

  test("a site rule on the site's own host matches relative URLs once the page URL is known", () => {
    const config = { rules: [{ match: 'shop.example/collect', category: 'analytics' }] };
    const html = '<img src="/collect?e=view">';
    expect(markHtml(html, config)).toBe(html);
    const marker = createMarker(config, { url: 'https://shop.example/products/' });
    expect(marker.push(html) + marker.end()).toContain('data-src="/collect?e=view"');
  });

  test('a <base href> changes what relative URLs resolve to, as in the browser', () => {
    const html = '<base href="https://www.facebook.com/"><img src="tr?id=1"><img src="/tr/?id=2">';
    expect(markHtml(html)).toBe(
      '<base href="https://www.facebook.com/"><img data-consent="marketing" data-consentry-vendor="Meta Pixel" data-src="tr?id=1"><img data-consent="marketing" data-consentry-vendor="Meta Pixel" data-src="/tr/?id=2">',
    );
    expect(markHtml(html.replace('<base href="https://www.facebook.com/">', ''))).toBe(html.slice(39));
  });

  test("Advanced Consent Mode lets Google's tags load, exactly as the loader does", () => {
    const html = `<script async src="${GTAG}"></script><img src="${PIXEL}">`;
    expect(checkAll(html, { consentMode: 'advanced' }).marked.map((m) => m.vendor)).toEqual(['Meta Pixel']);
    expect(checkAll(html, { consentMode: 'basic' }).marked.map((m) => m.vendor)).toEqual([
      'Google Analytics',
      'Meta Pixel',
    ]);
  });

  test('an invalid config logs one error per bad key and blocks as if the key were absent (fail closed)', () => {
    const errors: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((e) => void errors.push(e));
    try {
      const { marked } = checkAll(`<script src="${GTAG}"></script>`, { allow: 'www.googletagmanager.com' } as never);
      expect(marked).toHaveLength(1);
      expect(errors.join('\n')).toMatch(/"allow" must be an array/);
    } finally {
      spy.mockRestore();
    }
  });

  test('onMark reports each tag as it is marked, with its place in the input', () => {
    const seen: number[] = [];
    markHtml(`<p></p><img src="${PIXEL}"><noscript><img src="${PIXEL}"></noscript>`, undefined, {
      onMark: (t) => seen.push(t.offset),
    });
    // the second inside <noscript>: still its offset in the whole input
    expect(seen).toEqual([7, 73]);
  });
});

describe('the WHATWG stream form', () => {
  test('createMarkStream() rewrites a ReadableStream of strings as the string form does', async () => {
    const html = `<head><script async src="${GTAG}"></script></head><body><img src="${PIXEL}"></body>`;
    const parts = [html.slice(0, 20), html.slice(20, 21), html.slice(21)];
    const source = new ReadableStream<string>({
      start(c) {
        for (const p of parts) c.enqueue(p);
        c.close();
      },
    });
    const stream = createMarkStream();
    let out = '';
    const reader = source.pipeThrough(stream).getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) out += r.value;
    expect(out).toBe(markHtml(html));
    expect(stream.marked).toHaveLength(2);
    expect(markInChunks(html, [5])).toBe(out);
  });
});
