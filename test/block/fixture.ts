import { createGate } from '../../src/block/gate';
import type { Matcher } from '../../src/catalogue/matcher';
import type { BlockedItem } from '../../src/core/types';

/** Live consent and matcher behaviour for one test; reset() before each. */
export const state = { allowed: new Set<string>(), throws: false };
export const reports: BlockedItem[] = [];

/** tracker.test → analytics, ads.test → marketing, anything else unknown. */
export const matcher: Matcher = {
  url(u) {
    if (state.throws) throw new Error('matcher broke');
    const h = new URL(u, 'https://site.test/').hostname;
    return h == 'tracker.test'
      ? { category: 'analytics', vendor: 'Tracker' }
      : h == 'ads.test'
        ? { category: 'marketing', vendor: 'Ads' }
        : undefined;
  },
  cookie: () => undefined,
  // every markup is parsed: these tests judge URLs one by one
  mayNameIn: () => true,
};

export const gate = createGate({
  matcher,
  allowed: (c) => c == 'necessary' || state.allowed.has(c),
  report: (i) => void reports.push(i),
  keep: [],
});

export const win = window as unknown as Window & typeof globalThis;

export function reset(): void {
  state.allowed.clear();
  state.throws = false;
  reports.length = 0;
  document.body.replaceChildren();
}

/** An analytics tracker script, a marketing pixel and the site's own script, as the matcher above reads them. */
export const TRACKER = 'https://tracker.test/t.js';
export const AD_PIXEL = 'https://ads.test/p.gif';
export const FIRST_PARTY = 'https://site.test/app.js';
