import type { ConsentRecord, ResolvedConfig } from './types';

/**
 * Proof of consent: each decision sent once to `receipts.endpoint`. The body is JSON sent as text/plain, because
 * a JSON content type would make a cross-origin beacon need a CORS preflight, which sendBeacon cannot do.
 */
export function sendReceipt(config: ResolvedConfig, r: ConsentRecord, language: string): void {
  const url = config.receipts?.endpoint;
  const { id, revision, method, categories, given, updated } = r;
  const body = JSON.stringify({ id, revision, method, categories, given, updated, url: location.href, language });
  try {
    if (url) navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
  } catch {}
}
