// @vitest-environment node
// (No DOM here: the rewriting core must run without one, in Node, a build or a service worker.)
/**
 * Vendor snippets as the vendors publish them (in our words, same structure): each tracker tag comes out in the
 * marked form the loader re-activates, everything else byte for byte as it was.
 */
import { checkAll } from './check';

const GA4 = `<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-ABC123');
</script>`;

const GTM_HEAD = `<!-- Google Tag Manager -->
<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':
new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],
j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src=
'https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);
})(window,document,'script','dataLayer','GTM-XXXX');</script>
<!-- End Google Tag Manager -->`;
const GTM_BODY = `<!-- Google Tag Manager (noscript) -->
<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX"
height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>
<!-- End Google Tag Manager (noscript) -->`;

const META = `<!-- Meta Pixel Code -->
<script>
!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;
n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;
t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,
document,'script','https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '1234567890');
fbq('track', 'PageView');
</script>
<noscript><img height="1" width="1" style="display:none"
src="https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1"
/></noscript>
<!-- End Meta Pixel Code -->`;

const LINKEDIN = `<script type="text/javascript">
_linkedin_partner_id = "123456";
window._linkedin_data_partner_ids = window._linkedin_data_partner_ids || [];
window._linkedin_data_partner_ids.push(_linkedin_partner_id);
</script><script type="text/javascript">
(function(l) {
if (!l){window.lintrk = function(a,b){window.lintrk.q.push([a,b])};
window.lintrk.q=[]}
var s = document.getElementsByTagName("script")[0];
var b = document.createElement("script");
b.type = "text/javascript";b.async = true;
b.src = "https://snap.licdn.com/li.lms-analytics/insight.min.js";
s.parentNode.insertBefore(b, s);})(window.lintrk);
</script>
<noscript>
<img height="1" width="1" style="display:none;" alt="" src="https://px.ads.linkedin.com/collect/?pid=123456&fmt=gif" />
</noscript>`;

const YOUTUBE = `<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe>`;

const VIMEO = `<div style="padding:56.25% 0 0 0;position:relative;"><iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0&amp;autopause=0&amp;player_id=0&amp;app_id=58479" frameborder="0" allow="autoplay; fullscreen; picture-in-picture; clipboard-write" style="position:absolute;top:0;left:0;width:100%;height:100%;" title="A film"></iframe></div><script src="https://player.vimeo.com/api/player.js"></script>`;

const MAPS = `<iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3000!2d-0.1!3d51.5" width="600" height="450" style="border:0;" allowfullscreen="" loading="lazy" referrerpolicy="no-referrer-when-downgrade"></iframe>`;

const X_EMBED = `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Fresh tea, fresh start.</p>&mdash; Teahouse (@teahouse) <a href="https://twitter.com/teahouse/status/1?ref_src=twsrc%5Etfw">January 1, 2026</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`;

const LINKS = `<link rel="preconnect" href="https://www.googletagmanager.com">
<link rel="dns-prefetch" href="//connect.facebook.net">
<link rel="preload" as="script" href="https://www.googletagmanager.com/gtag/js?id=G-ABC123">
<link rel="prefetch" href="https://static.hotjar.com/c/hotjar-1.js?sv=6">
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
<link rel="stylesheet" href="/style.css">`;

const IMAGES = `<img srcset="https://px.ads.linkedin.com/collect/?pid=1&amp;fmt=gif 1x, /pixel@2x.gif 2x" alt="">
<picture>
  <source type="image/webp" srcset="https://bat.bing.com/action/0?ti=2&amp;Ver=2 1x">
  <source type="image/png" srcset="/hero.png 1x, /hero@2x.png 2x">
  <img src="/hero.png" alt="Hero">
</picture>
<video controls width="640" poster="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?poster=1">
  <source src="/teaser.mp4" type="video/mp4">
</video>
<video controls poster="/own-poster.jpg" src="/clip.mp4"></video>`;

describe('vendor snippets as published', () => {
  test('GA4: the static gtag.js script is held for analytics, its inline config is left alone', () => {
    const { tags, html } = checkAll(GA4);
    expect(tags).toEqual([
      '<script type="text/plain" data-consent="analytics" data-consentry-vendor="Google Analytics" async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123">',
    ]);
    expect(html).toContain('<script>\n  window.dataLayer = window.dataLayer || [];');
  });

  test('GTM: the inline container loader is left to the runtime guards; its <noscript> iframe is held', () => {
    const { tags } = checkAll(`${GTM_HEAD}\n<body>\n${GTM_BODY}`);
    expect(tags).toEqual([
      '<iframe data-consent="analytics" data-consentry-vendor="Google Tag Manager" data-src="https://www.googletagmanager.com/ns.html?id=GTM-XXXX"\nheight="0" width="0" style="display:none;visibility:hidden">',
    ]);
  });

  test('Meta Pixel: the <noscript> image pixel is held (a visitor without JavaScript sends nothing before consent)', () => {
    const { tags, marked } = checkAll(META);
    expect(tags).toEqual([
      '<img data-consent="marketing" data-consentry-vendor="Meta Pixel" height="1" width="1" style="display:none"\ndata-src="https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1"\n/>',
    ]);
    expect(marked[0].urls).toEqual(['https://www.facebook.com/tr?id=1234567890&ev=PageView&noscript=1']);
  });

  test('LinkedIn Insight: the <noscript> pixel is held, the two inline scripts are not touched', () => {
    const { tags } = checkAll(LINKEDIN);
    expect(tags).toEqual([
      '<img data-consent="marketing" data-consentry-vendor="LinkedIn" height="1" width="1" style="display:none;" alt="" data-src="https://px.ads.linkedin.com/collect/?pid=123456&fmt=gif" />',
    ]);
  });

  test('YouTube embed: the iframe keeps every attribute, its src becomes data-src', () => {
    const { tags } = checkAll(YOUTUBE);
    expect(tags).toEqual([
      '<iframe data-consent="marketing" data-consentry-vendor="YouTube" width="560" height="315" data-src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=abc" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen>',
    ]);
  });

  test('Vimeo embed: the player iframe and the player API script are both held, entities kept as written', () => {
    const { tags } = checkAll(VIMEO);
    expect(tags).toHaveLength(2);
    expect(tags[0]).toContain(
      'data-src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;badge=0&amp;autopause=0&amp;player_id=0&amp;app_id=58479"',
    );
    expect(tags[1]).toBe(
      '<script type="text/plain" data-consent="analytics" data-consentry-vendor="Vimeo" src="https://player.vimeo.com/api/player.js">',
    );
  });

  test('Google Maps embed: not a tracker in the catalogue, so it is left exactly as written', () => {
    const { html, marked } = checkAll(MAPS);
    expect(marked).toEqual([]);
    expect(html).toBe(MAPS);
  });

  test('X (Twitter) embed: the widgets.js script is held; the blockquote and its link are not touched', () => {
    const { tags } = checkAll(X_EMBED);
    expect(tags).toEqual([
      '<script type="text/plain" data-consent="marketing" data-consentry-vendor="X (Twitter)" async src="https://platform.twitter.com/widgets.js" charset="utf-8">',
    ]);
  });

  test('preconnect, dns-prefetch, preload and prefetch links to trackers are held; fonts and own styles are not', () => {
    const { tags, marked } = checkAll(LINKS);
    expect(marked.map((m) => m.urls[0])).toEqual([
      'https://www.googletagmanager.com',
      '//connect.facebook.net',
      'https://www.googletagmanager.com/gtag/js?id=G-ABC123',
      'https://static.hotjar.com/c/hotjar-1.js?sv=6',
    ]);
    expect(tags[2]).toBe(
      '<link data-consent="analytics" data-consentry-vendor="Google Analytics" rel="preload" as="script" data-href="https://www.googletagmanager.com/gtag/js?id=G-ABC123">',
    );
  });

  test('srcset, <picture><source srcset> and <video poster> to trackers are held; own images and videos are not', () => {
    const { tags, marked } = checkAll(IMAGES);
    expect(marked.map((m) => m.tag)).toEqual(['img', 'source', 'video']);
    expect(tags[0]).toBe(
      '<img data-consent="marketing" data-consentry-vendor="LinkedIn" data-srcset="https://px.ads.linkedin.com/collect/?pid=1&amp;fmt=gif 1x, /pixel@2x.gif 2x" alt="">',
    );
    expect(tags[2]).toContain(
      'data-poster="https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/?poster=1"',
    );
  });

  test('all of the above in one page: each tracker tag marked once, in document order, nothing else changed', () => {
    const page = `<!doctype html><html><head>${GA4}${GTM_HEAD}${LINKS}</head><body>${GTM_BODY}${META}${LINKEDIN}${YOUTUBE}${VIMEO}${MAPS}${X_EMBED}${IMAGES}</body></html>`;
    const { marked } = checkAll(page);
    expect(marked.map((m) => m.vendor)).toEqual([
      'Google Analytics',
      'Google Tag Manager',
      'Meta Pixel',
      'Google Analytics',
      'Hotjar',
      'Google Tag Manager',
      'Meta Pixel',
      'LinkedIn',
      'YouTube',
      'Vimeo',
      'Vimeo',
      'X (Twitter)',
      'LinkedIn',
      'Microsoft Ads',
      'Google Ads',
    ]);
  });
});
