import { CONSENT_ATTRIBUTE } from '../catalogue/marked-form';
import type { Matcher } from '../catalogue/matcher';
import type { Realm } from '../core/realm';
import type { BlockedItem, CategoryId } from '../core/types';
import { guardCookies } from './cookies';
import { guardElements } from './elements';
import { guardFrames } from './frames';
import { createGate } from './gate';
import { isMarkedHeld, onParkedFrame } from './marker';
import { checkInserted, guardMarkup } from './markup';
import { guardNavigation } from './navigation';
import { guardNetwork } from './network';
import { guardParser } from './parser';
import { guardPlatform } from './platform';
import { createReactivator, type Reactivator } from './reactivate';

export interface BlockerOptions {
  matcher: Matcher;
  allowed(category: CategoryId): boolean;
  report(item: BlockedItem): void;
  /** Cookie names never touched: consent record, session login cookie. */
  keep: string[];
  /** A blocked iframe is in the document: give it its placeholder (the later chunk draws it). */
  placeholder(frame: Element): void;
}

export interface Blocker {
  /** Consent widened: bring back, in document order, what is now allowed. */
  release(): void;
  /** Something may be held now (a withdrawal without a reload): install the guards, if they are not yet. */
  guard(): void;
}

// Symbol.for: shared by every realm and every copy of the loader, so a second install (or a second Consentry on the
// page) installs nothing. A guarded child realm holds 1; the top window holds its Blocker, handed to any later caller.
const INSTALLED = Symbol.for('consentry.blocker');

/**
 * Installs every guard on `win` and on each same-origin frame it gets, then the page-wide parts on `win`. With
 * `dormant` (everything is allowed: nothing to block), no guard is installed and no prototype patched: only marked
 * tags are released as the parser adds them, and `guard()` installs the rest the moment something is withdrawn.
 */
export function installBlocker(win: Realm, options: BlockerOptions, dormant?: boolean): Blocker {
  const installed = (win as any)[INSTALLED];
  if (installed) return installed;
  const gate = createGate(options);
  let failures = 0;
  // One part that fails (an odd browser, a frozen prototype) must not take the others down. Logged once: the same
  // failure then repeats in every frame.
  const safely = (part: () => unknown) => {
    try {
      part();
    } catch (error) {
      if (!failures++) console.error('Consentry: a blocker part failed; the others still run.', error);
    }
  };
  // Element and markup guards first: the later guards' own installs then cannot slip anything past them. A child
  // realm is marked once guarded; the top window already holds its Blocker.
  const guardRealm = (realm: Realm) => {
    if (realm != win) {
      if ((realm as any)[INSTALLED]) return;
      Object.defineProperty(realm, INSTALLED, { value: 1 });
    }
    safely(() => guardElements(realm, gate));
    safely(() => guardMarkup(realm, gate));
    safely(() => guardNetwork(realm, gate));
    safely(() => guardCookies(realm, gate));
    safely(() => guardPlatform(realm, gate));
    safely(() => guardNavigation(realm, gate));
  };
  let reactivator: Reactivator | undefined;
  let guarded = false;
  const blocker: Blocker = {
    release: () => safely(() => reactivator?.release()),
    guard() {
      if (guarded) return;
      guarded = true;
      guardRealm(win);
      safely(() => guardFrames(win, guardRealm, (target, node) => checkInserted(gate, target, node)));
    },
  };
  Object.defineProperty(win, INSTALLED, { value: blocker });
  if (!dormant) blocker.guard();
  // The observer's callbacks are microtasks, so the reactivator exists by the time it is read.
  safely(() =>
    guardParser(
      win,
      gate,
      (el) => reactivator?.remember(el),
      () => guarded,
    ),
  );
  safely(() => {
    reactivator = createReactivator(win, gate);
  });
  onParkedFrame(options.placeholder);
  // Marked iframes already in the document (an app that starts Consentry late): the parser guard announces later ones.
  for (const frame of win.document.querySelectorAll('iframe[' + CONSENT_ATTRIBUTE + ']'))
    if (isMarkedHeld(gate, frame)) options.placeholder(frame);
  return blocker;
}
