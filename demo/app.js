// The Teahouse shop's own script: login through the session API, a basket that reports to the vendors' queues,
// a remembered currency (a "preferences" cookie), and the side panel that shows what Consentry is doing.
// Everything here uses only the public API of window.consentry and the consentry:* DOM events.
(function () {
  var $ = function (id) {
    return document.getElementById(id);
  };
  var lang = document.documentElement.lang;

  // A few shop strings per language; the banner translates itself from <html lang>.
  var T = {
    'zh-Hant': {
      currency: '幣別',
      name: '您的名字',
      signIn: '登入',
      signOut: '登出',
      basket: '購物籃',
      signedIn: '已登入：',
      heroTitle: '散裝好茶，從茶園新鮮直送',
      heroText:
        '來自台灣、福建與雲南家庭茶園的小批採收。挑一款茶放進購物籃，再看看右側面板：網站的分析與廣告像素會等待您的同意。',
      teas: '我們的茶',
      add: '加入購物籃',
      video: '如何以功夫茶方式沖泡',
      videoNote: '依 YouTube 公布方式貼上的嵌入影片。在您允許「行銷」之前，Consentry 會攔下它並顯示替代區塊。',
      newsletter: '訂閱電子報',
      newsletterText: '我們以 LinkedIn Insight Tag 衡量來自 LinkedIn 廣告的訂閱，它就載入在這段文字下方。',
      privacy: '隱私權政策',
      cookieSettings: 'Cookie 設定',
      footerNote:
        'Cookie 橫幅與攔截由 Consentry 提供。登入 Cookie 屬於必要 Cookie，關閉瀏覽器即失效，拒絕全部時仍會保留。',
    },
    'zh-Hans': {
      currency: '币种',
      name: '您的名字',
      signIn: '登录',
      signOut: '退出',
      basket: '购物篮',
      signedIn: '已登录：',
      heroTitle: '散装好茶，从茶园新鲜直送',
      heroText:
        '来自台湾、福建和云南家庭茶园的小批采摘。挑一款茶放进购物篮，再看看右侧面板：网站的分析和广告像素会等待您的同意。',
      teas: '我们的茶',
      add: '加入购物篮',
      video: '如何以功夫茶方式冲泡',
      videoNote: '按 YouTube 公布方式粘贴的嵌入视频。在您允许“营销”之前，Consentry 会拦下它并显示占位区块。',
      newsletter: '订阅电子报',
      newsletterText: '我们用 LinkedIn Insight Tag 衡量来自 LinkedIn 广告的订阅，它就加载在这段文字下方。',
      privacy: '隐私政策',
      cookieSettings: 'Cookie 设置',
      footerNote:
        'Cookie 横幅与拦截由 Consentry 提供。登录 Cookie 属于必要 Cookie，关闭浏览器即失效，拒绝全部时仍会保留。',
    },
  }[lang];
  var t = function (key, fallback) {
    return T?.[key] || fallback;
  };
  if (T) {
    document.querySelectorAll('[data-t]').forEach(function (el) {
      el.textContent = t(el.dataset.t, el.textContent);
    });
    $('login-name').placeholder = t('name', 'Your name');
  }

  var c = window.consentry;
  if (!c) {
    $('record').textContent =
      'window.consentry is missing: dist/consentry.js did not load. Run `npm run demo`, which builds it first.';
    return;
  }

  // ---- event log -------------------------------------------------------------------------------------------
  function log(text) {
    var li = document.createElement('li');
    var time = document.createElement('time');
    time.textContent = new Date().toLocaleTimeString();
    li.append(time, ' ', text);
    $('log').prepend(li);
    while ($('log').children.length > 30) $('log').lastElementChild.remove();
  }

  // ---- login: a session-only, strictly necessary cookie that survives "Reject all" -----------------------
  function renderAccount() {
    var name = c.session.get();
    $('login').hidden = !!name;
    $('signed-in').hidden = !name;
    $('signed-in-text').textContent = name ? t('signedIn', 'Signed in as ') + name : '';
  }
  $('login').addEventListener('submit', function (e) {
    e.preventDefault();
    var name = $('login-name').value.trim();
    if (!name) return;
    c.session.login(name);
    $('login-name').value = '';
    log('consentry.session.login("' + name + '"): session cookie written (no expiry: gone when the browser closes)');
    renderAccount();
  });
  $('logout').addEventListener('click', function () {
    c.session.logout();
    log('consentry.session.logout()');
    renderAccount();
  });

  // ---- basket: the vendors' queue functions exist at once (their snippets define them); their scripts don't --
  var basket = 0;
  document.querySelectorAll('button[data-product]').forEach(function (button) {
    button.addEventListener('click', function () {
      var product = button.dataset.product;
      var price = Number(button.parentElement.querySelector('[data-price]').dataset.price);
      var currency = $('currency').value;
      $('basket-count').textContent = String(++basket);
      if (typeof fbq === 'function')
        fbq('track', 'AddToCart', { content_name: product, value: price, currency: currency });
      if (typeof gtag === 'function')
        gtag('event', 'add_to_cart', { currency: currency, value: price, items: [{ item_name: product }] });
      if (window.ttq && ttq.track) ttq.track('AddToCart', { content_id: product, value: price, currency: currency });
      var sent = c.allowed('analytics') || c.allowed('marketing');
      log(
        'Add to basket "' +
          product +
          '": fbq("track","AddToCart") and gtag("event","add_to_cart") ' +
          (sent ? 'go to the vendors whose category you allowed.' : "wait in the page's queues; nothing leaves."),
      );
    });
  });

  // ---- currency: remembered in a "preferences" cookie, only once that category is allowed -------------------
  var COOKIE = 'th_currency';
  var waiting = false;
  var saved = document.cookie.split('; ').filter(function (p) {
    return p.indexOf(COOKIE + '=') === 0;
  })[0];
  if (saved) $('currency').value = saved.slice(COOKIE.length + 1);
  function rememberCurrency() {
    document.cookie = COOKIE + '=' + $('currency').value + '; path=/; max-age=31536000; SameSite=Lax';
  }
  $('currency').addEventListener('change', function () {
    if (c.allowed('preferences')) {
      rememberCurrency();
      log('Currency ' + $('currency').value + ' remembered in the th_currency cookie.');
    } else {
      log('Currency ' + $('currency').value + ' used for this visit only: allow Preferences to remember it.');
      if (!waiting) {
        waiting = true;
        c.whenAllowed('preferences', function () {
          rememberCurrency();
          log('Preferences allowed: currency ' + $('currency').value + ' now remembered (consentry.whenAllowed).');
        });
      }
    }
  });

  // ---- the panel ------------------------------------------------------------------------------------------
  function renderRecord() {
    var record = c.get();
    $('record').textContent = record
      ? JSON.stringify(record, null, 2)
      : 'null: no choice yet, so only "necessary" is allowed.';
    var list = $('allowed');
    list.textContent = '';
    c.config.categories.forEach(function (cat) {
      var li = document.createElement('li');
      var yes = c.allowed(cat.id);
      li.className = yes ? 'yes' : 'no';
      li.textContent = cat.id + ': ' + (yes ? 'allowed' : 'blocked');
      list.append(li);
    });
  }

  function cell(row, text) {
    var td = document.createElement('td');
    td.textContent = text;
    row.append(td);
  }
  function addBlocked(item) {
    var row = document.createElement('tr');
    cell(row, item.kind);
    cell(row, item.vendor);
    cell(row, item.category);
    cell(row, c.allowed(item.category) ? 'let through' : 'held');
    row.lastChild.className = c.allowed(item.category) ? 'yes' : 'no';
    cell(row, item.url);
    row.lastChild.className = 'url';
    $('blocked').append(row);
    $('blocked-count').textContent = String($('blocked').children.length);
  }
  function renderBlocked() {
    $('blocked').textContent = '';
    c.blocked().forEach(addBlocked);
    $('blocked-count').textContent = String($('blocked').children.length);
  }

  window.addEventListener('consentry:change', function (e) {
    var r = e.detail;
    log('consentry:change (' + (r ? r.method : 'reset') + ')');
    renderRecord();
    renderBlocked(); // statuses follow the new choice
  });
  window.addEventListener('consentry:blocked', function (e) {
    addBlocked(e.detail);
  });
  window.addEventListener('consentry:ready', function () {
    log('consentry:ready');
    renderRecord();
  });

  $('show-prefs').addEventListener('click', function () {
    c.showPreferences();
  });
  $('reset').addEventListener('click', function () {
    c.reset();
    log('consentry.reset(): choice forgotten, the banner asks again (the login cookie stays).');
    renderRecord();
    renderAccount();
  });

  // What the server marked in this page's HTML (the demo server's JSON, read by the same origin: no inline data).
  function renderMarked(tags) {
    var list = $('marked');
    list.textContent = '';
    (tags || []).forEach(function (tag) {
      var li = document.createElement('li');
      var what = document.createElement('strong');
      what.textContent = '<' + tag.tag + '> ' + tag.vendor;
      var url = document.createElement('span');
      url.className = 'url';
      url.textContent = tag.url;
      li.append(what, ' (' + tag.categories.join(', ') + ') ', url);
      list.append(li);
    });
    $('marked-count').textContent = String(list.children.length);
  }
  fetch('/consentry-marked.json?path=' + encodeURIComponent(location.pathname))
    .then(function (r) {
      return r.json();
    })
    .then(function (r) {
      renderMarked(r.marked);
    })
    .catch(function () {
      $('marked').textContent = 'The server list is not available (is the page served by demo/server.js?).';
    });

  renderAccount();
  renderRecord();
  renderBlocked();
  log('Page loaded; ' + (c.get() ? 'a stored choice applies.' : 'no choice yet: trackers are held back.'));
})();
