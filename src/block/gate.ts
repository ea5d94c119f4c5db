import { consentCategories } from '../catalogue/marked-form';
import type { Match, Matcher } from '../catalogue/matcher';
import type { BlockedItem, BlockedKind, CategoryId } from '../core/types';

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
  /** Reports a held item that is not a URL (a cookie, by name). */
  report(item: BlockedItem): void;
  /** Cookie names that are never touched: the consent record and the session login cookie. */
  keep: string[];
}

export interface GateOptions {
  matcher: Matcher;
  allowed(category: CategoryId): boolean;
  report(item: BlockedItem): void;
  keep: string[];
}

/** What a guard that failed holds the item as: an unknown marketing tracker, so nothing short of full consent lets it through. */
export const GUARD_FAILURE: Match = { category: 'marketing', vendor: 'unknown (guard error)' };

let failureLogged = false;

/** True when every category of a `data-consent` list (`"analytics marketing"`) is allowed. */
/** True when the list names at least one category and every one is allowed: a list that names none allows nothing. */
export const allowsEvery = (allowed: (category: CategoryId) => boolean, list: string): boolean => {
  const categories = consentCategories(list);
  return categories.length > 0 && categories.every(allowed);
};

/** The record of one held item, for `blocked()` and the `blocked` event. */
export const blockedItem = (kind: BlockedKind, url: string, match: Match, element?: Element): BlockedItem => ({
  kind,
  url,
  category: match.category,
  vendor: match.vendor,
  time: Math.round(performance.now()),
  element,
});

export const createGate = (options: GateOptions): Gate => ({
  ...options,
  hold(url, kind, element) {
    let match: Match | undefined;
    try {
      match = options.matcher.url(url);
      if (!match || options.allowed(match.category)) return;
    } catch (error) {
      if (!failureLogged) console.error('Consentry: a guard failed and held the request back (fail closed).', error);
      failureLogged = true;
      match = GUARD_FAILURE;
    }
    options.report(blockedItem(kind, String(url), match, element));
    return match;
  },
});
