import { catalogue, categoryOf } from '../../src/catalogue/catalogue';
import { createMatcher } from '../../src/catalogue/matcher';

/** The catalogue's shape is its specification: every vendor the loader ships must pass these. */

const CHINESE = [
  'Baidu Tongji',
  'Baidu Ads',
  'Umeng',
  'Tencent Analytics',
  'Tencent MTA',
  'Tencent Ads',
  '51.LA',
  'GrowingIO',
  'Sensors Data',
  'Volcengine DataFinder',
  'Ocean Engine',
  'Alibaba Aplus',
  'Alimama',
  'Weibo',
  'Miaozhen',
  'AdMaster',
  'JD.com',
  'TalkingData',
  'Zhuge',
];

// A hostname (lowercase labels, a TLD of letters) optionally followed by a path, and perhaps a query prefix.
const HOST = /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}(?:\/[^\s*]*)?$/;
// A cookie name, or a name with one `*` standing for any run of characters.
const COOKIE = /^[\w.-]*\*?[\w.-]*$/;

const hostsOf = (e: (typeof catalogue)[number]) => e[2].split(' ');
const cookiesOf = (e: (typeof catalogue)[number]) => (e[3] ? e[3].split(' ') : []);

const matcher = createMatcher({ rules: [], allow: [], cookies: [], base: 'https://shop.example/page' });

describe('every catalogue entry', () => {
  it.each(catalogue.map((e) => [e[0], e] as const))('%s is well formed', (_, e) => {
    const [vendor, code, , cookies] = e;
    expect(vendor.trim()).toBe(vendor);
    expect(vendor).not.toBe('');
    expect(Object.keys(categoryOf)).toContain(code);
    expect(hostsOf(e).length).toBeGreaterThan(0);
    for (const h of hostsOf(e)) expect(h).toMatch(HOST);
    if (cookies !== undefined) expect(cookies).not.toBe('');
    for (const c of cookiesOf(e)) {
      expect(c).toMatch(COOKIE);
      expect(c).not.toBe('*');
    }
  });
});

describe('the catalogue as a whole', () => {
  it('lists at least 80 vendors, each once', () => {
    const names = catalogue.map((e) => e[0]);
    expect(names.length).toBeGreaterThanOrEqual(80);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lists at least 12 Chinese vendors', () => {
    const names = new Set(catalogue.map((e) => e[0]));
    expect(CHINESE.length).toBeGreaterThanOrEqual(12);
    for (const n of CHINESE) expect(names).toContain(n);
  });

  it('never gives the same host or host+path to two entries', () => {
    const all = catalogue.flatMap(hostsOf);
    expect(all.filter((h, i) => all.indexOf(h) != i)).toEqual([]);
  });

  it('never gives the same cookie name or pattern to two entries', () => {
    const all = catalogue.flatMap(cookiesOf);
    expect(all.filter((c, i) => all.indexOf(c) != i)).toEqual([]);
  });

  it('never lists a host its own vendor already covers through a parent host', () => {
    for (const e of catalogue) {
      const plain = hostsOf(e).filter((h) => !h.includes('/'));
      for (const h of hostsOf(e)) {
        const host = h.split('/')[0];
        const parent = plain.find((p) => p != h && (host == p || host.endsWith('.' + p)));
        expect(parent, `${e[0]}: ${h} is covered by ${parent}`).toBeUndefined();
      }
    }
  });

  it('contains no generic cookie names a site may use for itself', () => {
    const generic = [
      'session',
      'sessionid',
      'id',
      'uid',
      'user',
      'token',
      'PHPSESSID',
      'JSESSIONID',
      'csrftoken',
      'lang',
    ];
    for (const c of generic) expect(matcher.cookie(c), c).toBeUndefined();
  });
});

describe('shared hosts are never blocked as a whole', () => {
  it.each([
    'https://www.google.com/recaptcha/api.js',
    'https://www.google.com/maps/embed?pb=1',
    'https://www.gstatic.com/recaptcha/releases/x/recaptcha__en.js',
    'https://fonts.googleapis.com/css2?family=Inter',
    'https://fonts.gstatic.com/s/inter/v1/a.woff2',
    'https://ajax.googleapis.com/ajax/libs/jquery/3.7.1/jquery.min.js',
    'https://maps.googleapis.com/maps/api/js?key=k',
    'https://www.facebook.com/somepage',
    'https://www.facebook.com/translations/',
    'https://www.youtube.com/watch?v=abc',
    'https://i.ytimg.com/vi/abc/hqdefault.jpg',
    'https://www.baidu.com/s?wd=x',
    'https://map.baidu.com/',
    'https://qq.com/',
    'https://res.wx.qq.com/open/js/jweixin-1.6.0.js',
    'https://g.alicdn.com/code/lib/vue/3.4.0/vue.global.prod.js',
    'https://at.alicdn.com/t/font_1.css',
    'https://mat1.gtimg.cn/www/images/logo.png',
    'https://weibo.com/u/123',
    'https://s.pinimg.com/images/pin.png',
    'https://cdn.jsdelivr.net/npm/preact/dist/preact.min.js',
    'https://unpkg.com/preact',
    'https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.21/lodash.min.js',
    'https://www.jd.com/',
    'https://lf3-cdn-tos.volccdn.com/obj/static/lib.js',
  ])('%s is not matched', (url) => {
    expect(matcher.url(url)).toBeUndefined();
  });
});

describe('everyday tracker URLs get their category', () => {
  it.each([
    ['https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'analytics', 'Google Analytics'],
    ['https://www.googletagmanager.com/gtag/js?id=AW-123', 'marketing', 'Google Ads'],
    ['https://www.googletagmanager.com/gtag/js?id=DC-123', 'marketing', 'DoubleClick'],
    ['https://www.googletagmanager.com/gtm.js?id=GTM-ABC', 'analytics', 'Google Tag Manager'],
    ['https://www.googletagmanager.com/ns.html?id=GTM-ABC', 'analytics', 'Google Tag Manager'],
    ['https://region1.google-analytics.com/g/collect?v=2', 'analytics', 'Google Analytics'],
    ['https://www.google-analytics.com/analytics.js', 'analytics', 'Google Analytics'],
    ['https://www.googleadservices.com/pagead/conversion.js', 'marketing', 'Google Ads'],
    ['https://www.google.com/pagead/1p-user-list/123/?random=1', 'marketing', 'Google Ads'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/', 'marketing', 'Google Ads'],
    ['https://securepubads.g.doubleclick.net/tag/js/gpt.js', 'marketing', 'DoubleClick'],
    ['https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1', 'marketing', 'Google AdSense'],
    ['https://connect.facebook.net/en_US/fbevents.js', 'marketing', 'Meta Pixel'],
    ['https://www.facebook.com/tr?id=1&ev=PageView&noscript=1', 'marketing', 'Meta Pixel'],
    ['https://www.facebook.com/tr/', 'marketing', 'Meta Pixel'],
    ['https://www.facebook.com/plugins/like.php?href=x', 'marketing', 'Facebook plugins'],
    ['https://snap.licdn.com/li.lms-analytics/insight.min.js', 'marketing', 'LinkedIn'],
    ['https://px.ads.linkedin.com/collect?pid=1&fmt=gif', 'marketing', 'LinkedIn'],
    ['https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=X', 'marketing', 'TikTok'],
    ['https://static.ads-twitter.com/uwt.js', 'marketing', 'X (Twitter)'],
    ['https://t.co/i/adsct?txn_id=x', 'marketing', 'X (Twitter)'],
    ['https://s.pinimg.com/ct/core.js', 'marketing', 'Pinterest'],
    ['https://sc-static.net/scevent.min.js', 'marketing', 'Snap Pixel'],
    ['https://www.redditstatic.com/ads/pixel.js', 'marketing', 'Reddit Pixel'],
    ['https://static.hotjar.com/c/hotjar-1.js?sv=6', 'analytics', 'Hotjar'],
    ['wss://ws.hotjar.com/api/v2/client/ws', 'analytics', 'Hotjar'],
    ['https://www.clarity.ms/tag/abc', 'analytics', 'Microsoft Clarity'],
    ['https://k.clarity.ms/collect', 'analytics', 'Microsoft Clarity'],
    ['https://bat.bing.com/bat.js', 'marketing', 'Microsoft Ads'],
    ['https://cdn.segment.com/analytics.js/v1/KEY/analytics.min.js', 'analytics', 'Segment'],
    ['https://api-js.mixpanel.com/track/', 'analytics', 'Mixpanel'],
    ['https://us.i.posthog.com/e/', 'analytics', 'PostHog'],
    ['https://mc.yandex.ru/metrika/tag.js', 'analytics', 'Yandex Metrica'],
    ['https://assets.adobedtm.com/launch-EN1.min.js', 'analytics', 'Adobe Analytics'],
    ['https://mbox.tt.omtrdc.net/rest/v1/delivery', 'marketing', 'Adobe Target'],
    ['https://js.hs-scripts.com/123.js', 'marketing', 'HubSpot'],
    ['https://static.criteo.net/js/ld/publishertag.js', 'marketing', 'Criteo'],
    ['https://www.youtube.com/embed/abc?rel=0', 'marketing', 'YouTube'],
    ['https://www.youtube.com/iframe_api', 'marketing', 'YouTube'],
    ['https://www.youtube-nocookie.com/embed/abc', 'marketing', 'YouTube'],
    ['https://player.vimeo.com/video/1', 'analytics', 'Vimeo'],
    ['https://widget.intercom.io/widget/abc', 'preferences', 'Intercom'],
    ['https://embed.tawk.to/abc/default', 'preferences', 'Tawk.to'],
    ['https://hm.baidu.com/hm.js?0123abc', 'analytics', 'Baidu Tongji'],
    ['https://s4.cnzz.com/z_stat.php?id=1&web_id=1', 'analytics', 'Umeng'],
    ['https://tajs.qq.com/stats?sId=1', 'analytics', 'Tencent Analytics'],
    ['https://qzonestyle.gtimg.cn/qzone/biz/gdt/dmp/user-action/gdtevent.min.js', 'marketing', 'Tencent Ads'],
    ['https://a.gdt.qq.com/pixel?user_action_set_id=1', 'marketing', 'Tencent Ads'],
    ['https://sdk.51.la/js-sdk-pro.min.js', 'analytics', '51.LA'],
    ['https://assets.giocdn.com/2.1/gio.js', 'analytics', 'GrowingIO'],
    ['https://static.sensorsdata.cn/sdk/1.26.0/sensorsdata.min.js', 'analytics', 'Sensors Data'],
    ['https://g.alicdn.com/alilog/mlog/aplus_v2.js', 'analytics', 'Alibaba Aplus'],
    ['https://log.mmstat.com/v.gif', 'analytics', 'Alibaba Aplus'],
    ['https://widget.weibo.com/distribution/comments.php', 'marketing', 'Weibo'],
    ['https://wl.jd.com/wl.js', 'marketing', 'JD.com'],
  ])('%s is matched as %s (%s)', (url, category, vendor) => {
    expect(matcher.url(url)).toEqual({ category, vendor });
  });
});

describe('everyday tracking cookies get their category', () => {
  it.each([
    ['_ga', 'analytics'],
    ['_ga_ABC123', 'analytics'],
    ['_gid', 'analytics'],
    ['_gat_UA-1-1', 'analytics'],
    ['_gcl_au', 'marketing'],
    ['_fbp', 'marketing'],
    ['_fbc', 'marketing'],
    ['_ttp', 'marketing'],
    ['Hm_lvt_0123abc', 'analytics'],
    ['Hm_lpvt_0123abc', 'analytics'],
    ['_hjSessionUser_123', 'analytics'],
    ['_clck', 'analytics'],
    ['_clsk', 'analytics'],
    ['_uetsid', 'marketing'],
    ['_uetvid', 'marketing'],
    ['CNZZDATA1000', 'analytics'],
    ['UM_distinctid', 'analytics'],
    ['mp_abc123_mixpanel', 'analytics'],
    ['ph_phc_key_posthog', 'analytics'],
    ['AMCV_ABC%40AdobeOrg', 'analytics'],
    ['intercom-id-abc', 'preferences'],
  ])('the cookie %s is matched as %s', (name, category) => {
    expect(matcher.cookie(name)?.category).toBe(category);
  });
});
