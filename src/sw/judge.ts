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

/**
 * Answers the event with `answer`, handing it `passOn`: the response a later fetch listener gives (a site's own worker
 * that imported this file first), or else the network's. That listener's `respondWith` is taken, not refused: it
 * serves its own requests as before, and a refused tracker request is refused whatever it says.
 */
export function respond(
  event: ShieldFetchEvent,
  scope: ShieldScope,
  answer: (passOn: () => Promise<Response>) => Promise<Response>,
): void {
  let theirs: Response | Promise<Response> | undefined;
  // The other listeners run in the same task as this one: after a timer, they have all run.
  const passOn = () => new Promise((resolve) => setTimeout(resolve)).then(() => theirs || scope.fetch(event.request));
  event.respondWith(answer(passOn));
  try {
    Object.defineProperty(event, 'respondWith', {
      configurable: true,
      value: (response: typeof theirs) => (theirs = response),
    });
  } catch {}
}

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
  respond(event, judging.scope, async (passOn) => {
    let allowed = false;
    try {
      allowed = (await judging.live())(match.category);
    } catch (error) {
      fail('reading the consent failed; tracker requests are refused until it works.', error);
    }
    return allowed ? passOn() : refuse(event, judging, match);
  });
}
