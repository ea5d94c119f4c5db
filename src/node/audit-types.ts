import type { CategoryId, ConsentRecord } from '../core/types';

/** The evidence an audit collects: what `--json` writes, and what the text and HTML reports are rendered from. */

export type PhaseId = 'before' | 'reject' | 'accept';

export const PHASES: readonly { id: PhaseId; label: string }[] = [
  { id: 'before', label: 'before consent' },
  { id: 'reject', label: 'after Reject all' },
  { id: 'accept', label: 'after Accept all' },
];

/**
 * - `leak`: a category the visitor has not allowed (only counted before consent and after Reject all);
 * - `unknown`: a third party neither the catalogue nor the config names (counted like a leak in those phases:
 *   nothing says it does not track);
 * - `allowed`: its category is allowed in this phase (`necessary` always is);
 * - `allow-list`: the config's `allow` list names it;
 * - `consent-mode`: a Google tag that Consent Mode `advanced` loads with consent denied.
 */
export type RequestStatus = 'leak' | 'unknown' | 'allowed' | 'allow-list' | 'consent-mode';

/** `unclassified`: a cookie no category names; listed for the owner, not counted as a leak. */
export type CookieStatus = 'leak' | 'unclassified' | 'allowed' | 'allow-list';

export interface RequestEvidence {
  url: string;
  host: string;
  method: string;
  /** Chromium's resource type: `script`, `image`, `ping`, `fetch`, `xhr`, `stylesheet`, `document` (a frame), `websocket`… */
  initiatorType: string;
  /** The frame that asked for it, when it is not the page itself (a third-party iframe). */
  frame?: string;
  /** ms since the phase began. */
  time: number;
  category?: CategoryId;
  vendor: string;
  status: RequestStatus;
  /** A tag attribute in the page's HTML names this URL: static markup, fetched before any script can stop it. */
  inHtml?: true;
}

export interface CookieEvidence {
  name: string;
  domain: string;
  path: string;
  /** ISO date, or `session`. */
  expires: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  thirdParty: boolean;
  category?: CategoryId;
  vendor: string;
  status: CookieStatus;
}

/** What the loader reported holding back (`consentry.blocked()`), element left out. */
export interface HeldBack {
  kind: string;
  url: string;
  category: CategoryId;
  vendor: string;
}

export interface PhaseResult {
  phase: PhaseId;
  label: string;
  /** `consentry.get()` at the end of the phase: null before consent. */
  record: ConsentRecord | null;
  requests: RequestEvidence[];
  cookies: CookieEvidence[];
  heldBack: HeldBack[];
  /** Requests and cookies counted against the verdict (always 0 after Accept all). */
  leaks: number;
}

export interface PageResult {
  url: string;
  /** Where the classification came from: `page` (window.consentry.config) or the --config file's path. */
  config?: string;
  /** `consentry.version` on the page. */
  loader?: string;
  /** Why the page could not be audited (exit 2). */
  error?: string;
  durationMs: number;
  phases: PhaseResult[];
  /** Consentry's own console errors and warnings on the page (a config the loader rejected, for one). */
  console: string[];
  /** The first view with its banner, JPEG base64 (for --html only; not in --json). */
  screenshot?: string;
}

export interface AuditReport {
  tool: 'consentry audit';
  url: string;
  started: string;
  browser: string;
  verdict: 'pass' | 'leak' | 'incomplete';
  exitCode: number;
  /** Requests and cookies of a not-allowed category (or unknown) before consent or after Reject all, all pages. */
  leaks: number;
  /** Third-party hosts not in the catalogue nor the config, with what to paste into the config. */
  unknown: { hosts: string[]; rules: { match: string; category: string; vendor: string }[]; allow: string[] };
  pages: PageResult[];
}
