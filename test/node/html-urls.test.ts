// @vitest-environment node
import { tagUrls } from '../../src/node/html-urls';

describe('tagUrls', () => {
  const base = 'https://shop.example/blog/post.html';

  it('lists the URLs that tags name, resolved against the page and with entities decoded', () => {
    const html = `<script async src="https://www.googletagmanager.com/gtag/js?id=G-1&amp;l=dl"></script>
<img src='/px.gif#top' alt=""><iframe src=//www.youtube.com/embed/x></iframe>
<link rel="preload" href="../font.woff2"><img srcset="a.png 1x, https://cdn.example/b.png 2x">`;
    expect([...tagUrls(html, base)].sort()).toEqual(
      [
        'https://www.googletagmanager.com/gtag/js?id=G-1&l=dl',
        'https://shop.example/px.gif',
        'https://www.youtube.com/embed/x',
        'https://shop.example/font.woff2',
        'https://shop.example/blog/a.png',
        'https://cdn.example/b.png',
      ].sort(),
    );
  });

  it('ignores URLs that only appear in script text or data attributes', () => {
    const html = `<script>var s = 'https://connect.facebook.net/en_US/fbevents.js';</script>
<img data-consent="marketing" data-src="https://www.facebook.com/tr?id=1" alt="">`;
    expect([...tagUrls(html, base)]).toEqual([]);
  });
});
