/* Stand-in for gtag.js (GA4) and for the GA4 tag inside a GTM container.
 * Like the real library it drains `dataLayer` (entries are `arguments` objects), takes over `dataLayer.push`,
 * honours Consent Mode (no `_ga` cookies while analytics_storage is denied, a cookieless ping instead) and sends
 * each hit with sendBeacon to region1.google-analytics.com/g/collect. */
(function () {
  var w = window,
    d = document;
  var dl = (w.dataLayer = w.dataLayer || []);
  if (dl.__stubGtag) return;
  dl.__stubGtag = true;
  var storage = 'granted',
    ids = [],
    cid = String(Math.floor(Math.random() * 1e9)) + '.' + Math.floor(Date.now() / 1000);
  var year2 = 63072000;
  function cookie(name, value) {
    d.cookie = name + '=' + value + '; path=/; max-age=' + year2 + '; SameSite=Lax';
  }
  function writeCookies() {
    if (storage === 'denied') return;
    if (!/(^|; )_ga=/.test(d.cookie)) cookie('_ga', 'GA1.1.' + cid);
    ids.forEach(function (id) {
      cookie('_ga_' + id.slice(2), 'GS2.1.s' + Math.floor(Date.now() / 1000) + '$o1$g0');
    });
  }
  function send(id, event, extra) {
    var q =
      'v=2&tid=' +
      encodeURIComponent(id) +
      '&cid=' +
      cid +
      '&en=' +
      encodeURIComponent(event) +
      '&gcs=' +
      (storage === 'denied' ? 'G100' : 'G111') +
      '&dl=' +
      encodeURIComponent(location.href) +
      (extra || '');
    var url = 'https://region1.google-analytics.com/g/collect?' + q;
    if (!(navigator.sendBeacon && navigator.sendBeacon(url))) {
      try {
        fetch(url, { method: 'POST', keepalive: true, mode: 'no-cors' }).catch(function () {});
      } catch (e) {}
    }
  }
  function consent(kind, state) {
    if (state && state.analytics_storage) storage = state.analytics_storage;
    if (kind === 'update') writeCookies();
  }
  function run(a) {
    if (!a || typeof a !== 'object') return;
    if (a[0] === 'consent') return consent(a[1], a[2]);
    if (a[0] === 'config' && /^G-/.test(a[1])) {
      if (ids.indexOf(a[1]) < 0) ids.push(a[1]);
      writeCookies();
      return send(a[1], 'page_view');
    }
    if (a[0] === 'event') {
      ids.forEach(function (id) {
        send(id, a[1]);
      });
    }
  }
  // GTM hands its container id here (see gtm.js): the container's GA4 tag behaves like a config command.
  w.__stubGtagRun = run;
  for (var i = 0; i < dl.length; i++) run(dl[i]);
  var push = dl.push;
  dl.push = function () {
    var r = push.apply(dl, arguments);
    for (var j = 0; j < arguments.length; j++) run(arguments[j]);
    return r;
  };
})();
