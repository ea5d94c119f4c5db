import { toRecord } from './record';
import type { ConsentRecord, ResolvedConfig } from './types';

export interface Sync {
  post(record: ConsentRecord): void;
  listen(onRecord: (record: ConsentRecord) => void): void;
}

/**
 * Cross-tab: each decision posts the record itself, because the other tab may not see the new cookie yet when a
 * message arrives. Received records are validated like a stored cookie (a tab on an older revision ignores them).
 * Without BroadcastChannel, tabs catch up on their next page load.
 */
export function createSync(config: ResolvedConfig, win: Window): Sync {
  let channel: BroadcastChannel | undefined;
  try {
    channel = new (win as any).BroadcastChannel('consentry');
  } catch {}
  return {
    post: (record) => channel?.postMessage(record),
    listen(onRecord) {
      if (channel)
        channel.onmessage = (message) => {
          const record = toRecord(message.data, config);
          if (record) onRecord(record);
        };
    },
  };
}
