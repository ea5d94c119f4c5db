import type { SessionOptions } from './types';

/**
 * The cookies Consentry writes itself: the consent record and the session login cookie. Path=/, SameSite=Lax and, on
 * https, Secure unless told otherwise. Names and values are percent-encoded except where RFC 6265 allows the
 * character as it is, so a server reading the login cookie sees a readable value (`user:1@site` stays as it is).
 */
const encodeName = (name: string) =>
  encodeURIComponent(name)
    .replace(/%(2[346B]|5E|60|7C)/g, decodeURIComponent)
    .replace(/[()]/g, (bracket) => '%' + bracket.charCodeAt(0).toString(16).toUpperCase());
const encodeValue = (value: string) =>
  encodeURIComponent(value).replace(/%(2[346BF]|3[AC-F]|40|5[BDE]|60|7[BCD])/g, decodeURIComponent);
/** An attribute value ends at the first `;`: a path or domain from the page cannot add attributes of its own. */
const attribute = (name: string, value?: string) => (value ? `; ${name}=${value.split(';')[0]}` : '');

/** Writes one cookie; `days` sets Expires (negative: a date in the past, which deletes it), none: a session cookie. */
export function writeCookie(name: string, value: string, options: SessionOptions, days?: number): void {
  document.cookie =
    encodeName(name) +
    '=' +
    encodeValue(value) +
    attribute('path', options.path || '/') +
    attribute('domain', options.domain) +
    attribute('sameSite', options.sameSite || 'Lax') +
    ((options.secure ?? location.protocol == 'https:') ? '; secure' : '') +
    attribute('expires', days ? new Date(Date.now() + days * 864e5).toUTCString() : '');
}

/** Deletes the cookie written with these options (the same path and domain). */
export const removeCookie = (name: string, options: SessionOptions): void => writeCookie(name, '', options, -1);

/** The value of the first cookie of this name this page can read, decoded; undefined when there is none. */
export function readCookie(name: string): string | undefined {
  for (const pair of document.cookie.split('; ')) {
    const equals = pair.indexOf('=');
    try {
      if (equals > 0 && decodeURIComponent(pair.slice(0, equals)) == name)
        return decodeURIComponent(pair.slice(equals + 1));
    } catch {}
  }
}
