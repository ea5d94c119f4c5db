/* Stand-in for Clarity's library: drains `clarity.q`, writes `_clck` and `_clsk`, uploads to c.clarity.ms/collect. */
(function () {
  var w = window,
    d = document;
  if (typeof w.clarity !== 'function' || w.clarity.__stub) return;
  var q = w.clarity.q || [];
  w.clarity = function () {};
  w.clarity.__stub = true;
  q.splice(0);
  var uid = Math.random().toString(36).slice(2, 9);
  d.cookie = '_clck=' + uid + '%7C2%7Cf0%7C0%7C1; path=/; max-age=31536000; SameSite=Lax';
  d.cookie = '_clsk=' + uid + '%7C' + Date.now() + '%7C1%7C0; path=/; max-age=86400; SameSite=Lax';
  var x = new XMLHttpRequest();
  x.open('POST', 'https://c.clarity.ms/collect');
  x.send('{"e":[' + Date.now() + ',"page"]}');
})();
