import type { Matcher } from '../catalogue/matcher';
import type { Realm } from '../core/realm';
import type { BlockedItem, CategoryId } from '../core/types';
import { guardCookies, purgeCookies } from './cookies';
import { guardElements } from './elements';
import { guardFrames } from './frames';
import { createGate } from './gate';
import { guardMarkup } from './markup';
import { guardNetwork } from './network';
import { guardParser } from './parser';
import { type PlaceholderTexts, showPlaceholders } from './placeholder';
import { createReactivator, type Reactivator } from './reactivate';

export interface BlockerOptions {
  matcher: Matcher;
  allowed(category: CategoryId): boolean;
  report(item: BlockedItem): void;
  /** Cookie names never touched: consent record, session login cookie. */
  keep: string[];
  /** The placeholder's strings (`{vendor}` / `{category}` replaced), fetched on the first blocked embed. */
  texts(): Promise<PlaceholderTexts>;
  /** The visitor pressed "allow and load" on a placeholder. */
  onAllow(category: CategoryId): void;
}

export interface Blocker {
  /** Consent widened: bring back, in document order, what is now allowed. */
  release(): void;
  /** Categories withdrawn: delete their cookies on every path and domain (never `keep`). */
  purge(categories: CategoryId[]): void;
}

// Symbol.for: shared by every realm and every copy of the loader, so a second install (or a second Consentry on the
// page) installs nothing. A child realm holds 1; the top window holds its Blocker, handed to any later caller.
const INSTALLED = Symbol.for('consentry.blocker');

/** Installs every guard on `win` and on each same-origin frame it gets, then the page-wide parts on `win`. */
export function installBlocker(win: Realm, options: BlockerOptions): Blocker {
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
  // Element and markup guards first: the later guards' own installs then cannot slip anything past them.
  const guardRealm = (realm: Realm, mark: unknown = 1) => {
    if ((realm as any)[INSTALLED]) return;
    Object.defineProperty(realm, INSTALLED, { value: mark });
    safely(() => guardElements(realm, gate));
    safely(() => guardMarkup(realm, gate));
    safely(() => guardNetwork(realm, gate));
    safely(() => guardCookies(realm, gate));
  };
  let reactivator: Reactivator | undefined;
  const blocker: Blocker = {
    release: () => safely(() => reactivator?.release()),
    purge: (categories) => safely(() => purgeCookies(win, options.matcher, categories, options.keep)),
  };
  guardRealm(win, blocker);
  // The observer's callbacks are microtasks, so the reactivator exists by the time it is read.
  safely(() => guardParser(win, gate, (el) => reactivator?.remember(el)));
  safely(() => guardFrames(win, guardRealm));
  safely(() => {
    reactivator = createReactivator(win, gate);
  });
  safely(() => showPlaceholders(win, options.texts, options.onAllow, gate));
  return blocker;
}
