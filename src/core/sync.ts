import { readRecord, toRecord } from './record';
import type { ConsentRecord, ResolvedConfig } from './types';

export interface Sync {
  post(record: ConsentRecord): void;
  listen(onRecord: (record: ConsentRecord) => void): void;
}

/**
 * Cross-tab: each decision posts the record, so other tabs apply it at once. Any script of the origin can post on the
 * channel, so a received record counts only when it is well-formed (validated like a stored cookie: a tab on an
 * older revision ignores it) and the consent cookie, which the deciding tab wrote before posting, says the same (within two seconds).
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
          // This tab's view of the cookie jar can lag the message by a moment (another process wrote it): look
          // again a few times, two seconds at most, before taking the record for a forgery.
          let looks = 0;
          const check = () =>
            JSON.stringify(readRecord(config, win.document)) == JSON.stringify(record)
              ? onRecord(record!)
              : looks++ < 20 && setTimeout(check, 100);
          if (record) check();
        };
    },
  };
}
