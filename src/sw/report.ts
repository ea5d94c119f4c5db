import type { Match } from '../catalogue/matcher';
import { SHIELD_BLOCKED, type ShieldBlockedMessage } from '../core/shield-contract';
import type { BlockedKind } from '../core/types';
import type { ShieldFetchEvent, ShieldScope } from './scope';

/**
 * Telling the page: each request refused inside the worker is posted to the client that made it (a navigation's to
 * the client it would have created), which the loader adds to `blocked()` and the `blocked` event.
 */

/** `Request.destination` → the channel the page's list names. */
const KINDS: Record<string, BlockedKind> = {
  image: 'img',
  script: 'script',
  style: 'link',
  iframe: 'iframe',
  frame: 'iframe',
  document: 'iframe',
  worker: 'worker',
  sharedworker: 'worker',
  audio: 'source',
  video: 'source',
  track: 'source',
  embed: 'embed',
  object: 'object',
};

/** No destination: `fetch()` or XHR, or a beacon (`sendBeacon` sends its request with `keepalive`). */
export const kindOf = (request: Request): BlockedKind =>
  KINDS[request.destination] || (!request.destination && request.keepalive ? 'beacon' : 'fetch');

export function report(scope: ShieldScope, event: ShieldFetchEvent, match: Match): Promise<void> {
  const message: ShieldBlockedMessage = {
    type: SHIELD_BLOCKED,
    kind: kindOf(event.request),
    url: event.request.url,
    category: match.category,
    vendor: match.vendor,
  };
  const id = event.clientId || event.resultingClientId;
  // A client that is gone (or a navigation refused before it had one) has nobody to tell.
  return id
    ? scope.clients.get(id).then(
        (client) => client?.postMessage(message),
        () => {},
      )
    : Promise.resolve();
}
