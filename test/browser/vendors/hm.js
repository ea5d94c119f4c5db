/* Stand-in for Baidu Tongji's hm.js?<site>: drains `_hmt`, writes Hm_lvt_/Hm_lpvt_<site>, fires hm.gif. */
(function () {
  var w = window,
    d = document,
    me = d.currentScript;
  var site = me && (me.src.split('?')[1] || '').split('&')[0];
  if (!site || (w.__stubHm = w.__stubHm || {})[site]) return;
  w.__stubHm[site] = true;
  var now = Math.floor(Date.now() / 1000);
  d.cookie = 'Hm_lvt_' + site + '=' + now + '; path=/; max-age=31536000';
  d.cookie = 'Hm_lpvt_' + site + '=' + now + '; path=/';
  var q = (w._hmt = w._hmt || []);
  q.splice(0);
  q.push = function () {
    return 0;
  };
  var img = new Image(1, 1);
  img.src =
    'https://hm.baidu.com/hm.gif?si=' +
    site +
    '&rnd=' +
    Math.floor(Math.random() * 1e9) +
    '&u=' +
    encodeURIComponent(location.href) +
    '&lt=' +
    now;
})();
