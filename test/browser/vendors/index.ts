/**
 * Offline stand-ins for vendor scripts, keyed the way `trackers(context, stubs)` expects (host or host+path prefix).
 * Each stub behaves like the real script where it matters to a blocker: it drains the vendor's queue, writes the
 * vendor's first-party cookies through `document.cookie`, loads the vendor's next script, and sends its hit the
 * way the vendor does, to the vendor's real collect host. Scripts not listed here are answered with an empty body.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const read = (name: string) => readFileSync(fileURLToPath(new URL(name, import.meta.url)), 'utf8');

export const vendorStubs: Record<string, string> = {
  'www.googletagmanager.com/gtag/js': read('gtag.js'),
  'www.googletagmanager.com/gtm.js': read('gtm.js'),
  'connect.facebook.net/en_US/fbevents.js': read('fbevents.js'),
  'static.hotjar.com/c/hotjar-': read('hotjar.js'),
  'www.clarity.ms/tag/': read('clarity-tag.js'),
  'scripts.clarity.ms': read('clarity.js'),
  'snap.licdn.com/li.lms-analytics/': read('insight.js'),
  'analytics.tiktok.com/i18n/pixel/events.js': read('ttq.js'),
  'hm.baidu.com/hm.js': read('hm.js'),
  's4.cnzz.com/z_stat.php': read('cnzz.js'),
  'c.cnzz.com/core.php': read('cnzz-core.js'),
};
