// Baidu Tongji (百度统计) site code.
var _hmt = _hmt || [];
(function () {
  var hm = document.createElement('script');
  hm.src = 'https://hm.baidu.com/hm.js?7e2a9c3b4d5f60718293a4b5c6d7e8f9';
  var s = document.getElementsByTagName('script')[0];
  s.parentNode.insertBefore(hm, s);
})();
