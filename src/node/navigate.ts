import type { BrowserContext, Page, Request, Response } from 'playwright-core';
import { UserError } from './io';

/**
 * Loading a page the way a visitor would, and the one line that says why it could not be loaded. Shared by the
 * audit and the scan, whose waiting is all here: `load`, then a quiet network, never a fixed sleep.
 */

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Chromium's network error names, said the way a site owner would say them. */
const NET_ERRORS: Record<string, string> = {
  ERR_CONNECTION_REFUSED: 'connection refused (is the server running?)',
  ERR_NAME_NOT_RESOLVED: 'host not found',
  ERR_ADDRESS_UNREACHABLE: 'address unreachable',
  ERR_CONNECTION_TIMED_OUT: 'connection timed out',
  ERR_TOO_MANY_REDIRECTS: 'redirect loop (too many redirects)',
  ERR_CERT_AUTHORITY_INVALID: 'untrusted TLS certificate',
  ERR_ABORTED: 'the browser did not open it as a page (a download?)',
  ERR_EMPTY_RESPONSE: 'the server closed the connection without answering',
};

/** One line for a failed `goto`/`reload`. */
export function navigationError(error: unknown, url: string, timeout: number): UserError {
  const message = (error as Error)?.message ?? String(error);
  if (/Timeout \d+ms exceeded/.test(message))
    return new UserError(`${url} did not finish loading within ${seconds(timeout)} (its load event never fired)`);
  const net = /net::(ERR_[A-Z_]+)/.exec(message)?.[1];
  if (net) return new UserError(`cannot load ${url}: ${NET_ERRORS[net] ?? net}`);
  if (/Download is starting/.test(message))
    return new UserError(`${url} is not an HTML page (the browser downloads it)`);
  return new UserError(`cannot load ${url}: ${message.split('\n')[0]}`);
}

/** Refuses what is not an HTML page: an error status, another content type. */
export function checkResponse(response: Response | null, url: string): Response {
  if (!response) throw new UserError(`cannot load ${url}: no response`);
  const status = response.status();
  if (status >= 400)
    throw new UserError(`${url} answered HTTP ${status}${response.statusText() ? ' ' + response.statusText() : ''}`);
  const type = (response.headers()['content-type'] ?? '').split(';')[0].trim();
  if (!/^(text\/html|application\/xhtml\+xml)$/i.test(type))
    throw new UserError(`${url} is not an HTML page (content-type ${type || 'missing'})`);
  return response;
}

export async function open(page: Page, url: string, timeout: number): Promise<Response> {
  let response: Response | null;
  try {
    response = await page.goto(url, { waitUntil: 'load', timeout });
  } catch (e) {
    throw navigationError(e, url, timeout);
  }
  return checkResponse(response, url);
}

export async function reload(page: Page, timeout: number): Promise<Response> {
  const url = page.url();
  let response: Response | null;
  try {
    response = await page.reload({ waitUntil: 'load', timeout });
  } catch (e) {
    throw navigationError(e, url, timeout);
  }
  return checkResponse(response, url);
}

/** The longest a wait for a quiet network lasts, unless `quiet` asks for more (a stream never goes quiet). */
export const SETTLE_MAX = 5000;

export interface NetworkWatch {
  /**
   * Resolves once no request of the context has been in flight for `quiet` ms (a vendor chain, script → config →
   * beacon, keeps it waiting), or after SETTLE_MAX (twice `quiet` if longer) whatever is still open.
   */
  settle(quiet: number): Promise<void>;
}

export function watchNetwork(context: BrowserContext): NetworkWatch {
  const inflight = new Set<Request>();
  let changed = () => {};
  context.on('request', (r) => {
    inflight.add(r);
    changed();
  });
  const done = (r: Request) => inflight.delete(r) && changed();
  context.on('requestfinished', done);
  context.on('requestfailed', done);
  return {
    settle: (quiet) =>
      new Promise<void>((resolve) => {
        let timer: NodeJS.Timeout | undefined;
        const end = () => {
          clearTimeout(timer);
          clearTimeout(cap);
          changed = () => {};
          resolve();
        };
        const cap = setTimeout(end, Math.max(SETTLE_MAX, 2 * quiet));
        changed = () => {
          clearTimeout(timer);
          if (!inflight.size) timer = setTimeout(end, quiet);
        };
        changed();
      }),
  };
}
