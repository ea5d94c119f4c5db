import { recordFields } from '../core/record';
import type { ConsentRecord } from '../core/types';

/**
 * Proof of consent: each decision sent once, with the page and the language it was given in. A string body goes as
 * text/plain: a JSON type would need a CORS preflight, which a beacon cannot make.
 */
export function sendReceipt(endpoint: string, record: ConsentRecord, lang: string): void {
  try {
    navigator.sendBeacon(endpoint, JSON.stringify({ ...recordFields(record), url: location.href, language: lang }));
  } catch {}
}
