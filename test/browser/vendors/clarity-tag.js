/* Stand-in for www.clarity.ms/tag/<project>: like the real tag it only loads the versioned Clarity library. */
(function () {
  var d = document,
    s = d.createElement('script');
  s.async = true;
  s.src = 'https://scripts.clarity.ms/0.8.9/clarity.js';
  var t = d.getElementsByTagName('script')[0];
  t.parentNode.insertBefore(s, t);
})();
