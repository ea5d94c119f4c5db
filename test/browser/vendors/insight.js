/* Stand-in for LinkedIn's insight.min.js: reads the partner ids, keeps `li_fat_id`, fires the collect pixel. */
(function () {
  var w = window,
    d = document;
  var ids = (w._linkedin_data_partner_ids || []).slice();
  if (w._linkedin_partner_id && ids.indexOf(w._linkedin_partner_id) < 0) ids.push(w._linkedin_partner_id);
  if (!ids.length || w.__stubInsight) return;
  w.__stubInsight = true;
  d.cookie = 'li_fat_id=' + Math.random().toString(16).slice(2) + '; path=/; max-age=2592000; SameSite=Lax';
  ids.forEach(function (pid) {
    var img = new Image(1, 1);
    img.src =
      'https://px.ads.linkedin.com/collect?v=2&fmt=js&pid=' +
      pid +
      '&time=' +
      Date.now() +
      '&url=' +
      encodeURIComponent(location.href);
  });
  if (w.lintrk && w.lintrk.q) w.lintrk.q.splice(0);
})();
