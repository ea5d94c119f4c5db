import type { BlockedItem, CategoryId } from '../core/types';
import { purgeCookies, guardCookies } from './cookies';
import { guardElements } from './elements';
import { guardFrames } from './frames';
import { createGate } from './gate';
import { guardMarkup } from './markup';
import type { Matcher } from '../catalogue/matcher';
import { guardNetwork } from './network';
import { guardParser } from './parser';
import { placeholders } from './placeholder';
import { createReactivator } from './reactivate';

type Win = Window & typeof globalThis;

export interface BlockerOptions {
  matcher: Matcher;
  allowed(category: CategoryId): boolean;
  report(item: BlockedItem): void;
  /** Cookie names never touched: consent record, session login cookie. */
  keep: string[];
  /** Placeholder strings, `{vendor}` / `{category}` replaced. */
  texts: { blocked: string; allow: string };
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
const MARK = Symbol.for('consentry.blocker');

/** Installs every guard on `win` and on each same-origin frame it gets, then the page-wide parts on `win`. */
export function installBlocker(win: Win, o: BlockerOptions): Blocker {
  const done = (win as any)[MARK];
  if (done) return done;
  const gate = createGate(o);
  let failed = 0;
  // One part that fails (an odd browser, a frozen prototype) must not take the others down. Logged once: the same
  // failure then repeats in every frame.
  const safe = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      failed++ || console.error('Consentry: a blocker part failed; the others still run.', e);
    }
  };
  // Element and markup guards first: the later guards' own installs then cannot slip anything past them.
  const realm = (w: Win, mark: unknown = 1) => {
    if ((w as any)[MARK]) return;
    Object.defineProperty(w, MARK, { value: mark });
    safe(() => guardElements(w, gate));
    safe(() => guardMarkup(w, gate));
    safe(() => guardNetwork(w, gate));
    safe(() => guardCookies(w, gate, o.report));
  };
  let re: ReturnType<typeof createReactivator> | undefined;
  const blocker: Blocker = {
    release: () => safe(() => re?.release()),
    purge: (c) => safe(() => purgeCookies(win, o.matcher, c, o.keep)),
  };
  realm(win, blocker);
  // The observer's callbacks are microtasks, so the reactivator exists by the time `re` is read.
  safe(() => guardParser(win, gate, (el) => re?.remember(el)));
  safe(() => guardFrames(win, realm));
  safe(() => (re = createReactivator(win, gate)));
  safe(() => placeholders(win, o.texts, o.onAllow, gate));
  return blocker;
}
