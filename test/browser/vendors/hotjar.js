/* Stand-in for Hotjar's site script (static.hotjar.com/c/hotjar-<id>.js): drains `hj.q`, writes its session
 * cookies, reports the visit to in.hotjar.com by XHR and opens the recording WebSocket to ws.hotjar.com. */
(function () {
  var w = window,
    d = document,
    s = w._hjSettings;
  if (!s || w.__stubHotjar) return;
  w.__stubHotjar = true;
  var id = s.hjid,
    now = Date.now();
  d.cookie =
    '_hjSessionUser_' +
    id +
    '=' +
    btoa(JSON.stringify({ id: String(now), created: now })) +
    '; path=/; max-age=31536000; SameSite=Lax';
  d.cookie =
    '_hjSession_' +
    id +
    '=' +
    btoa(JSON.stringify({ id: String(now), c: now })) +
    '; path=/; max-age=1800; SameSite=Lax';
  (w.hj.q || []).splice(0);
  var x = new XMLHttpRequest();
  x.open('POST', 'https://in.hotjar.com/api/v2/client/sites/' + id + '/visit-data?sv=' + s.hjsv);
  x.setRequestHeader('Content-Type', 'application/json');
  x.send(JSON.stringify({ url: location.href }));
  try {
    var ws = new WebSocket('wss://ws.hotjar.com/api/v2/client/ws');
    ws.onopen = function () {
      ws.send(JSON.stringify({ site_id: id }));
    };
    ws.onerror = function () {};
  } catch (e) {}
})();
