/**
 * The leak corpus: one page per embed pattern, each built in two forms.
 * - `unmarked`: the snippet pasted as the vendor publishes it (rewritten in our words, same structure).
 * - `marked`: the static tags marked the Consentry way (`type="text/plain" data-consent=…`, `data-src`, `data-href`).
 *   Tags that page code creates at run time cannot be marked, so they are the same in both forms.
 *
 * Every page starts with `<script src="/consentry.js">` as the first thing in <head>, logs in with the session API,
 * and sets `window.corpusReady` once it has done everything it will do on its own (the delayed page: after 2 s).
 * Pages whose trackers are one-shot network calls expose `window.corpusFire()` to make those calls again: a refused
 * request is lost by design, so on the page where consent is given the test fires again and expects the hit.
 */

export type Form = 'unmarked' | 'marked';
export const FORMS: Form[] = ['unmarked', 'marked'];
export type Category = 'analytics' | 'marketing';

/** One tracker on a page, and what proves that it ran once its category is allowed. */
export interface Tracker {
  vendor: string;
  category: Category;
  /** How it is embedded, for the report. */
  channel: string;
  /** A request (host or host+path prefix) that arrives only when it ran. Omitted for cookie-only trackers. */
  hit?: string;
  /** First-party cookies it writes once allowed. */
  cookies?: string[];
  /**
   * How it comes back on the page where consent is given: `auto` (re-activation, the default) or `refire`
   * (a one-shot call that was refused; `corpusFire()` repeats it).
   */
  sameView?: 'auto' | 'refire';
}

/** Something in-page blocking cannot stop, asserted as such: the request DOES arrive before consent. */
export interface Limit {
  form: Form;
  hit: string;
  /** Most requests expected per page load (the preload scanner fetches once). */
  max: number;
  /**
   * A race rather than a certainty: the request arrives on some loads only, so "none" is no news and only `max`
   * is checked. Used where the outcome depends on timing the page cannot control.
   */
  race?: boolean;
  why: string;
}

export interface CorpusPage {
  name: string;
  title: string;
  trackers: Tracker[];
  limits?: Limit[];
  /** Selectors clicked in every scenario once the page is settled (a tracked button, a link with `ping`). */
  clicks?: string[];
  /** Requests that must never arrive in any scenario (e.g. `<noscript>` pixels, inert while JS runs). */
  never?: string[];
  html(form: Form): string;
}

// ---------------------------------------------------------------------------------------------------------------
// Markup helpers: the same tag, unmarked or marked.

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function extScript(form: Form, src: string, cat: Category, attrs = 'async'): string {
  return form === 'marked'
    ? `<script type="text/plain" data-consent="${cat}" ${attrs} src="${esc(src)}"></script>`
    : `<script ${attrs} src="${esc(src)}"></script>`;
}
function inlineScript(form: Form, code: string, cat: Category): string {
  return form === 'marked'
    ? `<script type="text/plain" data-consent="${cat}">${code}</script>`
    : `<script>${code}</script>`;
}
function img(form: Form, attr: 'src' | 'srcset', url: string, cat: Category, extra = ''): string {
  return form === 'marked'
    ? `<img data-consent="${cat}" data-${attr}="${esc(url)}" alt="" ${extra}>`
    : `<img ${attr}="${esc(url)}" alt="" ${extra}>`;
}
function iframe(form: Form, src: string, cat: Category, extra = ''): string {
  return form === 'marked'
    ? `<iframe data-consent="${cat}" data-src="${esc(src)}" ${extra}></iframe>`
    : `<iframe src="${esc(src)}" ${extra}></iframe>`;
}
function link(form: Form, rel: string, href: string, cat: Category, extra = ''): string {
  return form === 'marked'
    ? `<link data-consent="${cat}" rel="${rel}" data-href="${esc(href)}" ${extra}>`
    : `<link rel="${rel}" href="${esc(href)}" ${extra}>`;
}

/** The common page frame. `delay` postpones `corpusReady` for pages that act after load. */
function page(title: string, head: string, body: string, delay = 0): string {
  return `<!doctype html>
<html lang="en"><head>
<script src="/consentry.js"></script>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head><body>
<h1>${title}</h1>
<p>Welcome to the test shop. <a href="/privacy">Privacy</a></p>
${body}
<script>
consentry.session.login('alice');
window.corpusViews = (window.corpusViews || 0) + 1;
addEventListener('load', function () { setTimeout(function () { window.corpusReady = true; }, ${delay}); });
</script>
</body></html>`;
}

// Ids used by the pages (each vendor reads its own from the URL or its settings, like the real ones).
const BAIDU = '5d41402abc4b2a76b9719d911017c592';
const BAIDU_LATE = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const HOTJAR = 1;

// ---------------------------------------------------------------------------------------------------------------
// Vendor snippets, in our words, with the structure the vendors publish.

export const GTAG_CONFIG = `
  window.dataLayer = window.dataLayer || [];
  function gtag(){ dataLayer.push(arguments); }
  gtag('js', new Date());
  gtag('config', 'G-TEST');`;

const GTM_LOADER = `
  (function (w, d, s, l, i) {
    w[l] = w[l] || [];
    w[l].push({ 'gtm.start': new Date().getTime(), event: 'gtm.js' });
    var first = d.getElementsByTagName(s)[0], tag = d.createElement(s), extra = l != 'dataLayer' ? '&l=' + l : '';
    tag.async = true;
    tag.src = 'https://www.googletagmanager.com/gtm.js?id=' + i + extra;
    first.parentNode.insertBefore(tag, first);
  })(window, document, 'script', 'dataLayer', 'GTM-TEST');`;

export const META_LOADER = `
  !function (f, b, e, v, n, t, s) {
    if (f.fbq) return;
    n = f.fbq = function () { n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments); };
    if (!f._fbq) f._fbq = n;
    n.push = n; n.loaded = !0; n.version = '2.0'; n.queue = [];
    t = b.createElement(e); t.async = !0; t.src = v;
    s = b.getElementsByTagName(e)[0]; s.parentNode.insertBefore(t, s);
  }(window, document, 'script', 'https://connect.facebook.net/en_US/fbevents.js');
  fbq('init', '1');
  fbq('track', 'PageView');`;

export const HOTJAR_LOADER = `
  (function (h, o, t, j, a, r) {
    h.hj = h.hj || function () { (h.hj.q = h.hj.q || []).push(arguments); };
    h._hjSettings = { hjid: ${HOTJAR}, hjsv: 6 };
    a = o.getElementsByTagName('head')[0];
    r = o.createElement('script'); r.async = 1;
    r.src = t + h._hjSettings.hjid + j + h._hjSettings.hjsv;
    a.appendChild(r);
  })(window, document, 'https://static.hotjar.com/c/hotjar-', '.js?sv=');`;

const clarityLoader = (project: string) => `
  (function (c, l, a, r, i, t, y) {
    c[a] = c[a] || function () { (c[a].q = c[a].q || []).push(arguments); };
    t = l.createElement(r); t.async = 1; t.src = 'https://www.clarity.ms/tag/' + i;
    y = l.getElementsByTagName(r)[0]; y.parentNode.insertBefore(t, y);
  })(window, document, 'clarity', 'script', '${project}');`;

const LINKEDIN_LOADER = `
  _linkedin_partner_id = '1';
  window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
  window._linkedin_data_partner_ids.push(_linkedin_partner_id);
  (function (l) {
    if (!l) { window.lintrk = function (a, b) { window.lintrk.q.push([a, b]); }; window.lintrk.q = []; }
    var first = document.getElementsByTagName('script')[0];
    var tag = document.createElement('script');
    tag.type = 'text/javascript'; tag.async = true;
    tag.src = 'https://snap.licdn.com/li.lms-analytics/insight.min.js';
    first.parentNode.insertBefore(tag, first);
  })(window.lintrk);`;

const TIKTOK_LOADER = `
  !function (w, d, t) {
    w.TiktokAnalyticsObject = t;
    var ttq = w[t] = w[t] || [];
    ttq.methods = ['page', 'track', 'identify', 'instances', 'debug', 'on', 'off', 'once', 'ready', 'alias', 'group',
      'enableCookie', 'disableCookie', 'holdConsent', 'revokeConsent', 'grantConsent'];
    ttq.setAndDefer = function (o, m) { o[m] = function () { o.push([m].concat([].slice.call(arguments, 0))); }; };
    for (var i = 0; i < ttq.methods.length; i++) ttq.setAndDefer(ttq, ttq.methods[i]);
    ttq.instance = function (id) {
      for (var e = ttq._i[id] || [], n = 0; n < ttq.methods.length; n++) ttq.setAndDefer(e, ttq.methods[n]);
      return e;
    };
    ttq.load = function (id, opts) {
      var base = 'https://analytics.tiktok.com/i18n/pixel/events.js';
      ttq._i = ttq._i || {}; ttq._i[id] = []; ttq._i[id]._u = base;
      ttq._t = ttq._t || {}; ttq._t[id] = +new Date;
      ttq._o = ttq._o || {}; ttq._o[id] = opts || {};
      var tag = d.createElement('script');
      tag.type = 'text/javascript'; tag.async = !0; tag.src = base + '?sdkid=' + id + '&lib=' + t;
      var first = d.getElementsByTagName('script')[0]; first.parentNode.insertBefore(tag, first);
    };
    ttq.load('TESTPIXEL');
    ttq.page();
  }(window, document, 'ttq');`;

const BAIDU_LOADER = `
  var _hmt = _hmt || [];
  (function () {
    var hm = document.createElement('script');
    hm.src = 'https://hm.baidu.com/hm.js?${BAIDU}';
    var s = document.getElementsByTagName('script')[0];
    s.parentNode.insertBefore(hm, s);
  })();`;

const CNZZ_WRITE = `
  document.write(unescape("%3Cspan id='cnzz_stat_icon_1'%3E%3C/span%3E%3Cscript src='https://s4.cnzz.com/z_stat.php%3Fid%3D1%26web_id%3D1' type='text/javascript'%3E%3C/script%3E"));`;

// ---------------------------------------------------------------------------------------------------------------
// The pages

export const pages: CorpusPage[] = [
  {
    name: 'ga4',
    title: 'GA4 gtag.js',
    trackers: [
      {
        vendor: 'Google Analytics 4',
        category: 'analytics',
        channel: 'static async <script src> + inline config',
        hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-TEST',
        cookies: ['_ga', '_ga_TEST'],
      },
    ],
    limits: [
      {
        form: 'unmarked',
        hit: 'www.googletagmanager.com/gtag/js?id=G-TEST',
        max: 1,
        why:
          'the preload scanner fetches a static unmarked <script src> while the parser waits for the loader; ' +
          'it is fetched, never run (no collect hit, no cookie)',
      },
    ],
    html: (f) =>
      page(
        'GA4 gtag.js',
        `${extScript(f, 'https://www.googletagmanager.com/gtag/js?id=G-TEST', 'analytics')}
${inlineScript(f, GTAG_CONFIG, 'analytics')}`,
        '',
      ),
  },
  {
    name: 'gtm',
    title: 'Google Tag Manager container',
    trackers: [
      {
        vendor: 'Google Tag Manager (GA4 tag inside)',
        category: 'analytics',
        channel: 'inline loader IIFE inserting gtm.js',
        hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-GTMTAG',
        cookies: ['_ga', '_ga_GTMTAG'],
      },
    ],
    never: ['www.googletagmanager.com/ns.html'],
    html: (f) =>
      page(
        'Google Tag Manager container',
        inlineScript(f, GTM_LOADER, 'analytics'),
        `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-TEST" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>`,
      ),
  },
  {
    name: 'meta',
    title: 'Meta Pixel',
    trackers: [
      {
        vendor: 'Meta Pixel',
        category: 'marketing',
        channel: 'inline loader !function(f,b,e,v,n,t,s) + fbq queue',
        hit: 'www.facebook.com/tr/?id=1&ev=PageView',
        cookies: ['_fbp'],
      },
      {
        vendor: 'Meta Pixel (click event)',
        category: 'marketing',
        channel: "fbq('track','AddToCart') on a button",
        hit: 'www.facebook.com/tr/?id=1&ev=AddToCart',
      },
    ],
    clicks: ['#add-to-cart'],
    never: ['www.facebook.com/tr?id=1&ev=PageView&noscript=1'],
    html: (f) =>
      page(
        'Meta Pixel',
        inlineScript(f, META_LOADER, 'marketing'),
        `<noscript><img height="1" width="1" style="display:none" src="https://www.facebook.com/tr?id=1&ev=PageView&noscript=1"></noscript>
<button id="add-to-cart" onclick="typeof fbq === 'function' && fbq('track', 'AddToCart')">Add to cart</button>`,
      ),
  },
  {
    name: 'pixel',
    title: 'Static image pixels',
    trackers: [
      {
        vendor: 'Meta Pixel (image)',
        category: 'marketing',
        channel: 'static <img src>',
        hit: 'www.facebook.com/tr?id=1&ev=PageView&noscript=1',
      },
      {
        vendor: 'LinkedIn (image)',
        category: 'marketing',
        channel: 'static <img srcset>',
        hit: 'px.ads.linkedin.com/collect/?pid=1&fmt=gif',
      },
    ],
    limits: [
      {
        form: 'unmarked',
        hit: 'www.facebook.com/tr?id=1&ev=PageView&noscript=1',
        max: 1,
        why: 'the preload scanner fetches a static unmarked <img src> before any script runs',
      },
      {
        form: 'unmarked',
        hit: 'px.ads.linkedin.com/collect/?pid=1&fmt=gif',
        max: 1,
        why: 'the preload scanner fetches a static unmarked <img srcset> before any script runs',
      },
    ],
    html: (f) =>
      page(
        'Static image pixels',
        '',
        `${img(f, 'src', 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', 'marketing', 'width="1" height="1" style="display:none"')}
${img(f, 'srcset', 'https://px.ads.linkedin.com/collect/?pid=1&fmt=gif 1x', 'marketing', 'width="1" height="1"')}`,
      ),
  },
  {
    name: 'hotjar',
    title: 'Hotjar',
    trackers: [
      {
        vendor: 'Hotjar',
        category: 'analytics',
        channel: 'inline loader (h,o,t,j,a,r) + XHR + WebSocket',
        hit: `in.hotjar.com/api/v2/client/sites/${HOTJAR}/visit-data`,
        cookies: [`_hjSessionUser_${HOTJAR}`, `_hjSession_${HOTJAR}`],
      },
      {
        vendor: 'Hotjar (WebSocket)',
        category: 'analytics',
        channel: 'WebSocket from the vendor script',
        hit: 'ws.hotjar.com/api/v2/client/ws',
      },
    ],
    html: (f) => page('Hotjar', inlineScript(f, HOTJAR_LOADER, 'analytics'), ''),
  },
  {
    name: 'clarity',
    title: 'Microsoft Clarity',
    trackers: [
      {
        vendor: 'Microsoft Clarity',
        category: 'analytics',
        channel: 'inline loader (c,l,a,r,i,t,y) → tag → library → XHR',
        hit: 'c.clarity.ms/collect',
        cookies: ['_clck', '_clsk'],
      },
    ],
    html: (f) => page('Microsoft Clarity', inlineScript(f, clarityLoader('TEST'), 'analytics'), ''),
  },
  {
    name: 'linkedin',
    title: 'LinkedIn Insight Tag',
    trackers: [
      {
        vendor: 'LinkedIn Insight',
        category: 'marketing',
        channel: '_linkedin_partner_id + inline loader → image pixel',
        hit: 'px.ads.linkedin.com/collect?v=2&fmt=js&pid=1',
        cookies: ['li_fat_id'],
      },
    ],
    never: ['px.ads.linkedin.com/collect/?pid=1&fmt=gif'],
    html: (f) =>
      page(
        'LinkedIn Insight Tag',
        '',
        `${inlineScript(f, LINKEDIN_LOADER, 'marketing')}
<noscript><img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=1&fmt=gif"></noscript>`,
      ),
  },
  {
    name: 'tiktok',
    title: 'TikTok Pixel',
    trackers: [
      {
        vendor: 'TikTok Pixel',
        category: 'marketing',
        channel: 'inline ttq loader → sendBeacon',
        hit: 'analytics.tiktok.com/api/v2/pixel',
        cookies: ['_ttp'],
      },
    ],
    html: (f) => page('TikTok Pixel', inlineScript(f, TIKTOK_LOADER, 'marketing'), ''),
  },
  {
    name: 'baidu',
    title: 'Baidu Tongji',
    trackers: [
      {
        vendor: 'Baidu Tongji',
        category: 'analytics',
        channel: '_hmt + inline loader → hm.gif',
        hit: `hm.baidu.com/hm.gif?si=${BAIDU}`,
        cookies: [`Hm_lvt_${BAIDU}`, `Hm_lpvt_${BAIDU}`],
      },
    ],
    html: (f) => page('Baidu Tongji', inlineScript(f, BAIDU_LOADER, 'analytics'), ''),
  },
  {
    name: 'cnzz',
    title: 'CNZZ via document.write',
    trackers: [
      {
        vendor: 'CNZZ / Umeng',
        category: 'analytics',
        channel: 'document.write of a <script src> during parsing',
        hit: 'hzs1.cnzz.com/stat.htm?id=1',
        cookies: ['CNZZDATA1', 'UM_distinctid'],
      },
    ],
    html: (f) =>
      page(
        'CNZZ via document.write',
        '',
        `<footer id="site-footer">${inlineScript(f, CNZZ_WRITE, 'analytics')}<p id="after-cnzz">Footer</p></footer>`,
      ),
  },
  {
    name: 'network',
    title: 'First-party network calls to trackers',
    trackers: [
      {
        vendor: 'Google Analytics 4 (sendBeacon)',
        category: 'analytics',
        channel: 'navigator.sendBeacon',
        hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-FIRSTPARTY',
        sameView: 'refire',
      },
      {
        vendor: 'TikTok (fetch keepalive)',
        category: 'marketing',
        channel: 'fetch(…, {keepalive:true})',
        hit: 'analytics.tiktok.com/api/v2/pixel',
        sameView: 'refire',
      },
      {
        vendor: 'Microsoft Clarity (XHR)',
        category: 'analytics',
        channel: 'XMLHttpRequest',
        hit: 'c.clarity.ms/collect',
        sameView: 'refire',
      },
      {
        vendor: 'Hotjar (WebSocket)',
        category: 'analytics',
        channel: 'new WebSocket',
        hit: 'ws.hotjar.com/api/v2/client/ws',
        sameView: 'refire',
      },
      {
        vendor: 'Mixpanel (EventSource)',
        category: 'analytics',
        channel: 'new EventSource',
        hit: 'api-js.mixpanel.com/stream',
        sameView: 'refire',
      },
    ],
    html: () =>
      page(
        'First-party network calls to trackers',
        '',
        `<script>
  // A first-party bundle that reports straight to vendors' collect endpoints, no vendor script involved.
  window.corpusFire = function () {
    navigator.sendBeacon('https://region1.google-analytics.com/g/collect?v=2&tid=G-FIRSTPARTY&en=page_view', '');
    fetch('https://analytics.tiktok.com/api/v2/pixel', {
      method: 'POST', keepalive: true, body: JSON.stringify({ event: 'Pageview' }),
    }).catch(function () {});
    var x = new XMLHttpRequest();
    x.open('POST', 'https://c.clarity.ms/collect');
    x.send('{}');
    try { var ws = new WebSocket('wss://ws.hotjar.com/api/v2/client/ws'); ws.onerror = function () {}; } catch (e) {}
    try { var es = new EventSource('https://api-js.mixpanel.com/stream'); es.onerror = function () { es.close(); }; } catch (e) {}
  };
  corpusFire();
</script>`,
      ),
  },
  {
    name: 'image-object',
    title: 'new Image() never attached',
    trackers: [
      {
        vendor: 'LinkedIn (new Image)',
        category: 'marketing',
        channel: 'new Image().src, never attached',
        hit: 'px.ads.linkedin.com/collect?pid=2&fmt=gif',
        sameView: 'refire',
      },
      {
        vendor: 'Baidu Tongji (new Image)',
        category: 'analytics',
        channel: 'new Image(1,1).src, never attached',
        hit: 'hm.baidu.com/hm.gif?si=imageobject',
        sameView: 'refire',
      },
    ],
    html: () =>
      page(
        'new Image() never attached',
        '',
        `<script>
  window.corpusFire = function () {
    new Image().src = 'https://px.ads.linkedin.com/collect?pid=2&fmt=gif&t=' + Date.now();
    var px = new Image(1, 1);
    px.src = 'https://hm.baidu.com/hm.gif?si=imageobject&rnd=' + Math.random();
  };
  corpusFire();
</script>`,
      ),
  },
  {
    name: 'youtube',
    title: 'YouTube embed',
    trackers: [
      { vendor: 'YouTube', category: 'marketing', channel: 'static <iframe src>', hit: 'www.youtube.com/embed/xyz' },
    ],
    limits: [
      {
        form: 'unmarked',
        hit: 'www.youtube.com/embed/xyz',
        max: 1,
        race: true,
        why:
          'a parser-inserted <iframe src> starts navigating when the parser inserts it, before a MutationObserver ' +
          'callback can run; the blocker cancels it, but on some loads the request is already out',
      },
    ],
    html: (f) =>
      page(
        'YouTube embed',
        '',
        iframe(
          f,
          'https://www.youtube.com/embed/xyz',
          'marketing',
          'width="560" height="315" title="Product video" allow="autoplay; encrypted-media" allowfullscreen',
        ),
      ),
  },
  {
    name: 'preload',
    title: 'link rel=preload',
    trackers: [
      {
        vendor: 'Meta Pixel (preload)',
        category: 'marketing',
        channel: '<link rel=preload as=script> inserted by script',
        hit: 'connect.facebook.net/en_US/fbevents.js',
      },
      {
        vendor: 'Google Analytics 4 (preload)',
        category: 'analytics',
        channel: 'static <link rel=preload as=script>',
        hit: 'www.googletagmanager.com/gtag/js?id=G-PRELOAD',
      },
    ],
    limits: [
      {
        form: 'unmarked',
        hit: 'www.googletagmanager.com/gtag/js?id=G-PRELOAD',
        max: 1,
        why: 'the preload scanner fetches a static unmarked <link rel=preload> before any script runs',
      },
    ],
    html: (f) =>
      page(
        'link rel=preload',
        link(f, 'preload', 'https://www.googletagmanager.com/gtag/js?id=G-PRELOAD', 'analytics', 'as="script"'),
        `<script>
  (function () {
    var l = document.createElement('link');
    l.rel = 'preload'; l.as = 'script';
    l.href = 'https://connect.facebook.net/en_US/fbevents.js';
    document.head.appendChild(l);
  })();
</script>`,
      ),
  },
  {
    name: 'html-insert',
    title: 'innerHTML, insertAdjacentHTML, outerHTML',
    trackers: [
      {
        vendor: 'Meta Pixel (innerHTML img)',
        category: 'marketing',
        channel: 'innerHTML <img>',
        hit: 'www.facebook.com/tr?id=1&ev=ViewContent',
      },
      {
        vendor: 'Baidu Tongji (innerHTML img)',
        category: 'analytics',
        channel: 'innerHTML <img>',
        hit: 'hm.baidu.com/hm.gif?si=innerhtml',
      },
      {
        vendor: 'YouTube (insertAdjacentHTML iframe)',
        category: 'marketing',
        channel: 'insertAdjacentHTML <iframe>',
        hit: 'www.youtube.com/embed/adjacent',
      },
      {
        vendor: 'Microsoft UET (outerHTML img)',
        category: 'marketing',
        channel: 'outerHTML <img>',
        hit: 'bat.bing.com/action/0?ti=1',
      },
    ],
    html: () =>
      page(
        'innerHTML, insertAdjacentHTML, outerHTML',
        '',
        `<div id="promo"></div><div id="video"></div><div id="outer"><span id="slot"></span></div>
<script>
  document.getElementById('promo').innerHTML =
    '<img src="https://www.facebook.com/tr?id=1&amp;ev=ViewContent" width="1" height="1" alt="">' +
    '<img src="https://hm.baidu.com/hm.gif?si=innerhtml" width="1" height="1" alt="">';
  document.getElementById('video').insertAdjacentHTML('beforeend',
    '<iframe src="https://www.youtube.com/embed/adjacent" width="320" height="180" title="Teaser"></iframe>');
  document.getElementById('slot').outerHTML = '<img src="https://bat.bing.com/action/0?ti=1&amp;Ver=2" width="1" height="1" alt="">';
</script>`,
      ),
  },
  {
    name: 'late-src',
    title: 'Script src set after it is attached',
    trackers: [
      {
        vendor: 'Baidu Tongji (late src)',
        category: 'analytics',
        channel: 'empty <script> attached, then .src set',
        hit: `hm.baidu.com/hm.gif?si=${BAIDU_LATE}`,
        cookies: [`Hm_lvt_${BAIDU_LATE}`, `Hm_lpvt_${BAIDU_LATE}`],
      },
    ],
    html: () =>
      page(
        'Script src set after it is attached',
        '',
        `<script>
  window._hmt = window._hmt || [];
  (function () {
    var s = document.createElement('script');
    document.head.appendChild(s);
    s.src = 'https://hm.baidu.com/hm.js?${BAIDU_LATE}';
  })();
</script>`,
      ),
  },
  {
    name: 'delayed',
    title: 'Tracker added two seconds after load',
    trackers: [
      {
        vendor: 'Microsoft Clarity (delayed)',
        category: 'analytics',
        channel: 'loader run by setTimeout 2 s after load',
        hit: 'c.clarity.ms/collect',
        cookies: ['_clck', '_clsk'],
      },
    ],
    html: () =>
      page(
        'Tracker added two seconds after load',
        '',
        `<script>
  addEventListener('load', function () {
    setTimeout(function () {${clarityLoader('LATE')}
    }, 2000);
  });
</script>`,
        2200,
      ),
  },
  {
    name: 'cookies',
    title: 'First-party code writing tracking cookies',
    trackers: [
      {
        vendor: 'Google Analytics 4 (cookie)',
        category: 'analytics',
        channel: 'document.cookie = "_ga=…"',
        cookies: ['_ga'],
        sameView: 'refire',
      },
      {
        vendor: 'Meta Pixel (cookie)',
        category: 'marketing',
        channel: 'document.cookie = "_fbp=…"',
        cookies: ['_fbp'],
        sameView: 'refire',
      },
      {
        vendor: 'Microsoft Clarity (cookieStore)',
        category: 'analytics',
        channel: "cookieStore.set('_clck', …)",
        cookies: ['_clck'],
        sameView: 'refire',
      },
    ],
    html: () =>
      page(
        'First-party code writing tracking cookies',
        '',
        `<script>
  window.corpusFire = function () {
    document.cookie = '_ga=GA1.1.12345.67890; path=/; max-age=63072000; SameSite=Lax';
    document.cookie = '_fbp=fb.1.' + Date.now() + '.42; path=/; max-age=7776000';
    // The site's own preference cookie is not a tracker: a blocker that drops it breaks the site.
    document.cookie = 'site_theme=dark; path=/; max-age=31536000';
    if (window.cookieStore) cookieStore.set({ name: '_clck', value: 'abc%7C2', path: '/' }).catch(function () {});
  };
  corpusFire();
</script>`,
      ),
  },
  {
    name: 'srcset',
    title: 'srcset set by script',
    trackers: [
      {
        vendor: 'LinkedIn (img.srcset)',
        category: 'marketing',
        channel: 'img.srcset property',
        hit: 'px.ads.linkedin.com/collect?pid=3&fmt=gif',
      },
      {
        vendor: 'Microsoft UET (<source srcset>)',
        category: 'marketing',
        channel: '<picture><source srcset>',
        hit: 'bat.bing.com/action/0?ti=2',
      },
      {
        vendor: 'Baidu Tongji (setAttribute srcset)',
        category: 'analytics',
        channel: "setAttribute('srcset')",
        hit: 'hm.baidu.com/hm.gif?si=srcset',
      },
    ],
    html: () =>
      page(
        'srcset set by script',
        '',
        `<div id="gallery"></div>
<script>
  (function () {
    var g = document.getElementById('gallery');
    var a = document.createElement('img');
    a.alt = ''; a.width = 1; a.height = 1;
    a.srcset = 'https://px.ads.linkedin.com/collect?pid=3&fmt=gif 1x';
    g.appendChild(a);
    var pic = document.createElement('picture');
    var src = document.createElement('source');
    src.srcset = 'https://bat.bing.com/action/0?ti=2&Ver=2 1x';
    var fallback = document.createElement('img');
    fallback.alt = ''; fallback.src = '/blank.svg';
    pic.appendChild(src); pic.appendChild(fallback);
    g.appendChild(pic);
    var b = document.createElement('img');
    b.alt = '';
    b.setAttribute('srcset', 'https://hm.baidu.com/hm.gif?si=srcset 1x');
    g.appendChild(b);
  })();
</script>`,
      ),
  },
  {
    name: 'frame',
    title: 'Same-origin about:blank iframe realm',
    trackers: [
      {
        vendor: 'Meta Pixel (frame sendBeacon)',
        category: 'marketing',
        channel: 'iframe.contentWindow.navigator.sendBeacon',
        hit: 'www.facebook.com/tr?id=1&ev=FrameBeacon',
        sameView: 'refire',
      },
      {
        vendor: 'LinkedIn (frame img)',
        category: 'marketing',
        channel: "iframe.contentDocument.createElement('img')",
        hit: 'px.ads.linkedin.com/collect?pid=4&fmt=gif',
        sameView: 'refire',
      },
      {
        vendor: 'Baidu Tongji (frame fetch)',
        category: 'analytics',
        channel: 'iframe.contentWindow.fetch',
        hit: 'hm.baidu.com/hm.gif?si=framefetch',
        sameView: 'refire',
      },
    ],
    html: () =>
      page(
        'Same-origin about:blank iframe realm',
        '',
        `<script>
  // A fresh realm has its own, unpatched prototypes: the classic way around an in-page blocker.
  window.corpusFire = function () {
    var f = document.createElement('iframe');
    f.style.display = 'none';
    document.body.appendChild(f);
    var w = f.contentWindow, d = f.contentDocument;
    w.navigator.sendBeacon('https://www.facebook.com/tr?id=1&ev=FrameBeacon', '');
    var i = d.createElement('img');
    i.src = 'https://px.ads.linkedin.com/collect?pid=4&fmt=gif&t=' + Date.now();
    d.body.appendChild(i);
    w.fetch('https://hm.baidu.com/hm.gif?si=framefetch&rnd=' + Math.random(), { mode: 'no-cors' }).catch(function () {});
  };
  corpusFire();
</script>`,
      ),
  },
  {
    name: 'ping',
    title: '<a ping>',
    trackers: [
      {
        vendor: 'Meta Pixel (<a ping>)',
        category: 'marketing',
        channel: '<a ping> clicked',
        hit: 'www.facebook.com/tr?id=1&ev=LinkClick',
      },
      {
        vendor: 'Google Analytics 4 (<a ping>)',
        category: 'analytics',
        channel: '<a ping> clicked',
        hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-PING',
      },
    ],
    clicks: ['#ping-fb', '#ping-ga'],
    html: () =>
      page(
        '<a ping>',
        '',
        `<a id="ping-fb" href="#offer" ping="https://www.facebook.com/tr?id=1&amp;ev=LinkClick">See the offer</a>
<a id="ping-ga" href="#details" ping="https://region1.google-analytics.com/g/collect?v=2&amp;tid=G-PING&amp;en=click">Details</a>`,
      ),
  },
];

/**
 * Channels that never pass through page JavaScript, so no in-page guard sees them and marking cannot reach them: a
 * CSS `url()`, a Worker's own `fetch`, the markup of a static `<iframe srcdoc>`. Every request they make is a limit of
 * the in-page blocker in both forms; the shield (the opt-in service worker, test/browser/shield.test.ts) holds them
 * from a visitor's second page view on. `corpusFire()` makes each request again with a URL never used before, so a
 * response cached from an earlier step can never stand in for a request.
 */
export const networkOnly: CorpusPage[] = [
  {
    name: 'css-url',
    title: 'CSS url() pixels',
    trackers: [
      {
        vendor: 'Meta Pixel (CSS background-image)',
        category: 'marketing',
        channel: 'stylesheet url()',
        hit: 'www.facebook.com/tr?id=1&ev=CssPixel',
        sameView: 'refire',
      },
      {
        vendor: 'Baidu Tongji (CSS background-image)',
        category: 'analytics',
        channel: 'stylesheet url()',
        hit: 'hm.baidu.com/hm.gif?si=csspixel',
        sameView: 'refire',
      },
    ],
    limits: FORMS.flatMap((form) => [
      {
        form,
        hit: 'www.facebook.com/tr?id=1&ev=CssPixel',
        max: 1,
        why: 'a CSS url() is fetched by the style engine, not by page JavaScript',
      },
      {
        form,
        hit: 'hm.baidu.com/hm.gif?si=csspixel',
        max: 1,
        why: 'a CSS url() is fetched by the style engine, not by page JavaScript',
      },
    ]),
    html: () =>
      page(
        'CSS url() pixels',
        `<style>
  .promo { background-image: url("https://www.facebook.com/tr?id=1&ev=CssPixel&n=0"); width: 1px; height: 1px; }
  .stats { background-image: url("https://hm.baidu.com/hm.gif?si=csspixel&n=0"); width: 1px; height: 1px; }
</style>`,
        `<div class="promo"></div><div class="stats"></div>
<script>
  var corpusFires = 0;
  window.corpusFire = function () {
    var n = ++corpusFires + '-' + Date.now();
    var style = document.createElement('style');
    style.textContent = '.promo-' + corpusFires + ' { background-image: url("https://www.facebook.com/tr?id=1&ev=CssPixel&n=' + n + '"); width: 1px; height: 1px; }' +
      '.stats-' + corpusFires + ' { background-image: url("https://hm.baidu.com/hm.gif?si=csspixel&n=' + n + '"); width: 1px; height: 1px; }';
    document.head.appendChild(style);
    for (var name of ['promo-', 'stats-']) {
      var div = document.createElement('div');
      div.className = name + corpusFires;
      document.body.appendChild(div);
    }
  };
</script>`,
      ),
  },
  {
    name: 'worker-fetch',
    title: 'A Worker calling fetch',
    trackers: [
      {
        vendor: 'Google Analytics 4 (Worker fetch)',
        category: 'analytics',
        channel: 'new Worker(blob URL) → fetch',
        hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-WORKER',
        sameView: 'refire',
      },
    ],
    limits: FORMS.map((form) => ({
      form,
      hit: 'region1.google-analytics.com/g/collect?v=2&tid=G-WORKER',
      max: 1,
      why: "a Worker's own fetch runs in the worker's realm, where no in-page guard is",
    })),
    html: () =>
      page(
        'A Worker calling fetch',
        '',
        `<script>
  window.corpusFire = function () {
    var code = "fetch('https://region1.google-analytics.com/g/collect?v=2&tid=G-WORKER&n=" + Date.now() + Math.random() + "', { mode: 'no-cors' }).catch(function () {});";
    new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  };
  corpusFire();
</script>`,
      ),
  },
  {
    name: 'srcdoc',
    title: 'A pixel in static iframe srcdoc markup',
    trackers: [
      {
        vendor: 'LinkedIn (iframe srcdoc img)',
        category: 'marketing',
        channel: '<iframe srcdoc> markup',
        hit: 'px.ads.linkedin.com/collect?pid=5&fmt=gif',
        sameView: 'refire',
      },
    ],
    limits: FORMS.map((form) => ({
      form,
      hit: 'px.ads.linkedin.com/collect?pid=5&fmt=gif',
      max: 1,
      why: "the markup of an iframe srcdoc is parsed in the frame's own document, whose requests go out before page JavaScript reaches it",
    })),
    html: () =>
      page(
        'A pixel in static iframe srcdoc markup',
        '',
        `<iframe title="Partner badge" srcdoc="<img src='https://px.ads.linkedin.com/collect?pid=5&amp;fmt=gif&amp;n=0' alt=''>"></iframe>
<script>
  window.corpusFire = function () {
    var frame = document.createElement('iframe');
    frame.srcdoc = "<img src='https://px.ads.linkedin.com/collect?pid=5&fmt=gif&n=" + Date.now() + Math.random() + "' alt=''>";
    document.body.appendChild(frame);
  };
</script>`,
      ),
  },
];

/** The files to serve for the corpus: `/<name>-<form>.html` for every page and form, plus the shared blank image. */
export function corpusFiles(): Record<string, string> {
  const files: Record<string, string> = {
    '/blank.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
    '/privacy': '<!doctype html><title>Privacy</title>',
  };
  for (const p of [...pages, ...networkOnly]) for (const f of FORMS) files[`/${p.name}-${f}.html`] = p.html(f);
  return files;
}

/**
 * Which category a tracker host belongs to, for "silent while not allowed" checks across all hits.
 * Order matters: the first matching filter wins.
 */
export const HOST_CATEGORIES: [string, Category][] = [
  ['www.googletagmanager.com', 'analytics'],
  ['google-analytics.com', 'analytics'],
  ['hotjar.com', 'analytics'],
  ['clarity.ms', 'analytics'],
  ['hm.baidu.com', 'analytics'],
  ['cnzz.com', 'analytics'],
  ['mixpanel.com', 'analytics'],
  ['facebook.com', 'marketing'],
  ['facebook.net', 'marketing'],
  ['licdn.com', 'marketing'],
  ['linkedin.com', 'marketing'],
  ['tiktok.com', 'marketing'],
  ['youtube.com', 'marketing'],
  ['bing.com', 'marketing'],
];

/** Cookies the site itself owns (never tracking): the consent record, the session login, the site's preference. */
export const SITE_COOKIES = ['consentry', 'consentry_session', 'site_theme'];
