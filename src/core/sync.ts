import type { ConsentRecord, ResolvedConfig } from './types';
import { toRecord } from './record';

export interface Sync {
  post(r: ConsentRecord): void;
  listen(fn: (r: ConsentRecord) => void): void;
}

/**
 * Cross-tab: each decision posts the record itself, because the other tab may not see the new cookie yet when a
 * message arrives. Received records are validated like a stored cookie (a tab on an older revision ignores them).
 * Without BroadcastChannel, tabs catch up on their next page load.
 */
export function createSync(config: ResolvedConfig, win: Window): Sync {
  let ch: BroadcastChannel | undefined;
  try {
    ch = new (win as any).BroadcastChannel('consentry');
  } catch {}
  return {
    post: (r) => ch?.postMessage(r),
    listen(fn) {
      if (ch)
        ch.onmessage = (e) => {
          const r = toRecord(e.data, config);
          if (r) fn(r);
        };
    },
  };
}
