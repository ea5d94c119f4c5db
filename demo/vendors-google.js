// Google tag (gtag.js), GA4: the inline half of the snippet Google asks you to paste right after <head>.
// (The other half, <script async src="https://www.googletagmanager.com/gtag/js?id=…">, sits in the page itself.)
// The demo keeps it in a file only because the demo runs under a strict CSP; pasted inline, it is blocked the same way.
window.dataLayer = window.dataLayer || [];
function gtag() {
  dataLayer.push(arguments);
}
gtag('js', new Date());

gtag('config', 'G-TEAHOUSE42');
