import type { BrowserContext, Cookie } from 'playwright-core';
import { type CookieWrite, parseCookieWrite } from './set-cookie';

/**
 * Where each cookie of a crawl came from: every `Set-Cookie` of every response (first and third party, HttpOnly
 * too), every write by page script (`document.cookie`, `cookieStore.set`) with the script that made it, and
 * whatever else shows up in the browser's cookie jar. Values are never recorded.
 */

export type How = 'Set-Cookie' | 'script' | 'jar';

export interface Write extends CookieWrite {
  how: How;
  /** The response's URL for `Set-Cookie`; for a script, the innermost script URL on the stack (the page for inline code). */
  setBy?: string;
  /** The page being crawled when it was seen. */
  page: string;
}

// The name of the page-side function a script write reports to. Visible to page code, harmless: it only records.
const BINDING = '__consentryScanCookieWrite';

/**
 * Runs in every frame before any page script, so it wraps the cookie setters before the loader does: the loader's
 * guard then wraps this one, and only writes the guard lets through reach the jar and this record.
 * The loader's own frames (`consentry*.js`) are skipped when naming the writer, unless the loader wrote it.
 */
const HOOK = `(() => {
  const report = (line) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 50;
    const stack = String(new Error().stack || '');
    Error.stackTraceLimit = limit;
    const urls = [...stack.matchAll(/(https?:\\/\\/[^\\s()]+?):\\d+:\\d+/g)].map((m) => m[1]);
    const writer = urls.find((u) => !/\\/consentry(-[\\w-]+)?\\.m?js(\\?|$)/.test(u)) || urls[0] || '';
    try { const f = window.${BINDING}; if (typeof f === 'function') f(String(line), writer); } catch (e) {}
  };
  const d = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (d && d.set) {
    const set = d.set;
    Object.defineProperty(Document.prototype, 'cookie', { ...d, set(v) { set.call(this, v); report(v); } });
  }
  const C = window.CookieStore && CookieStore.prototype;
  if (C && C.set) {
    const native = C.set;
    C.set = function set(a) {
      const result = native.apply(this, arguments);
      const o = typeof a === 'string' ? { name: a } : a || {};
      let line = String(o.name) + '=';
      if (o.expires != null) line += '; Expires=' + new Date(o.expires).toUTCString();
      if (o.domain) line += '; Domain=' + o.domain;
      if (o.path) line += '; Path=' + o.path;
      report(line);
      return result;
    };
  }
})();
//# sourceURL=consentry-scan-hook`;

export interface CookieTrail {
  writes: Write[];
  /** The first response URL seen per host, to name the likely setter of a cookie no header showed. */
  firstResponse: Map<string, string>;
  /** The page being crawled; set by the crawler before each navigation. */
  page: string;
}

export async function recordCookieWrites(context: BrowserContext): Promise<CookieTrail> {
  const trail: CookieTrail = { writes: [], firstResponse: new Map(), page: '' };
  const add = (line: string, how: How, setBy: string | undefined, now?: number) => {
    const w = parseCookieWrite(line, now);
    if (w && !w.deletion) trail.writes.push({ ...w, how, ...(setBy && { setBy }), page: trail.page });
  };
  await context.exposeBinding(BINDING, (_source, line: string, writer: string) => add(line, 'script', writer));
  await context.addInitScript(HOOK);
  context.on('response', async (response) => {
    const host = new URL(response.url()).hostname;
    if (!trail.firstResponse.has(host)) trail.firstResponse.set(host, response.url());
    let lines: string[];
    try {
      lines = await response.headerValues('set-cookie');
    } catch {
      return; // the page went away with its response
    }
    const date = Date.parse(response.headers().date ?? '');
    for (const line of lines) add(line, 'Set-Cookie', response.url(), Number.isNaN(date) ? undefined : date);
  });
  return trail;
}

/** The first write that explains a cookie of the jar: same name, and a Domain that covers it (or none given). */
export function writeFor(trail: CookieTrail, cookie: Cookie): Write | undefined {
  const host = cookie.domain.replace(/^\./, '');
  return trail.writes.find((w) => {
    if (w.name !== cookie.name) return false;
    if (!w.domain) return w.how === 'script' || hostOf(w.setBy) === host;
    return w.domain.replace(/^\./, '') === host;
  });
}

/**
 * For a cookie of the jar that no header or script showed (a response answered by a test route, a header the
 * browser withheld): the first response from a host its domain covers.
 */
export function likelySetter(trail: CookieTrail, cookie: Cookie): string | undefined {
  const domain = cookie.domain.replace(/^\./, '');
  for (const [host, url] of trail.firstResponse) if (host === domain || host.endsWith('.' + domain)) return url;
  return undefined;
}

const hostOf = (url?: string) => {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
};
