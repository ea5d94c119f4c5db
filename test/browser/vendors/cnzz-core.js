/* Stand-in for CNZZ's core.php: writes CNZZDATA<site> and UM_distinctid, drains `_czc`, fires stat.htm. */
(function () {
  var w = window,
    d = document,
    me = d.currentScript;
  var m = me && me.src.match(/web_id=(\d+)/);
  if (!m || w.__stubCnzz) return;
  w.__stubCnzz = true;
  var site = m[1],
    now = Math.floor(Date.now() / 1000);
  var uid = Date.now().toString(16) + '-' + Math.random().toString(16).slice(2);
  d.cookie = 'UM_distinctid=' + uid + '; path=/; max-age=15552000';
  d.cookie =
    'CNZZDATA' + site + '=' + Math.floor(Math.random() * 1e9) + '-' + now + '-%7C' + now + '; path=/; max-age=15552000';
  (w._czc || []).splice(0);
  var img = new Image(0, 0);
  img.src =
    'https://hzs1.cnzz.com/stat.htm?id=' +
    site +
    '&r=' +
    encodeURIComponent(d.referrer) +
    '&lg=' +
    navigator.language +
    '&ntime=' +
    now +
    '&cnzz_eid=' +
    uid +
    '&rnd=' +
    Math.floor(Math.random() * 1e9);
})();
