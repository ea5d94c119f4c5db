import Cookies from 'js-cookie';
import type { Consentry, ResolvedConfig, SessionOptions } from './types';

/** Attributes of the cookies Consentry writes itself: Path=/, SameSite=Lax and Secure on https unless told otherwise. */
export const cookieAttributes = (options: SessionOptions) => ({
  path: options.path || '/',
  domain: options.domain,
  sameSite: options.sameSite || 'Lax',
  secure: options.secure ?? location.protocol == 'https:',
});

/**
 * The login session cookie: strictly necessary, so it is written whatever the consent, and session-only
 * (no Expires, no Max-Age): it ends with the browser session. Nothing in Consentry removes it but logout().
 * logout() takes no arguments in the common case: it removes the cookie where this page's login() put it.
 */
export function createSession(config: ResolvedConfig): Consentry['session'] {
  let lastOptions: SessionOptions = {};
  const nameIn = (options: SessionOptions) => options.name || config.session.name;
  return {
    login(value, options = {}) {
      lastOptions = options;
      Cookies.set(nameIn(options), value, cookieAttributes(options));
    },
    logout(options = lastOptions) {
      Cookies.remove(nameIn(options), cookieAttributes(options));
    },
    get: () => Cookies.get(nameIn(lastOptions)),
  };
}
