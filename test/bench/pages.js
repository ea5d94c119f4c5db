import { crc32, deflateSync } from 'node:zlib';

// The bench pages and the same-origin scripts they load. Every tool is installed the way its own
// docs show (Consentry first and synchronous in <head>; the peers' documented `defer` snippets),
// with configuration in same-origin files so no page needs inline script.

/** How each tool goes into <head>. `none` is the bare page every ratio is taken against. */
export const TOOLS = {
  none: '',
  consentry: '<script src="/tools/consentry/consentry.js"></script>',
  yett: '<script src="/bench/yett-config.js"></script><script src="/tools/yett/yett.min.js"></script>',
  cc:
    '<link rel="stylesheet" href="/tools/cc/cookieconsent.css">' +
    '<script defer src="/tools/cc/cookieconsent.umd.js"></script><script defer src="/bench/cc-config.js"></script>',
  klaro: '<script defer src="/bench/klaro-config.js"></script><script defer src="/tools/klaro/klaro.js"></script>',
};

const shell = (tool, head, body) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
${head}${TOOLS[tool] ?? ''}
<title>Consentry bench</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:1rem}</style>
</head><body>${body}</body></html>`;

const PROSE = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1}. A plain article page, long enough to fill the viewport, so that a banner which ` +
    `pushes content instead of overlaying it would show up as a layout shift.</p>`,
).join('');

export const PAGES = {
  // The probe goes before the tool: it must be listening before the tool can draw anything.
  banner: (q) =>
    shell(
      q.get('tool'),
      '<script src="/bench/probe.js"></script>',
      `<header><h1>An article</h1></header><main>${PROSE}</main>`,
    ),
  heavy: (q) => shell(q.get('tool'), '', '<div id="app"></div><script src="/bench/workload.js"></script>'),
  micro: (q) => shell(q.get('tool'), '', '<script src="/bench/micro.js"></script>'),
  // The first-visit FCP page (its stylesheet and image are SITE_ASSETS, below).
  site: (q) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${TOOLS[q.get('tool')] ?? ''}
<title>An article | A content site</title>
<link rel="stylesheet" href="/site/site.css">
</head><body>
<header class="header__body"><nav class="nav__list"><a href="/">Home</a> <a href="/news">News</a> <a href="/about">About</a></nav></header>
<main><img class="hero" src="/site/hero.png" width="240" height="140" alt="">
<h1>An article on a content site</h1>
${ARTICLE}
</main><footer class="footer__body"><p>A footer.</p></footer></body></html>`,
};

// Typical tracker patterns, as a yett user would list them; yett tests every script URL against each.
const YETT_CONFIG = `window.YETT_BLACKLIST = [
  /google-analytics\\.com/, /googletagmanager\\.com/, /doubleclick\\.net/, /connect\\.facebook\\.net/,
  /facebook\\.com\\/tr/, /static\\.hotjar\\.com/, /clarity\\.ms/, /hm\\.baidu\\.com/, /bat\\.bing\\.com/,
  /analytics\\.tiktok\\.com/, /snap\\.licdn\\.com/, /static\\.ads-twitter\\.com/, /cdn\\.mxpnl\\.com/, /piwik\\.php/
];`;

// hideFromBots: its default hides the banner when navigator.webdriver is true, which it is under automation.
const CC_CONFIG = `CookieConsent.run({
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'Some cookies are needed for the site to work; others help us understand how it is used.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences'
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Audience measurement.', linkedCategory: 'analytics' }
          ]
        }
      }
    }
  }
});`;

const KLARO_CONFIG = `var klaroConfig = {
  version: 1,
  acceptAll: true,
  translations: {
    en: {
      privacyPolicyUrl: '/privacy',
      consentNotice: { description: 'Some cookies are needed for the site to work; others help us understand how it is used.' },
      purposes: { analytics: 'Analytics' }
    }
  },
  services: [{ name: 'analytics', title: 'Analytics', purposes: ['analytics'], cookies: [/^_ga/] }]
};`;

// Inside Consentry's shadow root, the first layer is the (non-modal) dialog; the preferences dialog is not open yet.
const CONSENTRY_BANNER = '[role=dialog]';

// Records the first animation frame in which the banner is rendered and visible, and every layout shift.
// A rAF poll (not only a MutationObserver) because banners fade in: "visible" is the first painted frame with
// opacity above 0, and a shadow root's insides are invisible to a document-level observer anyway.
export const BANNER_PROBE = `(() => {
  const tool = new URLSearchParams(location.search).get('tool');
  const b = (window.__bench = { visible: null, shifts: [] });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      const sources = (e.sources || []).map((s) => {
        const n = s.node;
        return n && n.nodeType === 1 ? n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && typeof n.className == 'string' ? '.' + n.className.trim().split(/\\s+/).join('.') : '') : String(n && n.nodeName);
      });
      b.shifts.push({ value: e.value, time: e.startTime, sources });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const seen = (el) => {
    if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  };
  const find = {
    consentry: () => {
      const root = document.getElementById('consentry-root');
      const sr = root && root.shadowRoot;
      return sr ? [...sr.querySelectorAll('${CONSENTRY_BANNER}')].find(seen) : null;
    },
    cc: () => document.querySelector('#cc-main .cm'),
    klaro: () => document.querySelector('.klaro .cookie-notice'),
  }[tool];
  if (!find) return;
  const poll = () => {
    const el = find();
    if (el && seen(el)) b.visible = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
})();`;

// A DOM-heavy page's own script: thousands of elements, hundreds of images and links, first-party fetches,
// attribute and innerHTML writes. Every one of these passes through a blocker's guards, and none is a tracker,
// so what a tool adds here is pure overhead. Images reuse 20 cacheable URLs: the guards see every assignment
// all the same, and the machine is spared hundreds of identical requests. The runner calls it once the page (and any banner) has settled, so
// the CPU time around the call is the workload's alone. The first "await" lets MutationObserver callbacks
// (yett's, and any tool's) run inside the timed span: they were queued by the first mutation, before it.
const WORKLOAD = `window.__workload = async () => {
  const app = document.getElementById('app');
  const t0 = performance.now();
  for (let i = 0; i < 3000; i++) {
    const d = document.createElement('div');
    d.className = 'row';
    d.textContent = 'Row ' + i + ' of a long list of things';
    app.appendChild(d);
  }
  for (let i = 0; i < 300; i++) {
    const img = document.createElement('img');
    img.width = img.height = 1;
    img.src = '/img/' + (i % 20) + '.gif';
    app.appendChild(img);
  }
  for (let i = 0; i < 300; i++) {
    const a = document.createElement('a');
    a.href = '/page/heavy?article=' + i;
    a.textContent = 'Link ' + i;
    app.appendChild(a);
  }
  for (let i = 0; i < 100; i++) {
    const img = document.createElement('img');
    img.setAttribute('width', '1');
    img.setAttribute('src', '/img/a' + (i % 20) + '.gif');
    app.appendChild(img);
  }
  for (let i = 0; i < 50; i++) {
    const d = document.createElement('div');
    d.innerHTML = '<p>Card ' + i + ' <a href="/card/' + i + '">open</a></p><img width="1" src="/img/c' + (i % 20) + '.gif">';
    app.appendChild(d);
  }
  for (let i = 0; i < 20; i++) {
    const s = document.createElement('script');
    s.src = '/local.js?' + i;
  }
  const calls = [];
  for (let i = 0; i < 200; i++) calls.push(fetch('/api/' + i));
  await null;
  const wall = performance.now() - t0;
  await Promise.all(calls);
  return wall;
};`;

// Micro-benchmarks of single guarded calls. The runner reads CPU time around each batch; the in-page wall
// time is kept as a cross-check. Fetches are awaited in a separate, untimed step (settle).
const MICRO = `(() => {
  let sink = null;
  const img = document.createElement('img');
  const script = document.createElement('script');
  const ops = {
    'createElement("div")': (n) => { for (let i = 0; i < n; i++) sink = document.createElement('div'); },
    'createElement("img")': (n) => { for (let i = 0; i < n; i++) sink = document.createElement('img'); },
    'img.setAttribute("src")': (n) => { for (let i = 0; i < n; i++) img.setAttribute('src', '/local.gif'); },
    'script.src = url': (n) => { for (let i = 0; i < n; i++) script.src = '/local.js'; },
    'fetch(same-origin)': (n) => { const p = []; for (let i = 0; i < n; i++) p.push(fetch('/x')); sink = p; },
  };
  window.__micro = (op, n) => {
    const t0 = performance.now();
    ops[op](n);
    return ((performance.now() - t0) * 1e6) / n;
  };
  window.__settle = async () => {
    if (Array.isArray(sink)) await Promise.all(sink);
    sink = null;
  };
})();`;

export const MICRO_OPS = {
  'createElement("div")': 50000,
  'createElement("img")': 50000,
  'img.setAttribute("src")': 5000,
  'script.src = url': 20000,
  'fetch(same-origin)': 100,
};

export const ASSETS = {
  'yett-config.js': YETT_CONFIG,
  'cc-config.js': CC_CONFIG,
  'klaro-config.js': KLARO_CONFIG,
  'probe.js': BANNER_PROBE,
  'workload.js': WORKLOAD,
  'micro.js': MICRO,
};

// The first-visit FCP page: what an ordinary content site sends. A stylesheet of a site's usual size and a hero
// image of about 100 kB that the preload scanner finds at once, so the tool's bytes share the slow link with it, as
// on a real site; then an article. The tool's snippet comes first in <head>, as each tool's docs place it.
// Deterministic (a seeded generator), so every run and every machine loads the same bytes.
const seeded = (seed) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};

/** A stylesheet like a site's own: reset, layout, components and utilities; about 45 kB raw, 9 kB gzip. */
function siteStylesheet() {
  const random = seeded(11);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const colour = () =>
    `#${Math.floor(random() * 0xffffff)
      .toString(16)
      .padStart(6, '0')}`;
  const length = () => `${(random() * 3).toFixed(3)}rem`;
  const properties = [
    () => `color:${colour()}`,
    () => `background-color:${colour()}`,
    () => `margin:${length()} ${length()}`,
    () => `padding:${length()}`,
    () => `border:1px solid ${colour()}`,
    () => `border-radius:${length()}`,
    () => `font-size:${(0.75 + random()).toFixed(3)}rem`,
    () => `line-height:${(1.2 + random() / 2).toFixed(2)}`,
    () => `display:${pick(['block', 'flex', 'grid', 'inline-block', 'none'])}`,
    () => `gap:${length()}`,
    () => `box-shadow:0 ${length()} ${length()} rgba(0,0,0,.${Math.floor(random() * 9) + 1})`,
    () =>
      `transition:${pick(['color', 'opacity', 'transform', 'background-color'])} .${Math.floor(random() * 9) + 1}s ease`,
    () => `grid-template-columns:repeat(${Math.floor(random() * 6) + 1},minmax(0,1fr))`,
    () => `max-width:${Math.floor(random() * 80) + 20}rem`,
  ];
  const blocks = [
    'header',
    'nav',
    'hero',
    'card',
    'button',
    'footer',
    'article',
    'aside',
    'form',
    'menu',
    'tag',
    'media',
  ];
  const elements = ['title', 'body', 'link', 'icon', 'image', 'list', 'item', 'label', 'input', 'meta'];
  const modifiers = [
    '',
    '--active',
    '--large',
    '--small',
    '--dark',
    '--muted',
    '--primary',
    ':hover',
    ':focus-visible',
  ];
  const rules = [
    '*,::before,::after{box-sizing:border-box}',
    'body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;background:#fff}',
    'img{display:block;max-width:100%;height:auto}',
    '.hero{width:100%;aspect-ratio:2/1;object-fit:cover;background:#c9d6df}',
    'main{max-width:44rem;margin:0 auto;padding:1rem}',
  ];
  for (let i = 0; i < 420; i++) {
    const selector = `.${pick(blocks)}__${pick(elements)}${pick(modifiers)}`;
    const declarations = Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(properties)());
    rules.push(`${selector}{${declarations.join(';')}}`);
  }
  for (const size of [480, 768, 1024]) {
    rules.push(`@media (min-width:${size}px){main{max-width:${size / 16}rem}.hero{aspect-ratio:${size / 300}/1}}`);
  }
  return rules.join('\n');
}

/** A PNG of noise: 240 × 140 RGB, which no compressor shrinks, so it weighs about 100 kB on the wire. */
function heroImage() {
  const random = seeded(7);
  const width = 240;
  const height = 140;
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let i = 0; i < rows.length; i++) rows[i] = i % (width * 3 + 1) ? Math.floor(random() * 256) : 0;
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'latin1');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ARTICLE = Array.from(
  { length: 14 },
  (_, i) =>
    `<p>Section ${i + 1}. An article page of an ordinary content site, with a header, a hero image and enough text ` +
    `to fill a phone's screen several times over, so that first contentful paint is the moment its first words ` +
    `appear, after the stylesheet and any render-blocking script have arrived.</p>`,
).join('\n');

/** The site page's files, served under /site/ and made once each. */
export const SITE_ASSETS = { 'site.css': siteStylesheet, 'hero.png': heroImage };
