/* Stand-in for CNZZ's z_stat.php?id=<site>&web_id=<site>: loads the counting core from c.cnzz.com. */
(function () {
  var d = document,
    me = d.currentScript;
  var m = me && me.src.match(/[?&]id=(\d+)/);
  if (!m) return;
  var s = d.createElement('script');
  s.async = true;
  s.src = 'https://c.cnzz.com/core.php?web_id=' + m[1] + '&t=z';
  (d.head || d.documentElement).appendChild(s);
})();
