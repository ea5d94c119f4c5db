import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type Duplex, pipeline, Transform, Writable } from 'node:stream';
import * as zlib from 'node:zlib';
import { resolveConfig } from '../core/config';
import { langOf } from '../core/language';
import type { Config } from '../core/types';
import { createMarker, type MarkedTag } from '../mark/index';

/**
 * `consentry/middleware`: every `text/html` response of a Connect/Express-style server streams through the mark
 * core on its way out, so the browser's preload scanner never sees an unmarked tracker tag. Every other response is
 * left alone, byte for byte.
 *
 *   import { consentryMiddleware } from 'consentry/middleware';
 *   app.use(consentryMiddleware({ config }));
 *
 * Bytes, not characters: the body is read one byte per character (latin1), so UTF-8 and every other charset that
 * keeps ASCII as ASCII (windows-1252, Shift_JIS, GBK, Big5, EUC-*...) come out exactly as they went in, with no
 * decoding step to get wrong; what the rewriter adds is ASCII. Charsets that do not keep ASCII as ASCII (UTF-16,
 * ISO-2022-*) pass through untouched, with one warning.
 *
 * Compression: a body already compressed upstream (gzip, deflate, br) is decompressed, marked and compressed again
 * with the same coding. Passing it through would let an unmarked page out, which is what this middleware exists to
 * prevent; the cost is CPU on the way out. An unknown coding (zstd...) passes through untouched, with one warning.
 */

export interface MiddlewareOptions {
  /** The config the site's pages give the loader (rules, allow, categories, consentMode): one decision everywhere. */
  config?: Config;
  /** After the last byte of each marked response: what was marked (empty when nothing was). */
  onMarked?(req: IncomingMessage, marked: MarkedTag[]): void;
  /**
   * The loader's URL as the pages' `<script src>` gives it (e.g. `/consentry.js`), to start its download earlier:
   * a `103 Early Hints` with `Link: <url>; rel=preload; as=script` before the app renders a page, and the same
   * `Link` header on every HTML response (CDNs turn it into Early Hints of their own). Chromium acts on 103 over
   * HTTP/2 and HTTP/3; over HTTP/1.1 the header is harmless. Off unless given.
   */
  preloadLoader?: string;
  /**
   * With `preloadLoader`: a request without the consent cookie is a visitor who will see the banner, so its hints
   * also preload the banner's files beside the loader (`consentry-ui.js`, and `consentry-<lang>.js` when the config
   * names the language), at low priority. The banner then needs no request after the loader ran, but on a slow
   * link those bytes share the line with the page's first paint (measured in the README), hence off by default.
   */
  preloadBanner?: boolean;
}

type Next = (error?: unknown) => void;
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const NO_BODY = new Set([204, 205, 206, 304]);
// Encodings in which "<" is not always the byte 0x3C (https://encoding.spec.whatwg.org/).
const NOT_ASCII =
  /^(?:utf-?16(?:le|be)?|ucs-?2|unicode(?:fffe)?|csunicode|iso-2022-\w+|csiso2022\w+|hz-gb-2312|utf-?7|replacement)$/i;
const CODINGS: Record<string, [() => Duplex, () => Duplex]> = {
  gzip: [zlib.createGunzip, zlib.createGzip],
  'x-gzip': [zlib.createGunzip, zlib.createGzip],
  deflate: [zlib.createInflate, zlib.createDeflate],
  br: [zlib.createBrotliDecompress, zlib.createBrotliCompress],
};

const warned = new Set<string>();
const warnOnce = (message: string) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn('Consentry middleware: ' + message);
};

/** The mark core over bytes: one byte per character in and out (see above). */
function markBytes(config: Config | undefined, url: string, done: (marked: MarkedTag[]) => void): Transform {
  const marker = createMarker(config, { url });
  let first = true;
  let raw = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      // A UTF-16 byte order mark overrides any declared charset: such a body is not ours to read byte-wise.
      if (
        first &&
        chunk.length >= 2 &&
        ((chunk[0] === 0xfe && chunk[1] === 0xff) || (chunk[0] === 0xff && chunk[1] === 0xfe))
      ) {
        raw = true;
        warnOnce(`${url}: a UTF-16 page passes through unmarked.`);
      }
      first = false;
      if (raw) return callback(null, chunk);
      callback(null, Buffer.from(marker.push(chunk.toString('latin1')), 'latin1'));
    },
    flush(callback) {
      if (raw) return callback();
      const rest = marker.end();
      done(marker.marked);
      callback(null, Buffer.from(rest, 'latin1'));
    },
  });
}

/** Sets the headers given to `writeHead` on the response, so that they can be read (and changed) before they go. */
function applyHeaders(res: ServerResponse, headers: unknown): void {
  if (!headers || typeof headers !== 'object') return;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((h, i) => (i % 2 ? [] : [[h, headers[i + 1]]]));
    for (const [k, v] of pairs) res.setHeader(String(k), v);
  } else for (const [k, v] of Object.entries(headers as OutgoingHttpHeaders)) if (v !== undefined) res.setHeader(k, v);
}

/** `<url>` as a Link header value: the URL must not close the angle brackets or start a new link. */
const preloadLink = (url: string) => {
  if (!/^(?:https?:\/\/|\/)[^\s<>,;"]*$/i.test(url))
    throw new TypeError(
      `Consentry middleware: preloadLoader must be an http(s) or root-relative URL, not ${JSON.stringify(url)}.`,
    );
  return `<${url}>; rel=preload; as=script`;
};

/** The Link values of the banner's files, which the loader fetches next to itself (its URL without the query). */
function bannerLinks(loader: string, language: string | undefined): string[] {
  const folder = loader.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
  const lang = langOf(language);
  return ['ui', ...(lang ? [lang] : [])].map(
    (part) => `<${folder}consentry-${part}.js>; rel=preload; as=script; fetchpriority=low`,
  );
}

/** Whether the request carries a cookie of this name (any value: the loader judges it, this only guesses). */
const hasCookie = (req: IncomingMessage, name: string) =>
  String(req.headers.cookie ?? '')
    .split(';')
    .some((pair) => pair.trim().startsWith(name + '='));

/** A request for a page (a navigation), not for a subresource. */
const wantsPage = (req: IncomingMessage) =>
  req.method === 'GET' &&
  (req.headers['sec-fetch-dest'] === 'document' || /\btext\/html\b/.test(String(req.headers.accept ?? '')));

export function consentryMiddleware(options: MiddlewareOptions = {}): Middleware {
  const loaderLink = options.preloadLoader == null ? undefined : preloadLink(options.preloadLoader);
  // Resolved only for the banner's hints; the cookie is looked for only then, so no other request parses it.
  const banner = loaderLink && options.preloadBanner ? resolveConfig(options.config ?? {}) : undefined;
  const firstVisitLinks = banner && [loaderLink!, ...bannerLinks(options.preloadLoader!, banner.language)];
  return function consentry(req, res, next) {
    const link =
      loaderLink && (firstVisitLinks && !hasCookie(req, banner!.cookie.name) ? firstVisitLinks : [loaderLink]);
    // Before the app does any work for the page: the loader downloads while the server thinks.
    if (link && wantsPage(req) && typeof res.writeEarlyHints === 'function') res.writeEarlyHints({ link });
    // The response's own methods, for what goes out once marked.
    const write = res.write.bind(res) as (chunk: Buffer) => boolean;
    const end = res.end.bind(res) as () => void;
    const writeHead = res.writeHead.bind(res) as (status: number) => ServerResponse;
    let state: 'open' | 'pass' | 'mark' = 'open';
    let input: Duplex | undefined;

    /** Decides once, before the headers leave: mark this response, or let it through untouched. */
    const decide = () => {
      if (state !== 'open') return;
      state = 'pass';
      const type = String(res.getHeader('content-type') ?? '');
      if (!/^\s*text\/html\s*(?:;|$)/i.test(type)) return;
      if (NO_BODY.has(res.statusCode) || res.statusCode < 200) return;
      if (link) res.appendHeader('link', link);
      const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
      const coding = String(res.getHeader('content-encoding') ?? 'identity')
        .trim()
        .toLowerCase();
      // The length changes: a marked body has another, and a HEAD answer must not announce the unmarked one.
      if (req.method === 'HEAD') return void res.removeHeader('content-length');
      if (charset && NOT_ASCII.test(charset))
        return warnOnce(`"${charset}" is not an ASCII-compatible charset: such pages pass through unmarked.`);
      const codec = CODINGS[coding];
      if (coding !== 'identity' && !codec)
        return warnOnce(`"${coding}" responses pass through unmarked (only gzip, deflate and br are re-encoded).`);
      state = 'mark';
      res.removeHeader('content-length');
      // Ranges of the unmarked body would not fit the marked one.
      res.removeHeader('accept-ranges');
      // The same body for the same page and config, but not the bytes the upstream ETag was computed for.
      const etag = res.getHeader('etag');
      if (typeof etag === 'string' && !etag.startsWith('W/')) res.setHeader('etag', 'W/' + etag);
      const url = `${(req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http'}://${req.headers.host || 'localhost'}${req.url || '/'}`;
      const stages: Duplex[] = [];
      if (codec) stages.push(codec[0]());
      stages.push(markBytes(options.config, url, (marked) => options.onMarked?.(req, marked)));
      if (codec) stages.push(codec[1]());
      const sink = new Writable({
        write(chunk, _encoding, callback) {
          if (write(chunk)) callback();
          else res.once('drain', () => callback());
        },
        final(callback) {
          end();
          callback();
        },
      });
      input = stages[0];
      input.on('drain', () => res.emit('drain'));
      pipeline([...stages, sink], (error) => {
        if (!error) return;
        // Fail closed: the rest of an unmarked page must not go out.
        console.error('Consentry middleware: marking failed; the response is cut off.', error);
        res.destroy(error);
      });
    };

    const bytes = (chunk: unknown, encoding?: unknown) =>
      Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

    res.writeHead = function (this: ServerResponse, status: number, reason?: unknown, headers?: unknown) {
      if (!res.headersSent) {
        applyHeaders(res, typeof reason === 'string' ? headers : reason);
        res.statusCode = status;
        if (typeof reason === 'string') res.statusMessage = reason;
        decide();
      }
      return writeHead(status);
    } as typeof res.writeHead;

    res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (!res.headersSent) decide();
      if (state !== 'mark') return (write as (...a: unknown[]) => boolean)(chunk, encoding, callback);
      const cb = typeof encoding === 'function' ? encoding : callback;
      return input!.write(bytes(chunk, encoding), cb as () => void);
    } as typeof res.write;

    res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (!res.headersSent) decide();
      if (state !== 'mark') return (end as (...a: unknown[]) => ServerResponse)(chunk, encoding, callback);
      const cb = [chunk, encoding, callback].find((a) => typeof a === 'function') as (() => void) | undefined;
      if (chunk != null && typeof chunk !== 'function') input!.write(bytes(chunk, encoding));
      if (cb) res.once('finish', cb);
      input!.end();
      return res;
    } as typeof res.end;

    next();
  };
}
