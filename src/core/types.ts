/**
 * Public types of Consentry. They are the API's documentation: every shape a site owner writes
 * (config) or a developer reads (record, blocked items, events) is defined here.
 */

/** A category id. The four built in are `necessary`, `preferences`, `analytics`, `marketing`; a site may add its own. */
export type CategoryId = string;

/** How a decision was made. */
export type Method = 'accept-all' | 'reject-all' | 'custom' | 'api' | 'gpc';

/** The stored choice, as kept in the first-party consent cookie. */
export interface ConsentRecord {
  /** Random UUID identifying this visitor's consent, for proof of consent. */
  id: string;
  /** The policy revision the choice was given for; a newer config revision asks again. */
  revision: string;
  /** ISO time of the first decision under this id. */
  given: string;
  /** ISO time of the latest decision. */
  updated: string;
  method: Method;
  /** One entry per configured category; `necessary` is always true. */
  categories: Record<CategoryId, boolean>;
}

/** A string, or one string per language (`en`, `zh-Hant`, `zh-Hans`, ...). */
export type Text = string | Record<string, string>;

/** A cookie shown in the preferences dialog's table; `name` may end in `*` to mean a prefix. */
export interface CookieInfo {
  name: string;
  provider?: string;
  purpose?: Text;
  /** Human-readable lifetime, e.g. `session`, `2 years`. */
  lifetime?: Text;
}

export interface CategoryConfig {
  title?: Text;
  description?: Text;
  /** Cookies of this category: listed in the dialog, and blocked/purged like catalogue cookies. */
  cookies?: CookieInfo[];
}

/** An extra blocking rule: `match` is a host (`cdn.example.net`, any subdomain matches) or host+path prefix (`example.com/track`). */
export interface Rule {
  match: string;
  category: CategoryId;
  vendor?: string;
}

/** Every string the banner and dialog show; each may be overridden per language through `texts`. */
export interface Texts {
  bannerTitle: string;
  bannerText: string;
  acceptAll: string;
  rejectAll: string;
  customise: string;
  save: string;
  close: string;
  preferencesTitle: string;
  preferencesText: string;
  policyLink: string;
  /** `{date}` is replaced by the policy's last-updated date. */
  policyUpdated: string;
  alwaysOn: string;
  gpcNotice: string;
  /** The guardian line the banner adds with config `minorsNotice`; names no age, which differs by country. */
  minorsNotice: string;
  cookieName: string;
  cookieProvider: string;
  cookiePurpose: string;
  cookieLifetime: string;
  session: string;
  /**
   * The floating button's accessible name and tooltip (it shows an icon only). Not in the language files: the
   * loader carries the built-in ones (src/loader/open-button-labels.ts), so a returning visitor fetches no other file.
   */
  openButton: string;
  /** Heading of the visitor's record in the preferences dialog. */
  recordTitle: string;
  /** Labels of the record's fields: its consent id, when it was first given, last changed, and how. */
  recordId: string;
  recordGiven: string;
  recordUpdated: string;
  recordMethod: string;
  /** Shown in place of the record while the visitor has not decided. */
  recordNone: string;
  /** The record's `method`, in words: `accept-all`, `reject-all`, `custom`, `api`, `gpc`. */
  methodAcceptAll: string;
  methodRejectAll: string;
  methodCustom: string;
  methodApi: string;
  /** "Accept all" under Global Privacy Control: everything but marketing. */
  methodGpc: string;
  /** Takes back everything but `necessary` (recorded as `reject-all`). */
  withdrawAll: string;
  /** `{vendor}` is replaced by the vendor's name. */
  embedBlocked: string;
  embedAllow: string;
  categories: Record<CategoryId, { title: string; description: string }>;
}

/** Configuration, from `data-*` attributes, `<script type="application/json" id="consentry-config">`, or `init()`. */
export interface Config {
  /** Policy revision; when it changes, every visitor is asked again. Default `"1"`. */
  revision?: string;
  /** Link to the privacy/cookie policy (http(s) or a relative path). */
  policyUrl?: string;
  /** Policy's last-updated date, `YYYY-MM-DD`. */
  policyUpdated?: string;
  /**
   * One of LANGUAGES (src/core/language.ts), or a tag with a region (`de-AT` means German); default: `<html lang>`,
   * then `navigator.languages`, then `en`.
   */
  language?: string;
  /** Rename, describe, add (object) or drop (`false`) categories. `necessary` cannot be dropped. */
  categories?: Record<CategoryId, CategoryConfig | false>;
  /** Extra blocking rules on top of the built-in catalogue. */
  rules?: Rule[];
  /** First-party exceptions: hosts or host+path prefixes that are never blocked. */
  allow?: string[];
  /** The consent record cookie. */
  cookie?: { name?: string; days?: number; domain?: string };
  /** Name of the session login cookie written by `consentry.session.login`. Default `consentry_session`. */
  session?: { name?: string };
  /** Google Consent Mode v2: `basic` (Google tags blocked until consent, default), `advanced`, or `off`. */
  consentMode?: 'basic' | 'advanced' | 'off';
  /** Honour Global Privacy Control (deny marketing by default). Default true. */
  gpc?: boolean;
  /** Reload the page when a category that ran is withdrawn. Default true. */
  reloadOnWithdraw?: boolean;
  /** Send each decision once as JSON to this endpoint (sendBeacon). */
  receipts?: { endpoint: string };
  /** String overrides per language. */
  texts?: Record<string, Partial<Omit<Texts, 'categories'>>>;
  /**
   * The floating button that reopens the preferences once the visitor has decided: `"auto"` (default) shows it
   * unless the page has a `[data-consentry-open]` element at DOMContentLoaded; `true` always; `false` never.
   */
  openButton?: boolean | 'auto';
  /** Add a line to the banner asking visitors under the age of digital consent to ask a parent or guardian. Default false. */
  minorsNotice?: boolean;
  /**
   * The shield, an opt-in service worker that holds trackers back at the network layer from a visitor's second page
   * view on: the URL of `dist/consentry-sw.js` as the site serves it, on the page's own origin (http(s) or relative;
   * its folder is the scope it controls, so serve it at the root or send `Service-Worker-Allowed`), or the URL of the
   * site's own worker when that one does `importScripts('/consentry-sw.js')`. The loader registers it after the
   * page's `load` event. `false` removes the registration the loader made, on the next page view. Absent (default):
   * nothing is registered or removed. The in-page blocking runs either way; the shield only adds to it.
   */
  serviceWorker?: string | false;
}

export interface ResolvedCategory {
  id: CategoryId;
  /** `necessary` only: shown as always on, cannot be switched off. */
  required: boolean;
  title?: Text;
  description?: Text;
  cookies: CookieInfo[];
}

/** Config after defaults and validation: every field present. */
export interface ResolvedConfig {
  revision: string;
  policyUrl?: string;
  policyUpdated?: string;
  language?: string;
  /** In display order, `necessary` first. */
  categories: ResolvedCategory[];
  rules: Rule[];
  allow: string[];
  cookie: { name: string; days: number; domain?: string };
  session: { name: string };
  consentMode: 'basic' | 'advanced' | 'off';
  gpc: boolean;
  reloadOnWithdraw: boolean;
  receipts?: { endpoint: string };
  texts: Record<string, Partial<Omit<Texts, 'categories'>>>;
  openButton: boolean | 'auto';
  minorsNotice: boolean;
  serviceWorker?: string | false;
}

/** The channel a blocked item tried to use. */
export type BlockedKind =
  | 'script'
  | 'img'
  | 'iframe'
  | 'link'
  | 'source'
  | 'embed'
  | 'object'
  | 'ping'
  | 'beacon'
  | 'fetch'
  | 'xhr'
  | 'websocket'
  | 'eventsource'
  | 'worker'
  | 'cookie'
  // the elements and platform APIs of the fetching doors (src/catalogue/marked-form.ts, src/block/platform.ts)
  | 'frame'
  | 'audio'
  | 'video'
  | 'track'
  | 'input'
  | 'body'
  | 'table'
  | 'thead'
  | 'tbody'
  | 'tfoot'
  | 'tr'
  | 'td'
  | 'th'
  | 'image'
  | 'feImage'
  | 'use'
  | 'navigation'
  | 'worklet'
  | 'font'
  | 'cache'
  | 'webtransport'
  | 'rtc';

/** Something held back by the blocker. */
export interface BlockedItem {
  kind: BlockedKind;
  /** The URL, or the cookie's name for `cookie`. */
  url: string;
  category: CategoryId;
  vendor: string;
  /** ms since navigation start. */
  time: number;
  /** The inert element left in place, for element kinds. */
  element?: Element;
}

export interface SessionOptions {
  /** Cookie name; default from config `session.name`. */
  name?: string;
  path?: string;
  domain?: string;
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** Default: true on https. */
  secure?: boolean;
}

export interface ConsentryEvents {
  /** A decision (the new record), or `null` after `reset()`. */
  change: ConsentRecord | null;
  ready: ConsentRecord | null;
  blocked: BlockedItem;
}
export type ConsentEvent = keyof ConsentryEvents;

/** `window.consentry`, and the ES entry's `consentry`. */
export interface Consentry {
  /** The stored choice, or null until the visitor decided. */
  get(): ConsentRecord | null;
  /** Whether a category is allowed now; `necessary` is always true. */
  allowed(category: CategoryId): boolean;
  acceptAll(): void;
  rejectAll(): void;
  /**
   * Set some categories (others keep their current value). Recorded with method `api`; the preferences dialog
   * passes `custom` so the record tells a visitor's own per-category choice from a developer's call.
   */
  set(choices: Record<CategoryId, boolean>, method?: 'custom'): void;
  /** Subscribe; returns the unsubscribe function. */
  on<E extends ConsentEvent>(event: E, fn: (detail: ConsentryEvents[E]) => void): () => void;
  /** Run `fn` now if the category is allowed, or once when it becomes allowed. */
  whenAllowed(category: CategoryId, fn: () => void): void;
  /** Show the first layer (banner). */
  show(): void;
  /** Show the preferences dialog. */
  showPreferences(): void;
  hide(): void;
  /** Forget the choice and ask again. */
  reset(): void;
  /** What was held back, for audits. */
  blocked(): BlockedItem[];
  session: {
    login(value: string, options?: SessionOptions): void;
    /** Removes the cookie where this page's login() wrote it; pass options when it was written elsewhere. */
    logout(options?: SessionOptions): void;
    get(): string | undefined;
  };
  /** The resolved configuration (read-only). */
  readonly config: ResolvedConfig;
  readonly version: string;
}
