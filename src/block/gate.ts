import type { BlockedItem, BlockedKind, CategoryId } from '../core/types';
import type { Match, Matcher } from '../catalogue/matcher';

/**
 * The one question every guard asks: "must this URL be held back right now?"
 * A guard sees a URL → `gate.hold()` asks the matcher for a category → the live consent says allowed or not.
 */
export interface Gate {
  matcher: Matcher;
  /** Live consent. `necessary` is always true. */
  allowed(category: CategoryId): boolean;
  /**
   * The match when `url` must be held back now, else undefined. Reports the item (once per call).
   * Never throws: if anything inside fails, it holds the URL (fail closed) and logs once.
   */
  hold(url: string, kind: BlockedKind, element?: Element): Match | undefined;
  /** Cookie names that are never touched: the consent record and the session login cookie. */
  keep: string[];
}

export interface GateOptions {
  matcher: Matcher;
  allowed(category: CategoryId): boolean;
  report(item: BlockedItem): void;
  keep: string[];
}

const FAILED: Match = { category: 'marketing', vendor: 'unknown (guard error)' };
let warned = false;

/** Any category in a space-separated list (`data-consent="analytics marketing"`) not allowed holds the whole item. */
export const allowedAll = (allowed: (c: CategoryId) => boolean, list: string): boolean =>
  list.split(' ').every((c) => !c || allowed(c));

/** The record of one held item, for `blocked()` and the `blocked` event. */
export const item = (kind: BlockedKind, url: string, m: Match, element?: Element): BlockedItem => ({
  kind,
  url,
  category: m.category,
  vendor: m.vendor,
  time: Math.round(performance.now()),
  element,
});

export const createGate = (o: GateOptions): Gate => ({
  ...o,
  hold(url, kind, element) {
    let m: Match | undefined;
    try {
      m = o.matcher.url(url);
      if (!m || o.allowed(m.category)) return;
    } catch (e) {
      if (!warned) console.error('Consentry: a guard failed and held the request back (fail closed).', e);
      warned = true;
      m = FAILED;
    }
    o.report(item(kind, String(url), m, element));
    return m;
  },
});
