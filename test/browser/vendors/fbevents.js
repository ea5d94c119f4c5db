/* Stand-in for Meta Pixel's fbevents.js: drains `fbq.queue`, becomes `fbq.callMethod`, writes `_fbp`, loads the
 * pixel's config script and sends every event as an image to www.facebook.com/tr, as the real one does. */
(function () {
  var w = window,
    d = document,
    f = w.fbq;
  if (!f || f.__stub) return;
  f.__stub = true;
  var pixels = [];
  var fbp = (d.cookie.match(/(?:^|; )_fbp=([^;]*)/) || [])[1];
  if (!fbp) {
    fbp = 'fb.1.' + Date.now() + '.' + Math.floor(Math.random() * 1e9);
    d.cookie = '_fbp=' + fbp + '; path=/; max-age=7776000; SameSite=Lax';
  }
  function hit(id, ev) {
    var img = new Image();
    img.src =
      'https://www.facebook.com/tr/?id=' +
      id +
      '&ev=' +
      encodeURIComponent(ev) +
      '&dl=' +
      encodeURIComponent(location.href) +
      '&fbp=' +
      fbp +
      '&ts=' +
      Date.now();
  }
  function call(cmd, a, b) {
    if (cmd === 'init') {
      pixels.push(a);
      var s = d.createElement('script');
      s.async = true;
      s.src = 'https://connect.facebook.net/signals/config/' + a + '?v=' + f.version + '&r=stable';
      d.head.appendChild(s);
    } else if (cmd === 'track' || cmd === 'trackCustom') {
      pixels.forEach(function (id) {
        hit(id, a);
      });
    }
    return b;
  }
  f.callMethod = function () {
    call.apply(null, arguments);
  };
  var q = f.queue.splice(0);
  q.forEach(function (args) {
    call.apply(null, args);
  });
})();
