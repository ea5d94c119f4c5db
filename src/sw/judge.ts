import type { Match, Matcher } from '../catalogue/matcher';
import type { CategoryId } from '../core/types';
import { fail } from './fail';
import { report } from './report';
import type { ShieldFetchEvent, ShieldScope } from './scope';

/**
 * One request → left alone, refused, or passed on. Most requests are not a tracker's: for them the worker calls no
 * `respondWith` at all, so the browser handles them exactly as it would without a worker (no cache, no fetch by the
 * worker). The decision to leave a request alone must be made synchronously, from memory; a tracker request that
 * memory does not already allow is answered with a promise that reads the live consent again and then refuses it
 * or fetches it (an allowed tracker request answered this way passes through the worker).
 */

/** What judging needs from the running worker (src/sw/shield.ts). */
export interface Judging {
  readonly scope: ShieldScope;
  /** The matcher of the config in effect now. */
  matcher(): Matcher;
  /** From memory, synchronously: false while the worker does not know the consent yet. */
  allowedNow(category: CategoryId): boolean;
  /** Reads the consent again: what is allowed now (nothing but `necessary` when anything could not be read). */
  live(): Promise<(category: CategoryId) => boolean>;
}

/** Refused the way the platform refuses: an empty 204 for `no-cors` (pixels, scripts, CSS), a network error else. */
export const refusal = (request: Request): Response =>
  request.mode == 'no-cors' ? new Response(null, { status: 204 }) : Response.error();

/** Refuses, and tells the page. */
export function refuse(event: ShieldFetchEvent, judging: Judging, match: Match): Response {
  event.waitUntil(report(judging.scope, event, match));
  return refusal(event.request);
}

/** A subresource request (anything but a navigation: src/sw/navigation.ts). */
export function judgeRequest(event: ShieldFetchEvent, judging: Judging, match: Match | undefined): void {
  if (!match) return;
  try {
    if (judging.allowedNow(match.category)) return;
  } catch (error) {
    fail('reading the consent in memory failed; tracker requests are refused until it works.', error);
  }
  event.respondWith(
    (async () => {
      let allowed = false;
      try {
        allowed = (await judging.live())(match.category);
      } catch (error) {
        fail('reading the consent failed; tracker requests are refused until it works.', error);
      }
      return allowed ? judging.scope.fetch(event.request) : refuse(event, judging, match);
    })(),
  );
}
