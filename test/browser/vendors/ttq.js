/* Stand-in for TikTok's events.js: drains the `ttq` queue, writes `_ttp`, posts events to /api/v2/pixel. */
(function () {
  var w = window,
    d = document,
    name = w.TiktokAnalyticsObject || 'ttq',
    ttq = w[name];
  if (!ttq || ttq.__stub) return;
  ttq.__stub = true;
  if (!/(?:^|; )_ttp=/.test(d.cookie)) {
    d.cookie = '_ttp=' + Math.random().toString(36).slice(2) + '; path=/; max-age=33696000; SameSite=Lax';
  }
  var sdk = Object.keys(ttq._i || {})[0] || 'unknown';
  function send(ev) {
    var body = JSON.stringify({ event: ev, context: { pixel: { code: sdk }, page: { url: location.href } } });
    if (!(navigator.sendBeacon && navigator.sendBeacon('https://analytics.tiktok.com/api/v2/pixel', body))) {
      try {
        fetch('https://analytics.tiktok.com/api/v2/pixel', { method: 'POST', body: body, keepalive: true }).catch(
          function () {},
        );
      } catch (e) {}
    }
  }
  var queued = [].concat((ttq._i && ttq._i[sdk]) || [], ttq.splice ? ttq.splice(0) : []);
  var pages = 0;
  queued.forEach(function (c) {
    if (c[0] === 'page') {
      pages++;
      send('Pageview');
    } else if (c[0] === 'track') send(c[1]);
  });
  if (!pages) send('Pageview');
  ttq.page = function () {
    send('Pageview');
  };
  ttq.track = function (ev) {
    send(ev);
  };
})();
