import Cookies from 'js-cookie';
import type { Consentry, ResolvedConfig, SessionOptions } from './types';

/** Attributes of the cookies Consentry writes itself: Path=/, SameSite=Lax and Secure on https unless told otherwise. */
export const attrs = (o: SessionOptions) => ({
  path: o.path || '/',
  domain: o.domain,
  sameSite: o.sameSite || 'Lax',
  secure: o.secure ?? location.protocol == 'https:',
});

/**
 * The login session cookie: strictly necessary, so it is written whatever the consent, and session-only
 * (no Expires, no Max-Age): it ends with the browser session. Nothing in Consentry removes it but logout().
 * logout() takes no arguments in the common case: it removes the cookie where this page's login() put it.
 */
export function createSession(config: ResolvedConfig): Consentry['session'] {
  let last: SessionOptions = {};
  const name = (o: SessionOptions) => o.name || config.session.name;
  return {
    login(value, o = {}) {
      Cookies.set(name((last = o)), value, attrs(o));
    },
    logout(o = last) {
      Cookies.remove(name(o), attrs(o));
    },
    get: () => Cookies.get(name(last)),
  };
}
