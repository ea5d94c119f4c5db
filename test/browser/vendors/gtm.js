/* Stand-in for a GTM container (gtm.js?id=GTM-TEST) whose only tag is a GA4 tag (G-GTMTAG).
 * The real container reads the `gtm.js` event off dataLayer and fires its tags; the GA4 tag loads the Google tag
 * library from www.googletagmanager.com/gtag/js, which is what this stub does too. */
(function () {
  var w = window,
    d = document;
  var dl = (w.dataLayer = w.dataLayer || []);
  var started = dl.some(function (e) {
    return e && e.event === 'gtm.js';
  });
  if (!started) return;
  function gtag() {
    dl.push(arguments);
  }
  gtag('config', 'G-GTMTAG');
  var s = d.createElement('script');
  s.async = true;
  s.src = 'https://www.googletagmanager.com/gtag/js?id=G-GTMTAG&l=dataLayer&cx=c';
  var first = d.getElementsByTagName('script')[0];
  first.parentNode.insertBefore(s, first);
})();
