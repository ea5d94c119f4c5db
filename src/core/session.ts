import { readCookie, removeCookie, writeCookie } from './own-cookies';
import type { Consentry, ResolvedConfig, SessionOptions } from './types';

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
      writeCookie(nameIn(options), value, options);
    },
    logout(options = lastOptions) {
      removeCookie(nameIn(options), options);
    },
    get: () => readCookie(nameIn(lastOptions)),
  };
}
