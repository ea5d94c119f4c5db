import type { Matcher } from '../catalogue/matcher';
import type { Realm } from './realm';
import type { CategoryId, ConsentRecord } from './types';

/**
 * The contract between the loader and the later chunk (`consentry-later.js`, or a lazy chunk of the ES build): the
 * parts that only run once something happened, so that no page view pays for them up front. A blocked embed fetches
 * it for its placeholder; a withdrawal for the purge; a decision with `receipts.endpoint` for the receipt.
 */
export interface LaterParts {
  /** Puts the placeholder in place of a blocked iframe (src/later/placeholder.ts). */
  placePlaceholder(
    frame: Element,
    texts: PlaceholderTexts,
    onAllow: (category: CategoryId) => void,
    allowed: (category: CategoryId) => boolean,
  ): void;
  /** Deletes the visible cookies of withdrawn categories on every path and domain (src/later/purge.ts). */
  purgeCookies(win: Realm, matcher: Matcher, categories: CategoryId[], keep: string[]): string[];
  /** Sends one decision as proof of consent (src/later/receipt.ts). */
  sendReceipt(endpoint: string, record: ConsentRecord, lang: string): void;
}

/** The placeholder's strings: `{vendor}` and `{category}` are filled in. */
export interface PlaceholderTexts {
  blocked: string;
  allow: string;
}

/** The later chunk announces itself with this window event; `detail` is its `LaterParts`. */
export const LATER_EVENT = 'consentry:later';
