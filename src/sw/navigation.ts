import type { Match } from '../catalogue/matcher';
import type { Config } from '../core/types';
import { createMarker } from '../mark/marker';
import { fail } from './fail';
import { type Judging, refuse, respond } from './judge';
import type { ShieldFetchEvent } from './scope';
import type { ShieldSite } from './site-config';

/**
 * Navigations (a page or a frame's document). One to a tracker of a refused category is refused; one of the
 * worker's own origin is fetched, and an HTML page streams through the rewriting core (src/mark/) on its way to the
 * browser, so every static tracker tag reaches the parser and the preload scanner already marked and the loader
 * re-activates the allowed ones. This is the one place where the worker handles requests that are not a tracker's:
 * status, headers and redirects stay as the server sent them, and every byte outside a marked tag is the server's.
 */

export interface Navigating extends Judging {
  /** The config in effect now. */
  site(): ShieldSite;
}

/** Bytes → one character per byte: any ASCII-compatible charset goes through the marker and back unchanged. */
const asText = (bytes: Uint8Array): string => {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
};

/** Back to bytes (the marker writes anything beyond Latin-1 as character references, so each one fits a byte). */
const asBytes = (text: string): Uint8Array => {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
};

/** The response with its HTML body marked for `site`, or the response itself when it is not an HTML page. */
export function markedPage(response: Response, site: ShieldSite, url: string): Response {
  const { status } = response;
  if (
    !response.ok ||
    status == 204 ||
    status == 205 ||
    !response.body ||
    !/^\s*text\/html\s*(;|$)/i.test(response.headers.get('content-type') || '')
  )
    return response;
  const marker = createMarker(site.input as Config, { url });
  const headers = new Headers(response.headers);
  // The body handed on is the decoded one, and its length changes with every marked tag.
  headers.delete('content-length');
  headers.delete('content-encoding');
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        const out = marker.push(asText(chunk));
        if (out) controller.enqueue(asBytes(out));
      },
      flush(controller) {
        const out = marker.end();
        if (out) controller.enqueue(asBytes(out));
      },
    }),
  );
  return new Response(body, { status, statusText: response.statusText, headers });
}

export function judgeNavigation(event: ShieldFetchEvent, navigating: Navigating, early: Match | undefined): void {
  const { request } = event;
  const own = new URL(request.url).origin == navigating.scope.location.origin;
  // Only same-origin documents are the worker's to rewrite; anything else is a subresource as far as it is concerned.
  if (!own && !early) return;
  respond(event, navigating.scope, async (passOn) => {
    let match = early;
    let allowed = (_: string) => false;
    try {
      allowed = await navigating.live();
      // The config may have changed (read back from storage at start) since the synchronous look.
      match = navigating.matcher().url(request.url);
    } catch (error) {
      fail('judging a navigation failed; a tracker page is refused.', error);
    }
    if (match && !allowed(match.category)) return refuse(event, navigating, match);
    const response = await passOn();
    try {
      return own ? markedPage(response, navigating.site(), request.url) : response;
    } catch (error) {
      fail('marking a page failed; it is passed on as the server sent it.', error);
      return response;
    }
  });
}
